/**
 * A read of a new plan state reuses the work of the state before (session reuse, issue 15): the moved-scores read
 * compares only the rows the rescores since the pane's last read scored again (server/services/score-moves.ts), and
 * a delta takes the rows the patch did not touch from the state it was patched from (server/graphql/delta-rows.ts,
 * carriedShelf). Both must answer exactly what the whole computation answers, after several syncs: actuals that move
 * an objective's score and those above it, a new profile version, a row deleted and one added. The moved rows are
 * checked against the difference of two full reads, from every cursor kept so far; a delta's bytes and the moved
 * scores' bytes (kept per scores and cursor, sent as kept bytes) against graphql-js's execution of the same read (the
 * resolver builds every row anew).
 */
import { SHEET_ROWS } from '../../addin/src/api/queries';
import { rowsFromBase } from '../../server/graphql/delta-rows';
import { SheetScoresResolver } from '../../server/graphql/sheet-scores.resolver';
import { SyncResolver } from '../../server/graphql/sync.resolver';
import { movedRowsRead } from '../../server/sync/score-trail';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { servedAndExecutedBytes } from '../helpers/served-and-resolved';
import { edit, newAction, ok, sondrioPlan, sync, syncActuals } from '../helpers/sync';

const REALIZATION =
  'year checkpoint status score display attainment passMark achieved rule text warnings errors profile explanation';

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
    sheetRows(planId: $planId, year: 2022, checkpoint: YEAR_END) {
      rows { rowId realization { ${REALIZATION} } }
      cursor
    }
  }
`;

type Row = { rowId: string; realization: unknown };
type Page = { rows: Row[]; complete: boolean; cursor: string };
/** what a pane holds after a read: the scores' cursor, every row's realization as the full read gave it, the rows' cursor */
type Held = { scores: string; full: Row[]; rows: string };

describeOnSondrio('a new state read from the work of the state before (%s)', (sondrio) => {
  let resolved: jest.SpyInstance;
  let scoresResolved: jest.SpyInstance;
  beforeEach(() => {
    resolved = jest.spyOn(SyncResolver.prototype, 'sheetRows');
    scoresResolved = jest.spyOn(SheetScoresResolver.prototype, 'sheetScores');
  });
  afterEach(() => {
    resolved.mockRestore();
    scoresResolved.mockRestore();
  });

  const scores = async (after: string | null): Promise<Page> =>
    ok(await sondrio.server.gql(SCORES, { planId: sondrio.plan.planId, after })).sheetScores;
  const held = async (): Promise<Held> => {
    const { cursor } = await scores(null);
    const full = ok(await sondrio.server.gql(FULL, { planId: sondrio.plan.planId })).sheetRows;
    return { scores: cursor, full: full.rows, rows: full.cursor };
  };
  /** the rows of `now` whose realization is not `before`'s (a row new since has none there), in `now`'s order */
  const difference = (before: Row[], now: Row[]) => {
    const was = new Map(before.map((r) => [r.rowId, JSON.stringify(r.realization)]));
    return now.filter((r) => was.get(r.rowId) !== JSON.stringify(r.realization));
  };
  const delta = (after: string) =>
    servedAndExecutedBytes(
      sondrio.server,
      SHEET_ROWS,
      { planId: sondrio.plan.planId, year: 2022, checkpoint: 'YEAR_END', dashboards: false, since: null, after },
      resolved,
    );
  /** the moved scores since `after` as sent, served and executed by graphql-js */
  const scoresBytes = (after: string) =>
    servedAndExecutedBytes(sondrio.server, SCORES, { planId: sondrio.plan.planId, after }, scoresResolved);

  /**
   * From every cursor held so far: the moved scores are the difference of the full reads, and the delta served is
   * graphql-js's, byte for byte, as the moved scores are, written for the first pane asking and kept for the next.
   * Each delta is read before the next write too, so that the next state has a state before it whose rows were
   * written.
   */
  async function everyCursorAgrees(kept: Held[]): Promise<Held> {
    const now = await held();
    for (const from of kept) {
      const written = await scoresBytes(from.scores);
      expect(written.served).toBe(written.executed);
      expect((await scoresBytes(from.scores)).served).toBe(written.served);
      const page = await scores(from.scores);
      expect(page.complete).toBe(false);
      expect(page.rows).toEqual(difference(from.full, now.full));
      const { served, executed } = await delta(from.rows);
      expect(served).toBe(executed);
    }
    return now;
  }

  const actuals = async (values: Record<string, string>) =>
    syncActuals(sondrio.server, await sondrioPlan(sondrio.server), values);

  it('answers the moved scores and the deltas of the whole computation after several syncs', async () => {
    const { server, plan } = sondrio;
    const kept: Held[] = [await held()];
    const [moved, fromBase] = [movedRowsRead.count, rowsFromBase.count];

    // actuals of one operational objective's indicators: it, its strategic objective and perspective move too
    await actuals({ '1.1.1': '1', '1.1.2': '2' });
    kept.push(await everyCursorAgrees(kept));
    const one = difference(kept[0].full, kept[1].full).map((r) => r.rowId);
    expect(one).toEqual(
      expect.arrayContaining([plan.indicator('1.1.1').rowId, plan.operational('1.1').rowId, plan.strategic('1').rowId]),
    );
    await actuals({ '1.1.2': '40', '2.1.1': '3' });
    kept.push(await everyCursorAgrees(kept));
    await actuals({ '1.1.1': '55' });
    kept.push(await everyCursorAgrees(kept));
    // the reads did reuse the work of the states before
    expect(movedRowsRead.count).toBeGreaterThan(moved);
    expect(rowsFromBase.count).toBeGreaterThan(fromBase);

    // a new profile version: every score may move, without a commit of the plan's rows
    const profile = ok(
      await server.gql(
        `mutation($org: ID!) { createScoringProfileFromPreset(organisationId: $org, preset: BRESCIA) { id } }`,
        { org: plan.orgId },
      ),
    ).createScoringProfileFromPreset;
    ok(
      await server.gql(
        `mutation($id: ID!, $p: ID!) { updatePlanVersion(id: $id, input: { scoringProfileId: $p }) { id } }`,
        { id: plan.planId, p: profile.id },
      ),
    );
    ok(
      await server.gql(
        `mutation($id: ID!) { reviseScoringProfile(id: $id, parameters: { bandsMode: "linear" }) { id } }`,
        { id: profile.id },
      ),
    );
    kept.push(await everyCursorAgrees(kept));
    await actuals({ '1.1.2': '7', '2.1.1': '9' });
    kept.push(await everyCursorAgrees(kept));

    // a row deleted and one added
    const now = await sondrioPlan(server);
    const result = await sync(server, {
      planId: plan.planId,
      rows: [
        edit(now.indicator('1.4.2'), { delete: true }),
        newAction('N', now.operational('1.1').rowId, '1.1.9', '30'),
      ],
    });
    expect(result.rows.map((r) => r.status)).toEqual(['DELETED', 'CREATED']);
    kept.push(await everyCursorAgrees(kept));
    await actuals({ '1.1.1': '12', '2.1.1': '1' });
    kept.push(await everyCursorAgrees(kept));
    await actuals({ '1.1.2': '13' });
    await everyCursorAgrees(kept);
  });
});
