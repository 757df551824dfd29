/**
 * `sheetScores(after:)` whatever the garbage collector did (server/sync/score-trail.ts, HELD_PER_PERIOD): a pane
 * whose cursor names one of the newest scores given out for the period gets only the rows moved since, after any
 * number of collections; a cursor older than those may be answered complete (every row), as one this server never
 * gave. Held only weakly, whether a pane got 30 rows or 4,800 depended on when the collector had run (bench B4).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { HELD_PER_PERIOD } from '../../server/sync/score-trail';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { ok } from '../helpers/sync';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** a full collection once the current job is over (a WeakRef dereferenced in it stays alive until then) */
async function collect(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
}

const SCORES = /* GraphQL */ `
  query ($planId: ID!, $after: String) {
    sheetScores(planId: $planId, year: 2022, checkpoint: YEAR_END, after: $after) {
      rows {
        rowId
        realization {
          status
          score
          display
          attainment
        }
      }
      complete
      cursor
    }
  }
`;

type Page = { rows: Array<{ rowId: string; realization: unknown }>; complete: boolean; cursor: string };

describeOnSondrio('sheetScores: the newest scores given out outlive a garbage collection (%s)', (sondrio) => {
  const scores = async (after: string | null): Promise<Page> =>
    ok(await sondrio.server.gql(SCORES, { planId: sondrio.plan.planId, after })).sheetScores;
  const byRow = (page: Page) => new Map(page.rows.map((r) => [r.rowId, JSON.stringify(r.realization)]));
  let actual = 10;

  /** another pane's sync of one indicator, then its read: new scores given out for the period */
  const otherPaneTurn = async (code: string) => {
    const row = await sondrio.sheet.row('INDICATOR', code);
    await sondrio.sheet.sync([{ rowId: row.rowId, rowVersion: row.rowVersion, actual: String(actual++) }]);
    await scores(null);
  };

  it('a cursor among the newest given: only the moved rows, after new states and a collection', async () => {
    const before = await scores(null);
    for (const code of ['1.1.2', '1.1.3', '1.1.2']) await otherPaneTurn(code);
    await collect();
    const now = await scores(null);
    const page = await scores(before.cursor);
    expect(page.complete).toBe(false);
    // exactly the rows whose scores differ between the pane's first read and now
    const was = byRow(before);
    const moved = [...byRow(now)].filter(([rowId, json]) => was.get(rowId) !== json);
    expect(moved.length).toBeGreaterThanOrEqual(3);
    expect(byRow(page)).toEqual(new Map(moved));
    expect(page.rows.length).toBeLessThan(before.rows.length);
  });

  it('a cursor older than the newest HELD_PER_PERIOD given: every row, complete, as a read without one', async () => {
    const before = await scores(null);
    for (let turn = 0; turn <= HELD_PER_PERIOD; turn++) await otherPaneTurn(turn % 2 ? '1.1.2' : '1.1.3');
    await collect();
    const page = await scores(before.cursor);
    expect(page.complete).toBe(true);
    expect(byRow(page)).toEqual(byRow(await scores(null)));
  });
});
