import { nextTurn } from './next-turn';

/**
 * A computation written as a generator that yields between its slices (a few hundred indicators scored, a few
 * hundred report rows laid out): one code for both places it runs (issue 13, item 5). In a compute thread, or
 * wherever nothing waits on the event loop, it runs through (`runSteps`); on the event loop (COMPUTE_THREADS=0, or a
 * report laid out from kept scores) each slice gets a turn of its own (`runStepsOnTurns`), so /health and small
 * queries are answered between them. Same steps, same answer.
 */
export type Steps<T> = Generator<void, T, undefined>;

/** Items handled between two yields of a step-wise computation. */
export const STEP_ITEMS = 400;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function runStepsOnTurns<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    await nextTurn();
    const step = steps.next();
    if (step.done) return step.value;
  }
}
