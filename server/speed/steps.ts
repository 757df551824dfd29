import { nextTurn } from './next-turn';

/**
 * A computation written as a generator that yields between its slices (a hundred indicators scored, a hundred report
 * rows laid out): one code for both places it runs (issue 13, item 5). In a compute thread, or wherever nothing waits
 * on the event loop, it runs through (`runSteps`); on the event loop (COMPUTE_THREADS=0, or a report laid out from
 * kept scores) it gives the loop a turn once TURN_MS have passed since the last one (`runStepsOnTurns`), so /health
 * and small queries are answered in between. Same steps, same answer.
 *
 * The turn goes by time, not by count: a turn for every 400 items made the heavy request twice as slow without
 * threads (each turn waits behind every other phase of the process, server/speed/next-turn.ts), while a block is
 * what a small request waits for. A yield is only where the clock is looked at.
 */
export type Steps<T> = Generator<void, T, undefined>;

/** Items handled between two yields of a step-wise computation: where the clock is looked at. */
export const STEP_ITEMS = 100;

/** How long a step-wise computation on the event loop holds it before giving a turn. */
export const TURN_MS = 10;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function runStepsOnTurns<T>(steps: Steps<T>, turnMs = TURN_MS): Promise<T> {
  await nextTurn();
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since >= turnMs) {
      await nextTurn();
      since = performance.now();
    }
  }
}
