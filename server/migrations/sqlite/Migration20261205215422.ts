import { Migration } from '@mikro-orm/migrations';

/** Each plan's commits in commit order, with their starts: the sheet's delta cursor (server/services/commit-order.ts). */
export class Migration20261205215422 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`plan_commit\` (\`plan_id\` text not null, \`seq\` integer not null, \`started_ms\` bigint not null, constraint \`plan_commit_plan_id_foreign\` foreign key(\`plan_id\`) references \`plan_version\`(\`id\`) on delete cascade on update cascade, primary key (\`plan_id\`, \`seq\`));`);
    this.addSql(`create index \`plan_commit_plan_id_index\` on \`plan_commit\` (\`plan_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `plan_commit`;');
  }

}
