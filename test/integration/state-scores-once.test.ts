/**
 * The readers of one plan stamp that miss its scores at once score it once (stateScores, ScoreSnapshots.scoredOnce):
 * after a write every pane of an instance asked the new stamp together and each scored the whole plan, copying it to
 * a compute thread (bench B4 on PostgreSQL, session pgcpu: 5 whole scorings of one stamp on one instance). Each gets
 * the scores a server that keeps nothing computes; a new stamp is scored again. Pure computation over rows read
 * once: SQLite is enough.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { ON_EVENT_LOOP, type PlanCompute } from '../../server/compute/pool';
import { openOrm } from '../../server/db/orm';
import { stateScores } from '../../server/export/sheet-data';
import { forPeriod } from '../../server/services/plan-snapshot';
import type { PlanStamp } from '../../server/services/plan-stamp';
import { computePlanScores } from '../../server/services/realization';
import { ScoreSnapshots } from '../../server/services/score-snapshots';
import { loadPlanState, type PlanState } from '../../server/sync/plan-state';
import { databaseFor } from '../helpers/databases';
import { expectSameScores } from '../helpers/score-maps';
import { buildPlan } from '../helpers/synthetic-plan';

const database = databaseFor('sqlite');
let orm: Awaited<ReturnType<typeof openOrm>>;
let state: PlanState;
let planId: string;

beforeAll(async () => {
  orm = await openOrm(await database.create());
  ({ planId } = await buildPlan(orm.em, 'ONCE', { perspectives: 2, strategic: 2, operational: 2, indicators: 3 }));
  state = await loadPlanState(orm.em.fork(), planId, 2022, Checkpoint.YEAR_END, { readOnly: true });
});

afterAll(async () => {
  await orm.close(true);
  await database.dropAll();
});

/** the event loop's scoring, counted */
function counting(): PlanCompute & { runs: number } {
  const compute = {
    ...ON_EVENT_LOOP,
    runs: 0,
    run: ((task) => {
      compute.runs++;
      return ON_EVENT_LOOP.run(task);
    }) as PlanCompute['run'],
  };
  return compute;
}

const stamp = (value: string): PlanStamp => ({ planId, orgId: 'o', value, changeCount: 0 });

describe('stateScores of one stamp asked at once', () => {
  it('scores once for the readers of a stamp, the scores a server keeping nothing computes; again for a new stamp', async () => {
    const snapshots = new ScoreSnapshots({ maxBytes: 2 ** 30 });
    const compute = counting();
    const read = (value: string) => stateScores(snapshots, stamp(value), state, true, compute);
    const [a, b, c] = await Promise.all([read('1'), read('1'), read('1')]);
    expect(compute.runs).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
    const uncached = computePlanScores(forPeriod(state.snapshot, 2022, Checkpoint.YEAR_END), 2022, Checkpoint.YEAR_END);
    expectSameScores(a, uncached);
    expect(await read('1')).toBe(a);
    expect(compute.runs).toBe(1);
    await Promise.all([read('2'), read('2')]);
    expect(compute.runs).toBe(2);
  });

  it('a failed scoring is not kept: the next reader scores', async () => {
    const snapshots = new ScoreSnapshots({ maxBytes: 2 ** 30 });
    const compute = counting();
    const failing: PlanCompute = { ...compute, run: () => Promise.reject(new Error('thread lost')) };
    await expect(stateScores(snapshots, stamp('1'), state, true, failing)).rejects.toThrow('thread lost');
    await stateScores(snapshots, stamp('1'), state, true, compute);
    expect(compute.runs).toBe(1);
  });

  it('without kept scores (cache off) every reader scores', async () => {
    const compute = counting();
    await Promise.all([1, 2].map(() => stateScores(undefined, stamp('1'), state, true, compute)));
    expect(compute.runs).toBe(2);
  });
});
