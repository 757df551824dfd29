import { Migration } from '@mikro-orm/migrations';

export class Migration20261122061944 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`app_user\` (\`id\` text not null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`email\` text not null, \`active\` integer not null default true, \`system_admin\` integer not null default false, primary key (\`id\`));`);
    this.addSql(`create unique index \`app_user_email_unique\` on \`app_user\` (\`email\`);`);

    this.addSql(`create table \`membership\` (\`id\` text not null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`user_id\` text not null, \`org_id\` text not null, \`role\` text check (\`role\` in ('admin', 'controller', 'unit_editor', 'viewer')) not null, \`unit_ids\` json not null, constraint \`membership_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on delete cascade on update cascade, constraint \`membership_org_id_foreign\` foreign key(\`org_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`membership_user_id_index\` on \`membership\` (\`user_id\`);`);
    this.addSql(`create index \`membership_org_id_index\` on \`membership\` (\`org_id\`);`);
    this.addSql(`create unique index \`membership_user_id_org_id_unique\` on \`membership\` (\`user_id\`, \`org_id\`);`);

    this.addSql(`create table \`api_token\` (\`id\` text not null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`user_id\` text not null, \`prefix\` text not null, \`hash\` text not null, \`label\` text null, \`expires_at\` datetime null, \`revoked_at\` datetime null, \`last_used_at\` datetime null, constraint \`api_token_user_id_foreign\` foreign key(\`user_id\`) references \`app_user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`api_token_user_id_index\` on \`api_token\` (\`user_id\`);`);
    this.addSql(`create index \`api_token_prefix_hash_index\` on \`api_token\` (\`prefix\`, \`hash\`);`);

    // MikroORM's SQLite diff also rebuilt unchanged tables (__temp_alter): removed by hand, only this tables stay.
    this.addSql(`alter table \`audit_event\` add column \`plan_id\` text null;`);
    this.addSql(`create index \`audit_event_plan_id_at_index\` on \`audit_event\` (\`plan_id\`, \`at\`);`);

    this.addSql(`alter table \`plan_version\` add column \`approved_by_user\` text null;`);
    this.addSql(`alter table \`plan_version\` add column \`closed_at\` datetime null;`);
    this.addSql(`alter table \`plan_version\` add column \`closed_by_user\` text null;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `api_token`;');
    this.addSql('drop table if exists `membership`;');
    this.addSql('drop table if exists `app_user`;');
    this.addSql('drop index if exists `audit_event_plan_id_at_index`;');
    this.addSql('alter table `audit_event` drop column `plan_id`;');
    this.addSql('alter table `plan_version` drop column `approved_by_user`;');
    this.addSql('alter table `plan_version` drop column `closed_at`;');
    this.addSql('alter table `plan_version` drop column `closed_by_user`;');
  }

}
