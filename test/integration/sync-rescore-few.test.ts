/**
 * The sync's rescore (server/sync/rescore.ts scoresAfter, with ScoreReuse) of a seeded random batch over the Sondrio
 * plan, through the state the sync patches (PlanState.patched): equal to the whole plan scored again, and done
 * without a pass over the plan's lists (server/services/rescore-few.ts): it reads the changed indicators and the
 * children of the aggregates above them, not every indicator to find them; and the patched state's indexes are its
 * base's with a few entries replaced, not copies (server/sync/layered-map.ts).
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { openOrm } from '../../server/db/orm';
import { PlanVersion } from '../../server/entities';
import { seedIfEmpty } from '../../server/fixtures/sondrio';
import { forPeriod, type PlanSnapshot } from '../../server/services/plan-snapshot';
import { computePlanScores } from '../../server/services/realization';
import { loadPlanState, type PlanState } from '../../server/sync/plan-state';
import { scoresAfter } from '../../server/sync/rescore';
import { databaseFor } from '../helpers/databases';
import { edited, random } from '../helpers/rescore-edits';
import { expectSameScores } from '../helpers/score-maps';
import { buildPlan } from '../helpers/synthetic-plan';

const shape = { perspectives: 4, strategic: 12, operational: 10, indicators: 10 };

const LISTS = ['indicators', 'targets', 'revisions', 'measurements'] as const;

/** the rows of `now`'s lists that `was` has not, and those `was` had that `now` has not: what a batch touched */
function touched(was: PlanSnapshot, now: PlanSnapshot): object[] {
  const rows: object[] = [];
  for (const list of LISTS) {
    const before = new Set<object>(was[list]);
    const after = new Set<object>(now[list]);
    for (const row of now[list]) if (!before.has(row)) rows.push(row);
    for (const row of was[list]) if (!after.has(row)) rows.push(row);
  }
  return rows;
}

/** `state` whose snapshot's node lists count every row read from them */
function counted(state: PlanState): { reads: () => number } {
  let reads = 0;
  const lists = ['indicators'] as const;
  const snapshot = { ...state.snapshot };
  for (const list of lists)
    (snapshot as Record<string, unknown>)[list] = new Proxy(state.snapshot[list], {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  Object.defineProperty(state, 'snapshot', { value: snapshot });
  return { reads: () => reads };
}

/** counts the entries iterated out of `state`'s indexes (copying one iterates it whole) */
function iterated(state: PlanState): () => number {
  let entries = 0;
  for (const index of [state.nodes, state.targetsOf, state.revisionsOf, state.measurementOf]) {
    const own = index as unknown as Record<PropertyKey, unknown>;
    for (const name of [Symbol.iterator, 'entries', 'keys', 'values'] as const) {
      const iterate = (index[name] as () => Iterator<unknown>).bind(index);
      own[name] = function* () {
        for (const item of { [Symbol.iterator]: iterate }) {
          entries++;
          yield item;
        }
      };
    }
    const each = index.forEach.bind(index);
    own.forEach = (callback: (...args: unknown[]) => void, thisArg?: unknown) =>
      each((...args) => {
        entries++;
        callback.apply(thisArg, args);
      });
  }
  return () => entries;
}

describe('the sync rescores a random batch over the Sondrio plan as the whole plan scores it', () => {
  const database = databaseFor('sqlite');
  let orm: Awaited<ReturnType<typeof openOrm>>;
  let planId: string;
  beforeAll(async () => {
    orm = await openOrm(await database.create());
    await seedIfEmpty(orm.em.fork());
    [planId] = (await orm.em.fork().find(PlanVersion, {}, { orderBy: { createdAt: 'asc' }, limit: 1 })).map(
      (p) => p.id,
    );
  }, 120_000);
  afterAll(async () => {
    await orm?.close(true);
    await database.dropAll();
  });

  /** `copies`: whether a patch may iterate its base's indexes (on a small plan it makes them plain maps again) */
  async function rounds(
    plan: string,
    year: number,
    checkpoint: Checkpoint,
    seed: number,
    bound: (n: number) => number,
    copies = true,
  ) {
    let state = await loadPlanState(orm.em.fork(), plan, year, checkpoint, { readOnly: true });
    const next = random(seed);
    let prev = scoresAfter(state);
    const indicators = state.snapshot.indicators.length;
    for (let round = 0; round < 10; round++) {
      const changed = new Set<string>();
      let s = state.snapshot;
      for (let k = 1 + Math.floor(next() * 6); k > 0; k--) {
        const id = s.indicators[Math.floor(next() * s.indicators.length)].id;
        changed.add(id);
        s = edited(s, id, year, checkpoint, next);
      }
      const copied = iterated(state);
      const after = state.patched(s, touched(state.snapshot, s));
      // a patch of a few rows replaces a few entries of the indexes: none of the plan's copied
      if (!copies) expect(copied()).toBe(0);
      const { reads } = counted(after);
      const rescored = scoresAfter(after, { prev, changed });
      // the changed indicators and their siblings under the aggregates above them (the whole bookkeeping went over
      // every indicator at least twice); the first rescore of a chain finds the plan's shape, once
      if (round > 0) expect(reads()).toBeLessThan(bound(indicators));
      const whole = computePlanScores(forPeriod(s, year, checkpoint), year, checkpoint);
      expectSameScores(rescored, whole);
      for (const [id, result] of rescored.indicators)
        if (!changed.has(id)) expect(result).toBe(prev.indicators.get(id));
      prev = rescored;
      state = after;
    }
  }

  it.each([
    [2022, Checkpoint.YEAR_END, 11],
    [2023, Checkpoint.MID_YEAR, 12],
    [2024, Checkpoint.YEAR_END, 13],
  ])('Sondrio, %i %s, seed %i', async (year, checkpoint, seed) => {
    // 48 indicators, a unit or an objective may hold most of them: fewer reads than two passes
    await rounds(planId, year, checkpoint, seed, (n) => 2 * n);
  });

  it('a generated plan of 4,800 indicators, 2022 year end, seed 14', async () => {
    const { planId: generated } = await buildPlan(orm.em, 'FEW4800', shape);
    // ten indicators an objective, one unit responsible for all: its aggregate reads each once, the objectives above
    // a batch of up to six a few dozen (the whole bookkeeping: every indicator twice, then the unit's)
    await rounds(generated, 2022, Checkpoint.YEAR_END, 14, (n) => n * 1.05, false);
  }, 120_000);
});
