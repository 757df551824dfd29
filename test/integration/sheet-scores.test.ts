/**
 * `sheetScores(after:)` (server/sync/score-trail.ts): the scores that moved since the read that gave `after` are
 * exactly the rows whose realization differs between two full reads, one before and one after the change; without
 * `after`, or with one this server does not keep, every row's score, marked complete.
 */
import { describeOnSondrio } from '../helpers/sondrio-server';
import { ok } from '../helpers/sync';

const REALIZATION =
  'year checkpoint status score display attainment passMark achieved rule text warnings errors profile';

const SCORES = /* GraphQL */ `
  query ($planId: ID!, $after: String) {
    sheetScores(planId: $planId, year: 2022, checkpoint: YEAR_END, after: $after) {
      rows { rowId realization { ${REALIZATION} } }
      complete
      cursor
    }
  }
`;

const FULL = /* GraphQL */ `
  query ($planId: ID!) {
    sheetRows(planId: $planId, year: 2022, checkpoint: YEAR_END) { rows { rowId realization { ${REALIZATION} } } }
  }
`;

type Row = { rowId: string; realization: unknown };
type Page = { rows: Row[]; complete: boolean; cursor: string };

const byRow = (rows: Row[]) => new Map(rows.map((r) => [r.rowId, JSON.stringify(r.realization)]));

describeOnSondrio('sheetScores: the scores moved since a read (%s)', (sondrio) => {
  const scores = async (after: string | null): Promise<Page> =>
    ok(await sondrio.server.gql(SCORES, { planId: sondrio.plan.planId, after })).sheetScores;
  const full = async () => byRow(ok(await sondrio.server.gql(FULL, { planId: sondrio.plan.planId })).sheetRows.rows);

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
});
