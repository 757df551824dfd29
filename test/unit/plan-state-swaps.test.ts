/**
 * A plan state patched from another (PlanState.patched, server/sync/plan-state.ts) finds the rows put in its base's
 * places from what withRowsOf recorded when it made the lists (placesReplaced), also when they were made in a few
 * steps (a turn's state adopted, then read again after a batch), instead of comparing every place of the plan's 4,800
 * indicators; a list made otherwise is still compared place by place. Either way the nodes are those a whole build
 * gives, in its order.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import type { PlanSnapshot } from '../../server/services/plan-snapshot';
import { TREE_KINDS, withRowsOf } from '../../server/services/plan-snapshot';
import { PlanState } from '../../server/sync/plan-state';
import { counted } from '../helpers/counted-list';

class Indicator {
  constructor(
    readonly id: string,
    readonly step = 0,
  ) {}
}

function snapshotOf(indicators: object[]): PlanSnapshot {
  const snapshot: Record<string, unknown> = { plan: { id: 'plan' }, entries: [], assignments: [] };
  for (const kind of TREE_KINDS) snapshot[kind] = [];
  return { ...snapshot, indicators } as unknown as PlanSnapshot;
}

const stateOf = (snapshot: PlanSnapshot) => new PlanState(snapshot, 2022, Checkpoint.YEAR_END, [], []);
const replacing = (...rows: Indicator[]) => new Map<string, { id: string }>(rows.map((row) => [row.id, row]));

describe('a plan state patched from another', () => {
  const indicators = Array.from({ length: 4800 }, (_, k) => new Indicator(`i${k}`));

  it('looks only at the places withRowsOf replaced, over the steps of a turn, and has the nodes of a whole build', () => {
    const i = counted(indicators);
    const read = snapshotOf(i.list);
    const base = stateOf(read);
    const adopted = withRowsOf(read, replacing(new Indicator('i4000', 1), new Indicator('i7', 1)), TREE_KINDS);
    const between = withRowsOf(adopted, replacing(new Indicator('i7', 2), new Indicator('i12', 2)), TREE_KINDS);
    const before = i.reads();
    const patched = base.patched(between, []);
    // the three places replaced, each looked at a few times in the list read (found, compared, keyed, swapped): not
    // the 4,800
    expect(i.reads() - before).toBeLessThanOrEqual(4 * 3);
    const whole = stateOf(between);
    expect([...patched.nodes.entries()]).toEqual([...whole.nodes.entries()]);
    expect([patched.nodes.get('i4000'), patched.nodes.get('i7'), patched.nodes.get('i12')]).toEqual([
      new Indicator('i4000', 1),
      new Indicator('i7', 2),
      new Indicator('i12', 2),
    ]);
    expect(patched.nodes.get('i0')).toBe(indicators[0]);
  });

  it('compares a list made otherwise place by place, with the same nodes', () => {
    const base = stateOf(snapshotOf(indicators));
    const now = indicators.map((row) => (row.id === 'i9' ? new Indicator('i9', 1) : row));
    const patched = base.patched(snapshotOf(now), []);
    expect([...patched.nodes.entries()]).toEqual([...stateOf(snapshotOf(now)).nodes.entries()]);
    expect(patched.nodes.get('i9')).toBe(now[9]);
  });
});
