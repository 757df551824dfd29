import { Migration } from '@mikro-orm/migrations';

export class Migration20261205065052 extends Migration {

  override async up(): Promise<void> {
    // MikroORM's SQLite diff also rebuilt unchanged tables (__temp_alter): removed by hand, only the new column stays.
    this.addSql(`alter table \`operational_objective\` add column \`card_perspective\` text null;`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table `operational_objective` drop column `card_perspective`;');
  }

}
