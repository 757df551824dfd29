/**
 * What a turn of several batches reads between them (server/sync/sync-rows.ts, kept-state.ts): only the rows a batch
 * wrote. A batch writing actuals adopts each indicator with its targets (apply.ts), but writes only the actual: the
 * others keep their version, and their read-only twins, as read before the batch, are the rows as stored. Read
 * again, they were most of the reads between a turn's batches under the plan's lock, and of the patch the other
 * instance reads (bench B4 on PostgreSQL). The stored answers of the turn's batch keys are read once for all.
 */
import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import { syncTogether, type SyncMember } from '../../server/sync/sync-rows';
import { databaseFor, databaseNames } from '../helpers/databases';
import { seededWithCopy } from '../helpers/seeded-copy';
import { startServer, type TestServer } from '../helpers/server';
import { edit, readRows, type SheetRow, sondrioPlan, withoutTimes } from '../helpers/sync';

describe.each(databaseNames())('a turn of batches writing actuals reads back only those (%s)', (dialect) => {
  const databases = databaseFor(dialect);
  let server: TestServer;
  let databaseUrl: string;
  let planId: string;

  beforeAll(async () => {
    databaseUrl = (await seededWithCopy(databases)).source;
    server = await startServer(dialect, { databaseUrl });
    planId = (await sondrioPlan(server)).planId;
  });
  afterAll(async () => {
    await server?.close();
    await databases.dropAll();
  });

  const member = (actor: string, rows: ReturnType<typeof edit>[], batchKey: string): SyncMember => ({
    ctx: {
      em: server.orm.em.fork(),
      actor,
      source: ChangeSource.ADDIN,
      sourceDetail: null,
      fastPaths: true,
      snapshots: server.app.snapshots,
    },
    input: { planId, year: 2022, checkpoint: Checkpoint.YEAR_END, mode: 'partial', batchKey, rows },
  });
  const numbers = async () =>
    (await readRows(server, planId, { year: 2022 })).rows.filter(
      (r) => r.level === 'INDICATOR' && r.target?.kind === 'NUMBER',
    );
  const actual = (row: SheetRow, value: string, version = row.rowVersion) =>
    edit({ rowId: row.rowId, rowVersion: version }, { actual: value });

  it('answers as before, keeps the stored rows, and reads no indicator or target again', async () => {
    const first = await numbers();
    expect(first.length).toBeGreaterThanOrEqual(6);
    const [r0, r1, r2, r3, r4, r5] = first;
    // every row with an actual already: the turn below updates measurements, it creates none
    await syncTogether([
      member(
        'pane 0',
        [r0, r1, r2, r3, r4, r5].map((r, k) => actual(r, String(k))),
        'k-0',
      ),
    ]);
    const [s0, s1, s2, s3, s4, s5] = await numbers();
    server.statements.length = 0;
    const settled = await syncTogether([
      member('pane 1', [actual(s0, '10'), actual(s1, '11')], 'k-1'),
      member('pane 2', [actual(s2, '20'), actual(s3, '21')], 'k-2'),
      member('pane 3', [actual(s4, '30'), actual(s5, '31')], 'k-3'),
      // at the version pane 1's batch left: decided on the state the batches before it left
      member('pane 4', [actual(s0, '40', s0.rowVersion + 1)], 'k-4'),
    ]);
    const statuses = settled.map((s) => ('error' in s ? String(s.error) : s.value.rows.map((r) => r.status).join()));
    expect(statuses).toEqual(['updated,updated', 'updated,updated', 'updated,updated', 'updated']);
    const reads = server.statements.filter((sql) => /select\s+\W?e\W?\.\*\s+from\s+\W?(indicator|target)\W/i.test(sql));
    expect(reads).toEqual([]);
    expect(server.statements.filter((sql) => /from\s+\W?sync_batch\W/i.test(sql))).toHaveLength(1);
    // the state kept after the turn (served by sheetRows) is the plan as stored: a server without it reads the same
    const kept = await numbers();
    expect(kept.slice(0, 6).map((r) => r.actual?.raw)).toEqual(['40', '11', '20', '21', '30', '31']);
    const other = await startServer(dialect, { databaseUrl });
    try {
      const stored = (await readRows(other, planId, { year: 2022 })).rows.filter(
        (r) => r.level === 'INDICATOR' && r.target?.kind === 'NUMBER',
      );
      expect(withoutTimes(kept)).toEqual(withoutTimes(stored));
    } finally {
      await other.close();
    }
  });
});
