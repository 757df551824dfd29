/**
 * `sheetScores(after:)` (server/sync/score-trail.ts): the scores that moved since the read that gave `after` are
 * exactly the rows whose realization differs between two full reads, one before and one after the change; without
 * `after`, or with one this server does not keep, every row's score, marked complete.
 */
import { scoresServed } from '../../server/graphql/sheet-scores-read';
import { RawBytes } from '../../server/speed/kept-bytes';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { ok } from '../helpers/sync';

const REALIZATION =
  'year checkpoint status score display attainment passMark achieved rule text warnings errors profile';

const SCORES = /* GraphQL */ `
  query ($planId: ID!, $after: String, $scope: SheetScopeInput) {
    sheetScores(planId: $planId, year: 2022, checkpoint: YEAR_END, after: $after, scope: $scope) {
      rows { rowId realization { ${REALIZATION} } }
      complete
      cursor
    }
  }
`;

const FULL = /* GraphQL */ `
  query ($planId: ID!, $scope: SheetScopeInput) {
    sheetRows(planId: $planId, year: 2022, checkpoint: YEAR_END, scope: $scope) {
      rows { rowId realization { ${REALIZATION} } }
    }
  }
`;

/** the same read, which the served path declines (a directive): executed by graphql-js */
const EXECUTED = SCORES.replace('complete', 'complete @include(if: true)');

type Row = { rowId: string; realization: unknown };
type Page = { rows: Row[]; complete: boolean; cursor: string };

const byRow = (rows: Row[]) => new Map(rows.map((r) => [r.rowId, JSON.stringify(r.realization)]));

describeOnSondrio('sheetScores: the scores moved since a read (%s)', (sondrio) => {
  const scores = async (after: string | null, scope: object | null = null): Promise<Page> =>
    ok(await sondrio.server.gql(SCORES, { planId: sondrio.plan.planId, after, scope })).sheetScores;
  const full = async (scope: object | null = null) =>
    byRow(ok(await sondrio.server.gql(FULL, { planId: sondrio.plan.planId, scope })).sheetRows.rows);

  it('without `after`: every row of the sheet, complete, as the full read answers it', async () => {
    const page = await scores(null);
    expect(page.complete).toBe(true);
    expect(byRow(page.rows)).toEqual(await full());
  });

  it('after a change: the difference of two full reads, no more and no less', async () => {
    const first = await scores(null);
    const before = await full();
    const row = await sondrio.sheet.row('INDICATOR', '1.1.2');
    await sondrio.sheet.sync([{ rowId: row.rowId, rowVersion: row.rowVersion, actual: '9' }]);
    const after = await full();
    const moved = [...after].filter(([rowId, json]) => before.get(rowId) !== json);
    // the indicator and the aggregates above it
    expect(moved.length).toBeGreaterThanOrEqual(3);

    const page = await scores(first.cursor);
    expect(page.complete).toBe(false);
    expect(byRow(page.rows)).toEqual(new Map(moved));
    // nothing moved since that read: nothing to send
    const still = await scores(page.cursor);
    expect(still).toMatchObject({ complete: false, rows: [] });
  });

  it('a cursor this server does not keep (another instance, one pushed out): every row, complete', async () => {
    const page = await scores('elsewhere.1');
    expect(page.complete).toBe(true);
    expect(byRow(page.rows)).toEqual(await full());
  });

  it("a unit's sheet: the rows of that sheet only, as its full read", async () => {
    const { plan, server } = sondrio;
    const units = ok(
      await server.gql(`query($id: ID!) { organisation(id: $id) { units { id name } } }`, { id: plan.orgId }),
    ).organisation.units as Array<{ id: string; name: string }>;
    const unit = units.find((u) =>
      plan.rows.some((r) => r.level === 'INDICATOR' && r.responsibleUnits.includes(u.name)),
    )!;
    const scope = { unitId: unit.id };
    const page = await scores(null, scope);
    const sheet = await full(scope);
    expect(sheet.size).toBeLessThan(plan.rows.length);
    expect(byRow(page.rows)).toEqual(sheet);
  });

  it("a scope's ids are checked as the full read checks them: one too long is refused, no row read", async () => {
    const { server, plan } = sondrio;
    const scope = { unitId: 'u'.repeat(101) };
    const refused = await server.gql(EXECUTED, { planId: plan.planId, after: null, scope });
    const fullRefused = await server.gql(FULL, { planId: plan.planId, scope });
    const codes = (result: typeof refused) => result.errors?.map((e) => e.extensions?.code);
    expect(refused.data).toBeNull();
    expect(codes(refused)).toEqual(codes(fullRefused));
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
  });

  it('served before execution, the answers are those graphql-js gives (every row, and the moved ones)', async () => {
    const { server, plan, sheet } = sondrio;
    const both = async (after: string | null) => {
      const served = scoresServed.count;
      const fast = await server.gql(SCORES, { planId: plan.planId, after });
      expect(scoresServed.count).toBe(served + 1);
      const slow = await server.gql(EXECUTED, { planId: plan.planId, after });
      expect(scoresServed.count).toBe(served + 1);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
      return ok(fast).sheetScores as Page;
    };
    const first = await both(null);
    const row = await sheet.row('INDICATOR', '1.1.3');
    await sheet.sync([{ rowId: row.rowId, rowVersion: row.rowVersion, actual: '5' }]);
    const moved = await both(first.cursor);
    expect(moved.complete).toBe(false);
    expect(moved.rows.length).toBeGreaterThan(0);
  });

  it('sends its rows as kept bytes, byte for byte what graphql-js and Express send', async () => {
    const { server, plan, sheet } = sondrio;
    const body = async (query: string, after: string | null) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
        body: JSON.stringify({ query, variables: { planId: plan.planId, after } }),
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
      return bytes.toString('latin1');
    };
    const sent = jest.spyOn(RawBytes.prototype, 'bytes');
    try {
      const whole = await body(SCORES, null);
      expect(sent).toHaveBeenCalledTimes(1);
      expect(whole).toBe(await body(EXECUTED, null));
      const cursor = JSON.parse(whole).data.sheetScores.cursor as string;
      const row = await sheet.row('INDICATOR', '1.1.4');
      await sheet.sync([{ rowId: row.rowId, rowVersion: row.rowVersion, actual: '7' }]);
      const moved = await body(SCORES, cursor);
      expect(sent).toHaveBeenCalledTimes(2);
      // a second pane from the same cursor: the same kept rows (the cursor names scores this server keeps)
      expect(await body(SCORES, cursor)).toBe(moved);
      const executed = await body(EXECUTED, cursor);
      const cursorOf = (text: string) => JSON.parse(text).data.sheetScores.cursor as string;
      expect(moved.replace(cursorOf(moved), '')).toBe(executed.replace(cursorOf(executed), ''));
      expect(JSON.parse(moved).data.sheetScores.rows.length).toBeGreaterThan(0);
    } finally {
      sent.mockRestore();
    }
  });
});
