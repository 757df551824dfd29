import { Migration } from '@mikro-orm/migrations';

/** The sheet batch behind each audit event (issue 18, item 6): what `undoSyncBatch` reverts. */
export class Migration20261205105621 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "audit_event" add column "batch_key" varchar(210) null;`);
    this.addSql(`create index "audit_event_plan_id_batch_key_index" on "audit_event" ("plan_id", "batch_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "audit_event_plan_id_batch_key_index";`);
    this.addSql(`alter table "audit_event" drop column "batch_key";`);
  }

}
