/**
 * A sheet sync decides from the plan state kept under the plan's stamp, read before it takes its turn on the plan,
 * and leaves the state it committed kept for the next one (server/sync/kept-state.ts): the whole plan is not read
 * while it holds the writer's turn. Its answers, and every read after it, equal those of a server that keeps nothing,
 * on copies of one database, for batches one after the other and sent together; a writer that commits between the
 * state's read and the sync's turn makes the sync read the plan again.
 */
import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import { databaseFor, databaseNames } from '../helpers/databases';
import { counted } from '../helpers/cache-lookups';
import { seededWithCopy } from '../helpers/seeded-copy';
import { startServer, type TestServer } from '../helpers/server';
import { edit, ok, SHEET_ROWS, sondrioPlan, SYNC_ROWS, type SondrioPlan, type SheetRow } from '../helpers/sync';
import { SCORE_TREE } from '../helpers/score-tree';
import { SHEET_STATES } from '../../server/sync/plan-state';
import { syncRows } from '../../server/sync/sync-rows';

const withoutTimes = (value: unknown) =>
  JSON.parse(JSON.stringify(value).replace(/"(serverTime|updatedAt|changedAt)":"[^"]*"/g, '"$1":0'));

describe.each(databaseNames())('a sync decides from the kept plan state (%s)', (dialect) => {
  const databases = databaseFor(dialect);
  /** keeps plan states and scores (the default) */
  let kept: TestServer;
  /** SCORE_CACHE_MB=0: every sync reads the whole plan in its transaction, the reference */
  let computed: TestServer;
  let plan: SondrioPlan;
  let indicators: SheetRow[];
  /** the row versions the last answers gave, as the add-in keeps them */
  const versions = new Map<string, number>();

  beforeAll(async () => {
    const { source, copy } = await seededWithCopy(databases);
    kept = await startServer(dialect, { databaseUrl: source });
    computed = await startServer(dialect, { databaseUrl: copy, scoreCacheMb: 0 });
    plan = await sondrioPlan(kept);
    indicators = plan.rows.filter((r) => r.level === 'INDICATOR' && r.target?.kind === 'NUMBER');
    expect(indicators.length).toBeGreaterThanOrEqual(12);
  });
  afterAll(async () => {
    await kept?.close();
    await computed?.close();
    await databases.dropAll();
  });

  const syncOn = (server: TestServer, rows: ReturnType<typeof edit>[]) =>
    server.gql(SYNC_ROWS, { input: { planId: plan.planId, year: 2022, mode: 'PARTIAL', rows } });
  const sent = (row: SheetRow, actual: string) =>
    edit({ rowId: row.rowId, rowVersion: versions.get(row.rowId!) ?? row.rowVersion }, { actual });
  const note = (answer: { syncRows: { rows: Array<{ rowId: string | null; rowVersion: number | null }> } }) => {
    for (const r of answer.syncRows.rows) if (r.rowId && r.rowVersion !== null) versions.set(r.rowId, r.rowVersion);
  };

  /** tree and sheet rows with scores on both servers: equal */
  async function sameReads(): Promise<void> {
    const vars = { planId: plan.planId, year: 2022, checkpoint: 'YEAR_END', since: null };
    expect(ok(await kept.gql(SCORE_TREE, { id: plan.planId }))).toEqual(
      ok(await computed.gql(SCORE_TREE, { id: plan.planId })),
    );
    expect(withoutTimes(ok(await kept.gql(SHEET_ROWS, vars)))).toEqual(
      withoutTimes(ok(await computed.gql(SHEET_ROWS, vars))),
    );
  }

  it('batches one after the other: the same answers, each from the state the one before it left', async () => {
    await sameReads(); // the kept side holds the sheet's state of the current stamp
    const batches = [
      [indicators[0]],
      [indicators[1], indicators[2]],
      [indicators[3]],
      [indicators[0]], // the first row again, from the version its first batch left
    ];
    for (const [n, rows] of batches.entries()) {
      const edits = rows.map((r, k) => sent(r, String(20 + 7 * n + k)));
      const mine = await counted(kept, SHEET_STATES, () => syncOn(kept, edits));
      const reference = await syncOn(computed, edits);
      expect(ok(mine.value)).toEqual(ok(reference));
      // the state was found kept (the first from sheetRows, the others from the sync before): no plan read
      expect({ hit: mine.hit, miss: mine.miss }).toEqual({ hit: 1, miss: 0 });
      note(ok(mine.value));
    }
    await sameReads();
  });

  it('batches sent together: the same answers, and every read after them equals the reference', async () => {
    await sameReads();
    const edits = indicators.slice(4, 10).map((r, k) => sent(r, String(40 + 11 * k)));
    const answers = await Promise.all(edits.map((row) => syncOn(kept, [row])));
    for (const a of answers) expect(ok(a).syncRows.applied).toBe(1);
    for (const row of edits) expect(ok(await syncOn(computed, [row])).syncRows.applied).toBe(1);
    for (const a of answers) note(ok(a));
    await sameReads();
  });

  it('a writer committing between the state read and the turn: the sync reads the plan again', async () => {
    await sameReads();
    const [x, y] = [indicators[10], indicators[11]];
    const batch = (actual: string) => ({
      planId: plan.planId,
      year: 2022,
      checkpoint: Checkpoint.YEAR_END,
      mode: 'partial' as const,
      rows: [sent(x, actual), sent(y, actual)],
    });
    const direct = (server: TestServer, actual: string, beforeTurn?: () => Promise<void>) =>
      syncRows(
        {
          em: server.orm.em.fork(),
          actor: 'test',
          source: ChangeSource.ADDIN,
          sourceDetail: null,
          fastPaths: true,
          snapshots: server.app.snapshots,
        },
        batch(actual),
        { beforeTurn },
      );
    // the other writer changes y only, after this sync read the state with y's old version
    const other = [sent(y, '77')];
    let came = false;
    const mine = await direct(kept, '55', async () => {
      came = true;
      expect(ok(await syncOn(kept, other)).syncRows.applied).toBe(1);
    });
    expect(came).toBe(true);
    ok(await syncOn(computed, other));
    const reference = await direct(computed, '55');
    // y is a conflict (its version moved), x is written: as a sync that read the plan in its turn decides
    expect(mine.rows.map((r) => r.status)).toEqual(['updated', 'conflict']);
    expect(withoutTimes(mine)).toEqual(withoutTimes(reference));
    await sameReads();
  });
});
