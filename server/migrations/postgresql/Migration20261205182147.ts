import { Migration } from '@mikro-orm/migrations';

/** The plan's sliced reads seek by (plan, id) instead of sorting all the plan's rows per slice (bench B4). */
export class Migration20261205182147 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "indicator_plan_id_id_index" on "indicator" ("plan_id", "id");`);

    this.addSql(`create index "measurement_plan_id_id_index" on "measurement" ("plan_id", "id");`);

    this.addSql(`create index "target_plan_id_id_index" on "target" ("plan_id", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "indicator_plan_id_id_index";`);

    this.addSql(`drop index "measurement_plan_id_id_index";`);

    this.addSql(`drop index "target_plan_id_id_index";`);
  }

}
