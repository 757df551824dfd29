import { randomUUID } from 'node:crypto';
import { openOrm } from '../../server/db/orm';
import { SyncBatch } from '../../server/entities/sync-batch';
import { migrationsFor } from '../../server/migrations';
import { answerJson } from '../../server/sync/answer-bytes';
import { replayedAnswer } from '../../server/sync/stored-answers';
import { databaseFor, databaseNames } from '../helpers/databases';
import { seededWithCopy } from '../helpers/seeded-copy';
import { startServer, type TestServer } from '../helpers/server';
import { edit, ok, sondrioPlan, SYNC_ROWS } from '../helpers/sync';
import { buildPlan } from '../helpers/synthetic-plan';

/**
 * A keyed sync's answer is stored for a retry of the same rows (sync_batch.answer), compressed: a retry replays the
 * first answer exactly, explanations included, whether the fast paths wrote it or the unit of work did; and the
 * answers stored as JSON before the column was compressed replay as they did.
 */
describe.each(databaseNames())("a sync's stored answer (%s)", (dialect) => {
  const databases = databaseFor(dialect);
  const servers: Record<'on' | 'off', TestServer> = {} as never;

  beforeAll(async () => {
    const { source, copy } = await seededWithCopy(databases);
    servers.on = await startServer(dialect, { fastPaths: true, databaseUrl: source });
    servers.off = await startServer(dialect, { fastPaths: false, databaseUrl: copy });
  });
  afterAll(async () => {
    await servers.on?.close();
    await servers.off?.close();
    await databases.dropAll();
  });

  it.each(['on', 'off'] as const)(
    'is stored compressed and a retry replays the first answer byte for byte (fast paths %s)',
    async (side) => {
      const server = servers[side];
      const plan = await sondrioPlan(server);
      const batchKey = `Piano.xlsx#Azioni#${side}`;
      const input = {
        planId: plan.planId,
        year: 2022,
        checkpoint: 'YEAR_END',
        mode: 'PARTIAL',
        batchKey,
        rows: [edit(plan.indicator('1.1.1'), { actual: '3,10%' }), edit(plan.indicator('2.1.1'), { actual: '95' })],
      };
      const first = ok(await server.gql(SYNC_ROWS, { input })).syncRows;
      expect(first).toMatchObject({ replayed: false, applied: 2 });

      const [row] = (await server.orm.em
        .fork()
        .getConnection()
        .execute(`select answer from sync_batch where batch_key = ?`, [batchKey])) as Array<{ answer: Buffer }>;
      const bytes = Buffer.from(row.answer);
      const json = answerJson(bytes);
      // the whole answer as the sync made it (every affected score with its explanation), in a fraction of its bytes
      expect(JSON.parse(json)).toMatchObject({ batchKey, replayed: false, applied: 2, rows: expect.any(Array) });
      expect(json).toContain('"explanation"');
      expect(bytes.length).toBeLessThan(Buffer.byteLength(json) / 3);

      const replay = ok(await server.gql(SYNC_ROWS, { input })).syncRows;
      expect(JSON.stringify(replay)).toBe(JSON.stringify({ ...first, replayed: true }));
    },
  );

  it('stored as JSON before the column was compressed, replays the same answer after the migration', async () => {
    const orm = await openOrm(await databases.create(), { migrate: false });
    try {
      const migrator = orm.getMigrator();
      const all = migrationsFor(dialect).map((m) => m.name);
      const compressing = all.indexOf('Migration20261207230000');
      await migrator.up({ to: all[compressing - 1] });
      const { planId } = await buildPlan(orm.em, 'OLD', {
        perspectives: 1,
        strategic: 1,
        operational: 1,
        indicators: 1,
      });
      const connection = orm.em.fork().getConnection();
      const [{ org_id: orgId }] = await connection.execute(`select org_id from plan_version where id = ?`, [planId]);
      // an answer as the server stored it then: its JSON text, Italian explanations, numbers the scores carry
      const answer = {
        planId,
        batchKey: 'k-old',
        replayed: false,
        applied: 1,
        rows: [
          {
            index: 0,
            status: 'UPDATED',
            rowVersion: 3,
            realization: { score: 0.30000000000000004, text: 'Realizzato all’87,5 % — “sopra” la soglia\n' },
          },
        ],
        affected: [{ id: planId, level: 'PLAN', realization: { score: 1 / 3, explanation: { terms: [] } } }],
      };
      const text = JSON.stringify(answer);
      const at = new Date('2026-12-01T10:00:00Z');
      const stamp = dialect === 'sqlite' ? at.valueOf() : at;
      await connection.execute(
        `insert into sync_batch (id, version, created_at, updated_at, org_id, plan_id, batch_key, request_hash, response)` +
          ` values (?, 1, ?, ?, ?, ?, 'k-old', 'h', ?)`,
        [randomUUID(), stamp, stamp, orgId, planId, text],
      );

      await migrator.up();
      const [stored] = await orm.em.fork().find(SyncBatch, { batchKey: 'k-old' });
      expect(stored.requestHash).toBe('h');
      // SQLite kept the JSON text as written: the same text; PostgreSQL's jsonb the same JSON (keys in its own order,
      // as a replay read them from it before; the GraphQL answer orders fields as the query asks)
      if (dialect === 'sqlite') expect(answerJson(Buffer.from(stored.answer))).toBe(text);
      expect(replayedAnswer(stored)).toEqual({ ...answer, replayed: true });

      // and back: the JSON column holds the answer again
      await migrator.down({ to: all[compressing] });
      const [back] = await orm.em
        .fork()
        .getConnection()
        .execute(`select response from sync_batch where batch_key = 'k-old'`);
      expect(typeof back.response === 'string' ? JSON.parse(back.response) : back.response).toEqual(answer);
    } finally {
      await orm.close(true);
    }
  });
});
