import { Migration } from '@mikro-orm/migrations';
import { answerBytes, answerJson } from '../../sync/answer-bytes';

/**
 * A sync's stored answer kept compressed (session replay): `answer` (bytea, answer-bytes.ts) replaces `response`
 * (jsonb). Each stored answer is converted in JavaScript (Brotli), one row at a time (B1's are ~8 MB each): its JSON
 * as jsonb gives it back, compacted, which a retry replays as it did from the jsonb column.
 */
export class Migration20261207230000 extends Migration {

  override async up(): Promise<void> {
    await this.convert('"answer" bytea', 'response::text', 'answer', (text) =>
      answerBytes(JSON.stringify(JSON.parse(String(text)))),
    );
    await this.run(`alter table "sync_batch" drop column "response";`);
  }

  override async down(): Promise<void> {
    await this.convert('"response" jsonb', 'answer', 'response', (bytes) => answerJson(bytes as Buffer));
    await this.run(`alter table "sync_batch" drop column "answer";`);
  }

  private run<T>(sql: string, bindings: unknown[] = []): Promise<T> {
    return this.getKnex().raw(sql, bindings as never).transacting(this.ctx as never) as unknown as Promise<T>;
  }

  /** `column` added to sync_batch, each row's `to` made from its `from` by `convert`, then made not null */
  private async convert(column: string, from: string, to: string, convert: (value: unknown) => unknown) {
    await this.run(`alter table "sync_batch" add column ${column} null;`);
    const { rows: ids } = await this.run<{ rows: Array<{ id: string }> }>(`select "id" from "sync_batch"`);
    for (const { id } of ids) {
      const { rows } = await this.run<{ rows: Array<{ value: unknown }> }>(
        `select ${from} as "value" from "sync_batch" where "id" = ?`,
        [id],
      );
      await this.run(`update "sync_batch" set "${to}" = ? where "id" = ?`, [convert(rows[0].value), id]);
    }
    await this.run(`alter table "sync_batch" alter column "${to}" set not null;`);
  }

}
