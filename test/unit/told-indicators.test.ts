/**
 * indicatorsOf (server/sync/shared-states.ts): the indicators a told patch may have moved, which the receiving
 * instance rescores for every commit of the other one (B4-pg: in the turn holding the plan's lock). It looked the
 * state's every measurement up in the patch's list (`includes`) and mapped every target of the plan even for a patch
 * of actuals only: ~60 ms of a loaded event loop per told commit (session pgreads). The work is counted here, not
 * timed: how often the patch's ids and the plan's targets are read.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { indicatorsOf, type StatePatch } from '../../server/sync/shared-states';
import type { PlanState } from '../../server/sync/plan-state';

/** `list` behind a proxy counting the reads of its elements (by index, as `includes` and iteration do) */
function counted<T>(list: T[]): { list: T[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(list, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list: proxy, reads: () => reads };
}

const MEASUREMENTS = 2_000;
const TARGETS = 3_000;

/** a plan state's rows as indicatorsOf reads them: measurement i of indicator i, target i (and revision i) of i */
function stateOf() {
  const ref = (id: string) => ({ id });
  const measurements = Array.from({ length: MEASUREMENTS }, (_, i) => ({ id: `m${i}`, indicator: ref(`i${i}`) }));
  const targets = counted(Array.from({ length: TARGETS }, (_, i) => ({ id: `t${i}`, indicator: ref(`i${i}`) })));
  const revisions = Array.from({ length: TARGETS }, (_, i) => ({ id: `r${i}`, target: ref(`t${i}`) }));
  const state = { snapshot: { measurements, targets: targets.list, revisions } } as unknown as PlanState;
  return { state, targetReads: targets.reads };
}

const patchOf = (rows: Record<string, string[]>): StatePatch => ({
  from: 'p:1',
  to: { planId: 'p', orgId: 'org', value: 'p:2', changeCount: 2 },
  year: 2022,
  checkpoint: Checkpoint.YEAR_END,
  rows,
});

describe('the indicators a told patch moved', () => {
  it("reads each of a patch's actuals once and no target of the plan when it names only actuals", () => {
    const { state, targetReads } = stateOf();
    const named = counted(Array.from({ length: 140 }, (_, k) => `m${k * 7}`));
    const moved = indicatorsOf(state, patchOf({ Measurement: named.list }));
    expect(moved).toEqual(new Set(Array.from({ length: 140 }, (_, k) => `i${k * 7}`)));
    // the old lookup read the list once per measurement of the plan: ~2,000 × 70 reads here, not 140
    expect(named.reads()).toBeLessThanOrEqual(140);
    expect(targetReads()).toBe(0);
  });

  it('finds the indicators of named indicators, targets and revisions, and of new actuals', () => {
    const { state } = stateOf();
    const moved = indicatorsOf(
      state,
      patchOf({ Indicator: ['i5'], Target: ['t10', 't11'], TargetRevision: ['r20'], Measurement: ['m30'] }),
    );
    expect(moved).toEqual(new Set(['i5', 'i10', 'i11', 'i20', 'i30']));
  });

  it('refuses a patch naming a target the state lacks, as the lookup by target did', () => {
    const { state } = stateOf();
    expect(() => indicatorsOf(state, patchOf({ Target: ['t-missing'] }))).toThrow(/names targets the plan state lacks/);
  });
});
