/**
 * ScoreSnapshots.grow (server/services/score-snapshots.ts): the texts kept on a plan state after it was kept
 * (server/speed/kept-texts.ts: the realization read's rows, the deltas) count in its size, in SCORE_CACHE_MB's budget.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import type { PlanStamp } from '../../server/services/plan-stamp';
import { ScoreSnapshots } from '../../server/services/score-snapshots';
import { KeptTexts } from '../../server/speed/kept-texts';

const stamp = (value: string): PlanStamp => ({ planId: 'p1', orgId: 'o1', value, changeCount: 0 });
const YEAR_END = Checkpoint.YEAR_END;
const text = (chars: number) => async () => 'x'.repeat(chars);

function keptStates() {
  const snapshots = new ScoreSnapshots({ maxBytes: 100_000 });
  const states = { one: { n: 1 }, two: { n: 2 } };
  snapshots.putKept('sheet-states', stamp('1'), 2022, YEAR_END, states.one, 10_000);
  snapshots.putKept('sheet-states', stamp('2'), 2022, YEAR_END, states.two, 10_000);
  const peek = (value: string) => snapshots.peekKept('sheet-states', 'p1', 2022, YEAR_END, value);
  return { snapshots, states, peek };
}

describe('ScoreSnapshots.grow', () => {
  it('a small budget evicts a state whose kept texts are large', async () => {
    const { snapshots, states, peek } = keptStates();
    const rows = new KeptTexts();
    const scores = {};
    // 2 × 30,000 characters (the text and its bytes): 70,000 with the state's own, 80,000 in all, within 100,000
    await rows.of(states.one, scores, 'whole sheet', text(30_000), snapshots);
    expect(peek('1')).toBe(states.one);
    expect(peek('2')).toBe(states.two);
    // 130,000: the state alone is past the budget
    await rows.of(states.one, scores, 'a scope', text(30_000), snapshots);
    expect(peek('1')).toBeUndefined();
    expect(peek('2')).toBe(states.two);
  });

  it('the texts a shelf lets go are counted out; a state no longer kept counts nothing', async () => {
    const { snapshots, states, peek } = keptStates();
    const deltas = new KeptTexts(1);
    const scores = {};
    // ten deltas of 40,000 each, one kept at a time: never more than 50,000 on the state
    for (let k = 0; k < 10; k++) await deltas.of(states.one, scores, `delta ${k}`, text(20_000), snapshots);
    expect(peek('1')).toBe(states.one);
    expect(peek('2')).toBe(states.two);
    snapshots.grow({}, 1_000_000);
    expect(peek('1')).toBe(states.one);
    expect(peek('2')).toBe(states.two);
  });
});
