import { runSteps, runStepsOnTurns, type Steps } from '../../server/speed/steps';
import { turnsDuring } from '../helpers/event-loop-turns';

/** Sums 1..n, yielding after each number: a step-wise computation with n steps. */
function* sum(n: number): Steps<number> {
  let total = 0;
  for (let i = 1; i <= n; i++) {
    total += i;
    yield;
  }
  return total;
}

describe('step-wise computations (server/speed/steps.ts)', () => {
  it('give the same answer run through and on turns', async () => {
    expect(runSteps(sum(1_000))).toBe(500_500);
    expect(await runStepsOnTurns(sum(1_000))).toBe(500_500);
  });

  it('give the event loop a turn by time, not by step: never within the budget, after every step past it', async () => {
    // a budget no step reaches: one turn before the first step, none after
    const within = await turnsDuring(() => runStepsOnTurns(sum(50), Number.POSITIVE_INFINITY));
    expect(within.value).toBe(1_275);
    expect(within.turns).toBeLessThanOrEqual(2);
    // a budget every step reaches: a turn after each of them
    const past = await turnsDuring(() => runStepsOnTurns(sum(50), 0));
    expect(past.value).toBe(1_275);
    expect(past.turns).toBeGreaterThanOrEqual(50);
  });
});
