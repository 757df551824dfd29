import { Migration } from '@mikro-orm/migrations';

export class Migration20261122061944 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "app_user" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "email" varchar(320) not null, "active" boolean not null default true, "system_admin" boolean not null default false, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "membership" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" varchar(36) not null, "org_id" varchar(36) not null, "role" text check ("role" in ('admin', 'controller', 'unit_editor', 'viewer')) not null, "unit_ids" jsonb not null, constraint "membership_pkey" primary key ("id"));`);
    this.addSql(`alter table "membership" add constraint "membership_user_id_org_id_unique" unique ("user_id", "org_id");`);

    this.addSql(`create table "api_token" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" varchar(36) not null, "prefix" varchar(16) not null, "hash" varchar(64) not null, "label" varchar(200) null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_token_pkey" primary key ("id"));`);
    this.addSql(`create index "api_token_prefix_hash_index" on "api_token" ("prefix", "hash");`);

    this.addSql(`alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_token" add constraint "api_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "audit_event" add column "plan_id" varchar(36) null;`);
    this.addSql(`create index "audit_event_plan_id_at_index" on "audit_event" ("plan_id", "at");`);

    this.addSql(`alter table "plan_version" add column "approved_by_user" varchar(200) null, add column "closed_at" timestamptz null, add column "closed_by_user" varchar(200) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "membership" drop constraint "membership_user_id_foreign";`);

    this.addSql(`alter table "api_token" drop constraint "api_token_user_id_foreign";`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "membership" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);

    this.addSql(`drop index "audit_event_plan_id_at_index";`);
    this.addSql(`alter table "audit_event" drop column "plan_id";`);

    this.addSql(`alter table "plan_version" drop column "approved_by_user", drop column "closed_at", drop column "closed_by_user";`);
  }

}
