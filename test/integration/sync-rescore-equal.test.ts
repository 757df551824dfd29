/**
 * A rescore (computePlanScores with ScoreReuse, as the sheet sync does after a batch: server/sync/rescore.ts) equals
 * the whole plan scored again, property-style: random edits of the rows a sync may write of existing indicators
 * (actual value, neutralisation, manual score, weight, effective target, replaced status), a few indicators at a
 * time, each round rescored from the previous round's rescore (an error would carry on and grow), on the Sondrio
 * plan and on a generated plan of 4,800 indicators with managers and cruscotti (Sondrio's seed has neither). The rescore is given the state's every-period rows, as the sync
 * gives them; the reference is narrowed to the period first, as a read scores it. Pure computation over rows read
 * once: one database (SQLite) is enough, the database takes no part in it.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { openOrm } from '../../server/db/orm';
import { PlanVersion } from '../../server/entities';
import { seedIfEmpty } from '../../server/fixtures/sondrio';
import { forPeriod } from '../../server/services/plan-snapshot';
import { computePlanScores, type PlanScores } from '../../server/services/realization';
import { keptUnitChildren } from '../../server/services/unit-rescore';
import { loadPlanState } from '../../server/sync/plan-state';
import { databaseFor } from '../helpers/databases';
import { addManagersAndDashboards } from '../helpers/plan-cruscotti';
import { buildPlan } from '../helpers/synthetic-plan';
import { expectSameScores } from '../helpers/score-maps';
import { edited, random } from '../helpers/rescore-edits';

type Orm = Awaited<ReturnType<typeof openOrm>>;

/** children of the unit results a rescore built again from the kept ones, rather than all anew (unit-rescore.ts) */
function reusedChildren(rescored: PlanScores, prev: PlanScores): number {
  let reused = 0;
  for (const [id, result] of rescored.units) {
    const before = keptUnitChildren(prev.units.get(id));
    const now = keptUnitChildren(result);
    if (before && now && before !== now) reused += now.filter((child, k) => child === before[k]).length;
  }
  return reused;
}

async function roundsOn(
  orm: Orm,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
  seed: number,
  rounds: number,
): Promise<{ moved: number; kept: number; reused: number; above: number }> {
  const state = await loadPlanState(orm.em.fork(), planId, year, checkpoint, { readOnly: true });
  const next = random(seed);
  let s = state.snapshot;
  let prev = computePlanScores(forPeriod(s, year, checkpoint), year, checkpoint);
  let moved = 0;
  let kept = 0;
  let reused = 0;
  // the cruscotti, units and managers scored again rather than kept: the edits reach above the objectives
  let above = 0;
  for (let round = 0; round < rounds; round++) {
    const changed = new Set<string>();
    const count = 1 + Math.floor(next() * 4);
    for (let k = 0; k < count; k++) {
      const id = s.indicators[Math.floor(next() * s.indicators.length)].id;
      changed.add(id);
      s = edited(s, id, year, checkpoint, next);
    }
    const rescored = computePlanScores(s, year, checkpoint, { prev, changed });
    const whole = computePlanScores(forPeriod(s, year, checkpoint), year, checkpoint);
    expectSameScores(rescored, whole);
    reused += reusedChildren(rescored, prev);
    // what it did not score again is the kept result itself; what it did, a result that may have moved
    for (const [id, result] of rescored.indicators) {
      if (changed.has(id)) moved += result.score === prev.indicators.get(id)?.score ? 0 : 1;
      else if (result === prev.indicators.get(id)) kept++;
    }
    for (const level of ['dashboards', 'units', 'managers'] as const)
      for (const [id, result] of rescored[level]) if (result !== prev[level].get(id)) above++;
    prev = rescored;
  }
  return { moved, kept, reused, above };
}

describe('a rescore of the changed indicators equals the whole plan scored again (random edits)', () => {
  const database = databaseFor('sqlite');
  let orm: Orm;
  let sondrio: string;
  let generated: { planId: string; indicators: number };
  beforeAll(async () => {
    orm = await openOrm(await database.create());
    await seedIfEmpty(orm.em.fork());
    [sondrio] = (await orm.em.fork().find(PlanVersion, {}, { orderBy: { createdAt: 'asc' }, limit: 1 })).map(
      (p) => p.id,
    );
    generated = await buildPlan(orm.em, 'RESCORE4800', {
      perspectives: 4,
      strategic: 12,
      operational: 10,
      indicators: 10,
    });
    await addManagersAndDashboards(orm.em, generated.planId);
  }, 120_000);
  afterAll(async () => {
    await orm?.close(true);
    await database.dropAll();
  });

  it.each([
    [2022, Checkpoint.YEAR_END, 1],
    [2023, Checkpoint.YEAR_END, 2],
    [2024, Checkpoint.YEAR_END, 3],
  ])('Sondrio, %i %s', async (year, checkpoint, seed) => {
    const { moved, kept } = await roundsOn(orm, sondrio, year, checkpoint, seed, 40);
    // the edits moved scores (else equality would prove little) and the rest was reused, not recomputed
    expect(moved).toBeGreaterThan(5);
    expect(kept).toBeGreaterThan(0);
  });

  it('a generated plan of 4,800 indicators, 2022 year end', async () => {
    expect(generated.indicators).toBe(4800);
    const { moved, kept, reused, above } = await roundsOn(orm, generated.planId, 2022, Checkpoint.YEAR_END, 4, 12);
    expect(moved).toBeGreaterThan(5);
    expect(kept).toBeGreaterThan(12 * 4700);
    // the one unit responsible for all 4,800: from the second round on, its children kept, the few replaced
    expect(reused).toBeGreaterThan(11 * 4790);
    // its managers and cruscotti (addManagersAndDashboards) were scored again too, not only kept
    expect(above).toBeGreaterThan(12);
  });
});
