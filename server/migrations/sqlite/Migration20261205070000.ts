import { Migration } from '@mikro-orm/migrations';

/** The plan's change counter (issue 15): the score cache's stamp read in constant time, not a count of audit events. */
export class Migration20261205070000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`plan_version\` add column \`change_count\` integer not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table `plan_version` drop column `change_count`;');
  }

}
