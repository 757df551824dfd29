import { Migration } from '@mikro-orm/migrations';

export class Migration20261122032843 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "checkpoint_lock" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "plan_id" varchar(36) not null, "position" int not null default 0, "year" int not null, "checkpoint" text check ("checkpoint" in ('30/6', '31/12')) not null, "reason" text null, "locked_by" varchar(200) null, constraint "checkpoint_lock_pkey" primary key ("id"));`);
    this.addSql(`alter table "checkpoint_lock" add constraint "checkpoint_lock_plan_id_year_checkpoint_unique" unique ("plan_id", "year", "checkpoint");`);

    this.addSql(`create table "sync_batch" ("id" varchar(36) not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "org_id" varchar(36) not null, "plan_id" varchar(36) not null, "batch_key" varchar(200) not null, "request_hash" varchar(64) not null, "response" jsonb not null, constraint "sync_batch_pkey" primary key ("id"));`);
    this.addSql(`alter table "sync_batch" add constraint "sync_batch_plan_id_batch_key_unique" unique ("plan_id", "batch_key");`);

    this.addSql(`alter table "checkpoint_lock" add constraint "checkpoint_lock_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "checkpoint_lock" add constraint "checkpoint_lock_plan_id_foreign" foreign key ("plan_id") references "plan_version" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "sync_batch" add constraint "sync_batch_org_id_foreign" foreign key ("org_id") references "organisation" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sync_batch" add constraint "sync_batch_plan_id_foreign" foreign key ("plan_id") references "plan_version" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "checkpoint_lock" cascade;`);

    this.addSql(`drop table if exists "sync_batch" cascade;`);
  }

}
