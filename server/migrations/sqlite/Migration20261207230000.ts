import { Migration } from '@mikro-orm/migrations';
import { answerBytes, answerJson } from '../../sync/answer-bytes';

/** sync_batch as it is with the stored answer's column given: every other column, constraint and index as before */
const table = (name: string, answer: string) =>
  `create table \`${name}\` (\`id\` text not null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`org_id\` text not null, \`plan_id\` text not null, \`batch_key\` text not null, \`request_hash\` text not null, ${answer}, constraint \`sync_batch_org_id_foreign\` foreign key(\`org_id\`) references \`organisation\`(\`id\`) on delete cascade on update cascade, constraint \`sync_batch_plan_id_foreign\` foreign key(\`plan_id\`) references \`plan_version\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`;
const OTHERS = '`id`, `version`, `created_at`, `updated_at`, `org_id`, `plan_id`, `batch_key`, `request_hash`';

/**
 * A sync's stored answer kept compressed (session replay): `answer` (blob, answer-bytes.ts) replaces `response`
 * (its JSON text). SQLite cannot add a column that is not null without a default, so the table is rebuilt; each
 * stored answer is converted in JavaScript (Brotli), one row at a time (B1's are ~8 MB each), the JSON text exactly
 * as it was stored, so that a retry replays the same answer after the migration. Nothing references sync_batch.
 */
export class Migration20261207230000 extends Migration {

  override async up(): Promise<void> {
    await this.rebuild('`answer` blob not null', 'response', 'answer', (text) => answerBytes(String(text)));
  }

  override async down(): Promise<void> {
    await this.rebuild('`response` json not null', 'answer', 'response', (bytes) => answerJson(bytes as Buffer));
  }

  /** sync_batch rebuilt with `column`, each row's `to` made from its `from` by `convert` */
  private async rebuild(column: string, from: string, to: string, convert: (value: unknown) => unknown) {
    const run = <T>(sql: string, bindings: unknown[] = []) =>
      this.getKnex().raw(sql, bindings as never).transacting(this.ctx as never) as unknown as Promise<T>;
    await run(table('sync_batch__converted', column));
    const ids = await run<Array<{ id: string }>>('select `id` from `sync_batch`');
    for (const { id } of ids) {
      const [row] = await run<Array<Record<string, unknown>>>(`select \`${from}\` from \`sync_batch\` where \`id\` = ?`, [id]);
      await run(
        `insert into \`sync_batch__converted\` (${OTHERS}, \`${to}\`) select ${OTHERS}, ? from \`sync_batch\` where \`id\` = ?`,
        [convert(row[from]), id],
      );
    }
    await run('drop table `sync_batch`;');
    await run('alter table `sync_batch__converted` rename to `sync_batch`;');
    await run('create index `sync_batch_org_id_index` on `sync_batch` (`org_id`);');
    await run('create index `sync_batch_plan_id_index` on `sync_batch` (`plan_id`);');
    await run('create unique index `sync_batch_plan_id_batch_key_unique` on `sync_batch` (`plan_id`, `batch_key`);');
  }

}
