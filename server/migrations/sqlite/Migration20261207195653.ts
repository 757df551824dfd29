import { Migration } from '@mikro-orm/migrations';

/** The price's count of a plan's indicators through the tenant filter seeks (plan, organisation) (session readcpu). */
export class Migration20261207195653 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`indicator_plan_id_org_id_index\` on \`indicator\` (\`plan_id\`, \`org_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index `indicator_plan_id_org_id_index`;');
  }

}
