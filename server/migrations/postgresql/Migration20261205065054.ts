import { Migration } from '@mikro-orm/migrations';

export class Migration20261205065054 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "operational_objective" add column "card_perspective" varchar(300) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "operational_objective" drop column "card_perspective";`);
  }

}
