import { SHEET_ROWS } from '../../addin/src/api/queries';
import { databaseFor, databaseNames } from '../helpers/databases';
import { rowsCarried, rowsFromBase } from '../../server/graphql/delta-rows';
import { treesCarried } from '../../server/sync/sheet-rows';
import { outsidersRead, servedAndExecutedBytes, servedAndResolved } from '../helpers/served-and-resolved';
import { edit, ok, sondrioPlan, sync, syncActuals, withoutTimes } from '../helpers/sync';

const OTHER = [{ code: 'ALTRO-DR', name: 'Altro ente' }, 'Altro piano'] as const;

/**
 * The add-in's delta read (SHEET_ROWS with `after` or `since`, three a pane cycle) is answered before execution
 * from each row's JSON kept per plan state and each score's JSON (server/graphql/delta-rows.ts). It must answer
 * exactly what the `sheetRows` resolver answers: against the same server with the plugin held back (times and all),
 * and against a server with the fast paths off on a copy of the same database (times aside: each server wrote at its
 * own time).
 */

/** the same delta with aliases, typenames, fragments on the interface and inline, in other places */
const ALIASED = /* GraphQL */ `
  query Aliased($planId: ID!, $after: String) {
    page: sheetRows(planId: $planId, year: 2022, after: $after) {
      __typename
      tolte: deletedRowIds
      righe: rows {
        realization {
          pct: score
          ... on Realization {
            status
            __typename
          }
        }
        __typename
        id: rowId
        ...Columns
        ... on SheetRow {
          actual {
            n: number
            raw
            __typename
            warnings
            proposedNumber
            date
            boolean
            comparator
            placeholder
            unit
          }
          originalTarget {
            raw
          }
        }
      }
      cursor
    }
  }
  fragment Columns on SheetRowColumns {
    rowVersion
    title
    thresholds {
      __typename
      value {
        kind
        number
      }
      score
    }
    futureTargets {
      year
      value {
        raw
      }
    }
    updatedAt
  }
`;

/** a field the plugin does not write (the realization's typed explanation): executed by graphql-js */
const WITH_DETAILS = /* GraphQL */ `
  query WithDetails($planId: ID!, $after: String) {
    sheetRows(planId: $planId, year: 2022, after: $after) {
      rows {
        rowId
        realization {
          score
          details {
            __typename
          }
        }
      }
    }
  }
`;

const CURSOR = `query($p: ID!) { sheetRows(planId: $p, year: 2022) { cursor } }`;

describe.each(databaseNames())('the delta read answers as the resolver (%s)', (dialect) => {
  const databases = databaseFor(dialect);
  const servers = servedAndResolved(dialect, databases);

  const vars = (extra: Record<string, unknown> = {}) => ({
    planId: servers.plan.planId,
    year: 2022,
    checkpoint: 'YEAR_END',
    dashboards: false,
    since: null,
    after: null,
    ...extra,
  });
  const cursors = async () =>
    Promise.all(
      [servers.fast, servers.plain].map(
        async (s) => ok(await s.gql(CURSOR, { p: servers.plan.planId })).sheetRows.cursor as string,
      ),
    );
  /** the same write on both servers */
  const write = async (actuals: Record<string, string>) => {
    for (const server of [servers.fast, servers.plain]) await syncActuals(server, await sondrioPlan(server), actuals);
  };

  /**
   * The read on the fast server, served; on the fast server again, executed (the plugin passes it by); on the plain
   * server, with its own cursor. All three equal (serverTime aside; times aside against the plain server).
   */
  async function compared(query: string, extra: (server: number) => Record<string, unknown>) {
    servers.resolved.mockClear();
    const served = ok(await servers.fast.gql(query, vars(extra(0))));
    const onFast = servers.resolved.mock.calls.length;
    // the same read with a directive that changes nothing, which the plugin never serves: executed
    servers.resolved.mockClear();
    const executed = ok(await servers.fast.gql(query.replace('rows {', 'rows @include(if: true) {'), vars(extra(0))));
    expect(servers.resolved.mock.calls.length).toBe(1);
    const reference = ok(await servers.plain.gql(query, vars(extra(1))));
    const noTime = (data: unknown) =>
      JSON.parse(JSON.stringify(data).replace(/"serverTime":"[^"]*"/g, '"serverTime":0'));
    expect(noTime(served)).toEqual(noTime(executed));
    expect(withoutTimes(served)).toEqual(withoutTimes(reference));
    return { data: served, onFast };
  }

  it("serves the add-in's delta after a commit without running the resolver: the rows, scores and cursor", async () => {
    const before = await cursors();
    await write({ '1.1.1': '3', '1.1.2': '4' });
    const { data, onFast } = await compared(SHEET_ROWS, (k) => ({ after: before[k] }));
    expect(onFast).toBe(0);
    const ids = data.sheetRows.rows.map((r: any) => r.rowId);
    expect(ids).toEqual(
      expect.arrayContaining([servers.plan.indicator('1.1.1').rowId, servers.plan.indicator('1.1.2').rowId]),
    );
    expect(data.sheetRows.rows.find((r: any) => r.rowId === servers.plan.indicator('1.1.1').rowId).actual.raw).toBe(
      '3',
    );
    // nothing committed since: an empty delta, also served
    const now = await cursors();
    const empty = await compared(SHEET_ROWS, (k) => ({ after: now[k] }));
    expect(empty.onFast).toBe(0);
    expect(empty.data.sheetRows.rows).toEqual([]);
  });

  it('serves a delta by time (`since`), every row changed since, with their columns and scores', async () => {
    const { data, onFast } = await compared(SHEET_ROWS, () => ({ since: '2000-01-01T00:00:00.000Z' }));
    expect(onFast).toBe(0);
    expect(data.sheetRows.rows).toHaveLength(servers.plan.rows.length);
    expect(data.sheetRows.rows.filter((r: any) => r.realization?.status).length).toBeGreaterThan(10);
  });

  it('serves aliases, typenames and fragments as graphql-js writes them', async () => {
    const before = await cursors();
    await write({ '1.1.1': '5' });
    const { data, onFast } = await compared(ALIASED, (k) => ({ after: before[k] }));
    expect(onFast).toBe(0);
    expect(data.page.righe[0].__typename).toBe('SheetRow');
    expect(data.page.righe[0].actual.__typename).toBe('ParsedValue');
  });

  it('serves a delta of a sheet scoped to one unit, the rows that left it among the deleted', async () => {
    const units = ok(await servers.fast.gql(`{ orgUnits { id name } }`)).orgUnits as Array<{
      id: string;
      name: string;
    }>;
    const unit = units.find((u) => servers.plan.indicator('1.1.1').responsibleUnits.includes(u.name))!;
    const before = await cursors();
    await write({ '1.1.1': '6', '2.1.1': '7' });
    const { data, onFast } = await compared(SHEET_ROWS, (k) => ({ after: before[k], scope: { unitId: unit.id } }));
    expect(onFast).toBe(0);
    expect(data.sheetRows.rows.map((r: any) => r.rowId)).toContain(servers.plan.indicator('1.1.1').rowId);
  });

  it('leaves any other selection, and an error, to the resolver', async () => {
    const before = await cursors();
    await write({ '1.1.1': '8' });
    servers.resolved.mockClear();
    const a = ok(await servers.fast.gql(WITH_DETAILS, { planId: servers.plan.planId, after: before[0] }));
    expect(servers.resolved.mock.calls.length).toBe(1);
    const b = ok(await servers.plain.gql(WITH_DETAILS, { planId: servers.plan.planId, after: before[1] }));
    expect(a).toEqual(b);
    const missing = vars({ planId: '00000000-0000-4000-8000-000000000000', after: before[0] });
    const [c, d] = [await servers.fast.gql(SHEET_ROWS, missing), await servers.plain.gql(SHEET_ROWS, missing)];
    expect(c.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(c).toEqual(d);
  });

  it("answers another organisation's user as the resolver does: the plan is not found, nothing of it is written", async () => {
    const a = await outsidersRead(servers, OTHER, SHEET_ROWS, vars({ since: '2000-01-01T00:00:00.000Z' }));
    expect(JSON.stringify(a)).not.toContain(servers.plan.indicator('1.1.1').rowId);
  });

  it('never serves a row or a score kept from before a commit', async () => {
    const before = await cursors();
    await write({ '1.1.1': '9' });
    const first = await compared(SHEET_ROWS, (k) => ({ after: before[k] }));
    const row = (data: any, id: string) => data.sheetRows.rows.find((r: any) => r.rowId === id);
    const indicator = servers.plan.indicator('1.1.1');
    // the same cursor again after another commit on the same row: its new value, version and score
    await write({ '1.1.1': '0' });
    const second = await compared(SHEET_ROWS, (k) => ({ after: before[k] }));
    expect(second.onFast).toBe(0);
    const [was, now] = [row(first.data, indicator.rowId), row(second.data, indicator.rowId)];
    expect(now.actual.raw).toBe('0');
    expect(now.rowVersion).toBeGreaterThan(was.rowVersion);
    expect(now.realization).not.toEqual(was.realization);
  });
  it('sends the bytes graphql-js would, for a new state whose rows are partly carried from the state before', async () => {
    const before = await cursors();
    await write({ '1.1.1': '4', '1.1.2': '8' });
    const bytes = () => servedAndExecutedBytes(servers.fast, SHEET_ROWS, vars({ after: before[0] }), servers.resolved);
    const first = await bytes();
    expect(first.served).toBe(first.executed);
    // the next state: 1.1.1's row carried, 1.1.2's written anew, the same cursor
    await write({ '1.1.2': '2' });
    const second = await bytes();
    expect(second.served).toBe(second.executed);
    expect(second.served).not.toBe(first.served);
  });

  it('keeps each delta of a state apart: panes from two cursors each get the rows since their own', async () => {
    const first = await cursors();
    await write({ '1.1.1': '5' });
    const second = await cursors();
    await write({ '1.1.2': '6' });
    const ids = (data: any) => data.sheetRows.rows.map((r: any) => r.rowId);
    const [one, two] = [servers.plan.indicator('1.1.1').rowId, servers.plan.indicator('1.1.2').rowId];
    // one state read three times: from the older cursor, from the newer one, from the older one again
    const older = await compared(SHEET_ROWS, (k) => ({ after: first[k] }));
    const newer = await compared(SHEET_ROWS, (k) => ({ after: second[k] }));
    const again = await compared(SHEET_ROWS, (k) => ({ after: first[k] }));
    expect([older.onFast, newer.onFast, again.onFast]).toEqual([0, 0, 0]);
    expect(ids(older.data)).toEqual(expect.arrayContaining([one, two]));
    expect(ids(newer.data)).toContain(two);
    expect(ids(newer.data)).not.toContain(one);
    expect(again.data.sheetRows.rows).toEqual(older.data.sheetRows.rows);
  });

  it("carries a row whose target alone changed, the other rows' times kept from the state before", async () => {
    const before = await cursors();
    await write({ '1.1.1': '2' });
    ok(await servers.fast.gql(SHEET_ROWS, vars({ after: before[0] })));
    // a target (not an actual): its indicator's targets are listed again, the other indicators' lists are kept
    for (const server of [servers.fast, servers.plain]) {
      const row = (await sondrioPlan(server)).indicator('1.1.2');
      const result = await sync(server, { planId: servers.plan.planId, rows: [edit(row, { target: '99' })] });
      expect(result.rows.map((r) => r.status)).toEqual(['UPDATED']);
    }
    const { data, onFast } = await compared(SHEET_ROWS, (k) => ({ after: before[k] }));
    expect(onFast).toBe(0);
    const ids = data.sheetRows.rows.map((r: any) => r.rowId);
    expect(ids).toEqual(
      expect.arrayContaining([servers.plan.indicator('1.1.1').rowId, servers.plan.indicator('1.1.2').rowId]),
    );
  });

  it('writes a row no commit touched once, not again for each new state, and a touched row anew', async () => {
    const before = await cursors();
    await write({ '1.1.1': '3', '1.1.2': '4' });
    const [one, two] = [servers.plan.indicator('1.1.1').rowId, servers.plan.indicator('1.1.2').rowId];
    const row = (data: any, id: string) => data.sheetRows.rows.find((r: any) => r.rowId === id);
    const first = await compared(SHEET_ROWS, (k) => ({ after: before[k] }));
    // a new state in which 1.1.1 is as it was and 1.1.2 changed: the same delta lists both
    await write({ '1.1.2': '8' });
    // from the state before (its rows by the patch's changed ids, or each row's inputs compared)
    const carried = rowsCarried.count + rowsFromBase.count;
    const second = await compared(SHEET_ROWS, (k) => ({ after: before[k] }));
    expect(rowsCarried.count + rowsFromBase.count).toBeGreaterThan(carried);
    expect(row(second.data, one)).toEqual(row(first.data, one));
    expect(row(second.data, two).actual.raw).toBe('8');
    expect(row(second.data, two).rowVersion).toBeGreaterThan(row(first.data, two).rowVersion);
  });

  it("carries a state's tree order and change times to the next, and builds them whole when a row moves", async () => {
    const before = await cursors();
    // the state's tree and change times worked out by a delta, then a commit of an actual: carried to the new state
    ok(await servers.fast.gql(SHEET_ROWS, vars({ after: before[0] })));
    await write({ '1.1.1': '6' });
    const carried = treesCarried.count;
    const first = await compared(SHEET_ROWS, (k) => ({ after: before[k] }));
    expect(treesCarried.count).toBeGreaterThan(carried);
    expect(first.onFast).toBe(0);
    expect(first.data.sheetRows.rows.map((r: any) => r.rowId)).toContain(servers.plan.indicator('1.1.1').rowId);
    // an indicator moved under another objective: its place in the tree is another, the tree is built whole
    for (const server of [servers.fast, servers.plain]) {
      const plan = await sondrioPlan(server);
      const move = edit(plan.indicator('1.1.2'), { parentRef: plan.operational('1.3').rowId });
      expect((await sync(server, { planId: plan.planId, rows: [move] })).rows.map((r) => r.status)).toEqual([
        'UPDATED',
      ]);
    }
    const whole = treesCarried.count;
    const moved = await compared(SHEET_ROWS, (k) => ({ after: before[k] }));
    expect(treesCarried.count).toBe(whole);
    const row = moved.data.sheetRows.rows.find((r: any) => r.rowId === servers.plan.indicator('1.1.2').rowId);
    expect(row.parentId).toBe(servers.plan.operational('1.3').rowId);
    // every row, in the resolver's order on both servers
    await compared(SHEET_ROWS, () => ({}));
  });
});
