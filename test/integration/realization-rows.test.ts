import { REALIZATIONS } from '../../addin/src/api/queries';
import { PLAN_SCORES, ScoreSnapshots } from '../../server/services/score-snapshots';
import { counted } from '../helpers/cache-lookups';
import { databaseFor, databaseNames } from '../helpers/databases';
import { outsidersRead, servedAndExecutedBytes, servedAndResolved } from '../helpers/served-and-resolved';
import { ok, sondrioPlan, syncActuals, withoutTimes } from '../helpers/sync';

const OTHER = [{ code: 'ALTRO-RR', name: 'Altro ente' }, 'Altro piano'] as const;

/**
 * The add-in's realization read (every row's score, twice a pane cycle) is answered before execution from each
 * score's JSON, written once per score object (server/graphql/realization-rows.ts). It must answer exactly what the
 * `sheetRows` resolver answers, and never a score of a plan before a commit. Two servers on copies of one seeded
 * database: the fast paths on (the plugin serves) and off (the resolver executes, graphql-js writes).
 */

/** the same read with aliases, typenames and fragments in other places: still served, still the same */
const ALIASED = /* GraphQL */ `
  query Aliased($planId: ID!) {
    page: sheetRows(planId: $planId, year: 2022) {
      __typename
      cursor
      righe: rows {
        __typename
        id: rowId
        realization {
          ... on Realization {
            pct: score
            status
          }
          ...More
        }
      }
      deletedRowIds
    }
  }
  fragment More on Realization {
    __typename
    display
    errors
    warnings
    year
    passMark
    achieved
    attainment
  }
`;

/** a row field the plugin does not write: executed by graphql-js, on both servers */
const WITH_LEVEL = /* GraphQL */ `
  query WithLevel($planId: ID!) {
    sheetRows(planId: $planId, year: 2022) {
      rows {
        rowId
        level
        realization {
          score
        }
      }
    }
  }
`;

describe.each(databaseNames())('the realization read answers as the resolver (%s)', (dialect) => {
  const databases = databaseFor(dialect);
  const servers = servedAndResolved(dialect, databases);

  /** the read on both servers: equal but for the time; how many times the resolver ran on each */
  async function both(query: string, variables: Record<string, unknown>) {
    servers.resolved.mockClear();
    const a = ok(await servers.fast.gql(query, variables));
    const onFast = servers.resolved.mock.calls.length;
    servers.resolved.mockClear();
    const b = ok(await servers.plain.gql(query, variables));
    const onPlain = servers.resolved.mock.calls.length;
    expect(withoutTimes(a)).toEqual(withoutTimes(b));
    return { data: a, onFast, onPlain };
  }

  const vars = () => ({ planId: servers.plan.planId, year: 2022, checkpoint: 'YEAR_END' });

  it("serves the add-in's read without running the resolver, with the same rows, scores and cursor", async () => {
    const { data, onFast, onPlain } = await both(REALIZATIONS, vars());
    expect(onFast).toBe(0);
    expect(onPlain).toBe(1);
    expect(data.sheetRows.rows).toHaveLength(servers.plan.rows.length);
    expect(data.sheetRows.rows.filter((r: any) => r.realization?.status).length).toBeGreaterThan(10);
    // a second read copies the kept JSON: still the same
    expect(withoutTimes(ok(await servers.fast.gql(REALIZATIONS, vars())))).toEqual(withoutTimes(data));
  });

  it('serves aliases, typenames and fragments as graphql-js writes them', async () => {
    const { data, onFast } = await both(ALIASED, { planId: servers.plan.planId });
    expect(onFast).toBe(0);
    expect(data.page.righe[0].__typename).toBe('SheetRow');
    expect(data.page.__typename).toBe('SheetRowsPage');
  });

  it('serves a sheet scoped to one unit', async () => {
    const units = ok(await servers.fast.gql(`{ orgUnits { id name } }`)).orgUnits as Array<{
      id: string;
      name: string;
    }>;
    const unit = units.find((u) => servers.plan.rows.some((r) => r.responsibleUnits.includes(u.name)))!;
    const { data, onFast } = await both(REALIZATIONS, { ...vars(), scope: { unitId: unit.id } });
    expect(onFast).toBe(0);
    expect(data.sheetRows.rows.length).toBeLessThan(servers.plan.rows.length);
    expect(data.sheetRows.rows.length).toBeGreaterThan(0);
  });

  it('leaves any other selection, and an error, to the resolver', async () => {
    const { onFast } = await both(WITH_LEVEL, { planId: servers.plan.planId });
    expect(onFast).toBe(1);
    const missing = { ...vars(), planId: '00000000-0000-4000-8000-000000000000' };
    const [a, b] = [await servers.fast.gql(REALIZATIONS, missing), await servers.plain.gql(REALIZATIONS, missing)];
    expect(a.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(a).toEqual(b);
  });

  it("answers another organisation's user as the resolver does: the plan is not found, nothing of it is written", async () => {
    const a = await outsidersRead(servers, OTHER, REALIZATIONS, vars());
    expect(JSON.stringify(a)).not.toContain(servers.plan.rows.find((r) => r.level === 'INDICATOR')!.rowId);
  });

  it('never serves a score kept from before a commit', async () => {
    const before = ok(await servers.fast.gql(REALIZATIONS, vars()));
    const row = (data: any, id: string) => data.sheetRows.rows.find((r: any) => r.rowId === id);
    const indicator = servers.plan.indicator('1.1.1');
    // the same write on both servers, between two reads of the fast one
    for (const server of [servers.fast, servers.plain])
      await syncActuals(server, await sondrioPlan(server), { '1.1.1': '0' });
    const { data: after, onFast } = await both(REALIZATIONS, vars());
    expect(onFast).toBe(0);
    expect(row(after, indicator.rowId).realization).not.toEqual(row(before, indicator.rowId).realization);
    // the objective above it moved too
    expect(row(after, indicator.parentId!).realization).not.toEqual(row(before, indicator.parentId!).realization);
  });

  it('sends the bytes graphql-js would, before a commit and after it (rows carried from the state before)', async () => {
    const bytes = () => servedAndExecutedBytes(servers.fast, REALIZATIONS, vars(), servers.resolved);
    const before = await bytes();
    expect(before.served).toBe(before.executed);
    // a commit (on both servers, which later tests compare): a new state, its rows copied from the state before but
    // for those it rescored
    for (const server of [servers.fast, servers.plain])
      await syncActuals(server, await sondrioPlan(server), { '1.1.2': '7' });
    const after = await bytes();
    expect(after.served).toBe(after.executed);
    expect(after.served).not.toBe(before.served);
  });

  it("scores with its stamp's kept scores, taken with the stamp, though a later commit's drop frees them meanwhile", async () => {
    ok(await servers.fast.gql(REALIZATIONS, vars()));
    const keep = ScoreSnapshots.prototype.keep;
    // a write's drop arriving once the read has its stamp and rows, as under a train of syncs (bench B4)
    const spyOnKeep = () =>
      jest.spyOn(ScoreSnapshots.prototype, 'keep').mockImplementation(async function (
        this: ScoreSnapshots,
        ...args: Parameters<typeof keep>
      ) {
        const value = await keep.apply(this, args);
        this.drop(null);
        return value;
      } as typeof keep);
    let spy = spyOnKeep();
    try {
      for (const query of [REALIZATIONS, WITH_LEVEL]) {
        // the scores kept again (the last read's drop freed them), then the read whose drop comes while it runs
        spy.mockRestore();
        ok(await servers.fast.gql(REALIZATIONS, vars()));
        spy = spyOnKeep();
        const read = await counted(servers.fast, PLAN_SCORES, async () => ok(await servers.fast.gql(query, vars())));
        expect({ hit: read.hit, miss: read.miss }).toEqual({ hit: 1, miss: 0 });
      }
    } finally {
      spy.mockRestore();
    }
  });
});
