/**
 * The rows a batch changed (rowsChanged, server/sync/kept-state.ts), read again or told to the other instances after
 * its commit: in lists withRowsOf made from the state read (adopt-rows.ts, then kept-state.ts between the batches of
 * a turn) only the places it replaced are compared, not every place of the plan's 4,800 indicators and 14,400
 * targets (2 % of a B4 sync); a list made otherwise is still compared place by place.
 */
import type { PlanSnapshot } from '../../server/services/plan-snapshot';
import { TREE_KINDS, withRowsOf } from '../../server/services/plan-snapshot';
import { type KeptAfter, rowsChanged } from '../../server/sync/kept-state';
import { counted } from '../helpers/counted-list';

class Indicator {
  constructor(readonly id: string) {}
}
class Target {
  constructor(readonly id: string) {}
}

function snapshotOf(lists: Partial<Record<(typeof TREE_KINDS)[number], object[]>>): PlanSnapshot {
  const snapshot: Record<string, unknown> = { plan: { id: 'plan' }, entries: [], assignments: [] };
  for (const kind of TREE_KINDS) snapshot[kind] = lists[kind] ?? [];
  return snapshot as unknown as PlanSnapshot;
}

const stateOf = (snapshot: PlanSnapshot) => ({ snapshot }) as unknown as KeptAfter['read'];
const ids = (rows: Array<{ id: string }> | undefined) => (rows ?? []).map((r) => r.id);

describe('rowsChanged', () => {
  const indicators = Array.from({ length: 4800 }, (_, k) => new Indicator(`i${k}`));
  const targets = Array.from({ length: 14400 }, (_, k) => new Target(`t${k}`));

  it('compares only the places withRowsOf replaced, over the steps of a turn, in list order', () => {
    const i = counted(indicators);
    const t = counted(targets);
    const read = snapshotOf({ indicators: i.list, targets: t.list });
    // adopted for the turn: two indicators and a target
    const adopted = withRowsOf(
      read,
      new Map<string, { id: string }>([
        ['i4000', new Indicator('i4000')],
        ['i7', new Indicator('i7')],
        ['t9', new Target('t9')],
      ]),
      TREE_KINDS,
    );
    // read again after the first batch: one of them, and another indicator
    const between = withRowsOf(
      adopted,
      new Map<string, { id: string }>([
        ['i7', new Indicator('i7')],
        ['i12', new Indicator('i12')],
      ]),
      TREE_KINDS,
    );
    const before = i.reads() + t.reads();
    const changed = rowsChanged({ read: stateOf(read), after: stateOf(between), created: new Set(), valuesOnly: true });
    expect(ids(changed.fresh.get(Indicator as never))).toEqual(['i7', 'i12', 'i4000']);
    expect(ids(changed.fresh.get(Target as never))).toEqual(['t9']);
    expect(changed.fresh.get(Indicator as never)![1]).toBe(between.indicators[12]);
    expect(Object.fromEntries(changed.written)).toEqual({ Indicator: ['i7', 'i12', 'i4000'], Target: ['t9'] });
    expect(changed.count).toBe(4);
    // a few places each, not 4,800 + 14,400
    expect(i.reads() + t.reads() - before).toBeLessThan(40);
  });

  it('compares place by place a list withRowsOf did not make from the one read', () => {
    const read = snapshotOf({ indicators });
    const copy = indicators.slice();
    copy[3] = new Indicator('i3');
    const created = new Set<object>();
    const changed = rowsChanged({
      read: stateOf(read),
      after: stateOf(snapshotOf({ indicators: copy })),
      created,
      valuesOnly: false,
    });
    expect(ids(changed.fresh.get(Indicator as never))).toEqual(['i3']);
    expect(changed.written.size).toBe(0);
    // made from another list than the one read (a state read again): every place compared
    const other = withRowsOf(snapshotOf({ indicators: indicators.slice() }), new Map([['i5', new Indicator('i5')]]), [
      'indicators',
    ]);
    const again = rowsChanged({ read: stateOf(read), after: stateOf(other), created, valuesOnly: false });
    expect(ids(again.fresh.get(Indicator as never))).toEqual(['i5']);
  });
});
