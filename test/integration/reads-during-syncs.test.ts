import { Indicator, Measurement, Target } from '../../server/entities';
import { SLICE_ROWS } from '../../server/speed/read-slices';
import { databaseNames } from '../helpers/databases';
import { startServer, type TestServer } from '../helpers/server';
import { buildPlan, SEVERAL_SLICES } from '../helpers/synthetic-plan';

const ROWS = `query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) {
  rows { rowId rowVersion level actual { raw } realization { score display } } } }`;
const SYNC = `mutation($input: SyncBatchInput!) { syncRows(input: $input) { applied rows { index status rowVersion } } }`;

type Row = { rowId: string; rowVersion: number; level: string; actual: { raw: string } | null; realization: unknown };

/**
 * The pane's realization reads while other panes sync (bench B4): on SQLite they are answered by a connection of
 * their own (server/db/orm.ts), on PostgreSQL by their own REPEATABLE READ transaction, while a sync's transaction is
 * open. Each read must show the plan as one batch left it, before or after, never part of a batch: every row's
 * actual and every score (the rows', their objectives', the plan's) equal to what a read right after that batch saw.
 * And the read of a plan that changed stays a bounded number of statements: slices of SLICE_ROWS rows, the
 * revisions by the targets read (server/speed/read-slices.ts), not a statement per row.
 */
describe.each(databaseNames())('realization reads during syncs (%s)', (dialect) => {
  let server: TestServer;
  let planId: string;

  beforeAll(async () => {
    server = await startServer(dialect, { scoreCacheMb: 64 });
    // more indicators than a slice, so that a read of them takes several statements
    ({ planId } = await buildPlan(server.orm.em, 'RDS', SEVERAL_SLICES));
  }, 120_000);
  afterAll(() => server.close());

  const read = async (): Promise<Row[]> => {
    const answer = await server.gql<{ sheetRows: { rows: Row[] } }>(ROWS, { p: planId });
    expect(answer.errors).toBeUndefined();
    return answer.data!.sheetRows.rows;
  };
  const picture = (rows: Row[]) => JSON.stringify(rows.map((r) => [r.rowId, r.actual?.raw ?? null, r.realization]));

  it('a read during a sync shows the plan before or after each batch, never a mix', async () => {
    const first = await read();
    const edited = first.filter((r) => r.level === 'INDICATOR').slice(0, 20);
    const versions = new Map(edited.map((r) => [r.rowId, r.rowVersion]));
    // the edited rows' actuals, which name a state: before the first batch, or after one (all 20 of its value)
    const stateOf = (rows: Row[]) => {
      const byId = new Map(rows.map((r) => [r.rowId, r]));
      return edited.map((r) => byId.get(r.rowId)!.actual?.raw ?? '').join('|');
    };
    // what a read saw right before the first batch and right after each
    const after = new Map<string, string>([[stateOf(first), picture(first)]]);
    const seen: Row[][] = [];
    let syncing = true;
    let readsDuringSyncs = 0;

    const reader = (async () => {
      while (syncing) {
        const rows = await read();
        if (syncing) readsDuringSyncs++;
        seen.push(rows);
      }
    })();
    try {
      await syncSix();
    } finally {
      syncing = false;
      await reader;
    }
    async function syncSix() {
      for (let batch = 1; batch <= 6; batch++) {
        const value = String(1000 + batch * 11);
        const rows = edited.map((r) => ({ rowId: r.rowId, rowVersion: versions.get(r.rowId), actual: value }));
        const input = { planId, year: 2022, checkpoint: 'YEAR_END', mode: 'PARTIAL', batchKey: `rds-${batch}`, rows };
        const answer = await server.gql<{
          syncRows: { applied: number; rows: Array<{ index: number; rowVersion: number }> };
        }>(SYNC, { input });
        expect(answer.errors).toBeUndefined();
        expect(answer.data!.syncRows.applied).toBe(edited.length);
        for (const row of answer.data!.syncRows.rows) versions.set(edited[row.index].rowId, row.rowVersion);
        const rowsAfter = await read();
        expect(stateOf(rowsAfter)).toBe(edited.map(() => value).join('|'));
        after.set(stateOf(rowsAfter), picture(rowsAfter));
      }
    }

    expect(readsDuringSyncs).toBeGreaterThan(0);
    expect(after.size).toBe(7);
    for (const rows of seen) {
      // the 20 rows of a batch: all of its value or none of it, and every row's score as that state left the plan
      expect(after.has(stateOf(rows))).toBe(true);
      expect(picture(rows)).toBe(after.get(stateOf(rows)));
    }
  }, 240_000);

  it('reads an unchanged plan in a few statements, one a sync left kept too, a changed one in slices', async () => {
    await read();
    server.statements.length = 0;
    await read();
    const unchanged = server.statements.length;
    expect(unchanged).toBeLessThanOrEqual(3);

    // one committed change: the next read reads the plan again, by slices
    const em = server.orm.em.fork();
    const indicators = await em.count(Indicator, { plan: planId });
    const targets = await em.count(Target, { plan: planId });
    const measurements = await em.count(Measurement, { plan: planId });
    const rows = (await read()).filter((r) => r.level === 'INDICATOR');
    const row = rows[0];
    const input = {
      planId,
      year: 2022,
      checkpoint: 'YEAR_END',
      mode: 'PARTIAL',
      batchKey: 'rds-count',
      rows: [{ rowId: row.rowId, rowVersion: row.rowVersion, actual: '77' }],
    };
    expect((await server.gql(SYNC, { input })).errors).toBeUndefined();
    // a sync of values keeps the state it committed (server/sync/kept-state.ts): the next read does not read the plan
    server.statements.length = 0;
    await read();
    expect(server.statements.length).toBeLessThanOrEqual(unchanged);

    // a change through another path (a mutation keeps nothing): the next read reads the plan again, by slices
    const edit = await server.gql(
      `mutation($id: ID!) { updateIndicator(id: $id, input: { dataSource: "rds" }) { id } }`,
      {
        id: row.rowId,
      },
    );
    expect(edit.errors).toBeUndefined();
    server.statements.length = 0;
    await read();
    const slices = (n: number) => Math.floor(n / SLICE_ROWS) + 1;
    // indicators, targets, their revisions (by target) and actuals in slices; the plan's other kinds of row, its
    // profile, units, locks and the stamps before and after: a fixed number
    const bound = slices(indicators) + 2 * slices(targets) + slices(measurements) + 25;
    expect(server.statements.length).toBeLessThanOrEqual(bound);
    expect(server.statements.length).toBeGreaterThan(unchanged);
  }, 120_000);
});
