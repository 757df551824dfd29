import { performance } from 'node:perf_hooks';

/**
 * How long the links released in one iteration of the event loop may run before the rest wait for the next one (and
 * its poll phase). One link per iteration made a realization read whose scores were kept wait ~0.4–0.8 s for its
 * turn behind tens of others under B4 (bench/results/2026-12-07.md, session readtail); the whole queue at once would
 * run three reports' phases back to back again. The same as a step-wise computation's turn (steps.ts: TURN_MS).
 */
export const TURN_BUDGET_MS = 10;

/**
 * Turns of the event loop for the phases of the process, in the order they were asked. Each link waits for the check
 * phase after the poll phase (sockets: /health, small queries) of the iteration it was asked in or a later one; in an
 * iteration the links are released in order while the ones released before them have run for less than `budgetMs`,
 * the others wait for the next iteration. So cheap links (a read whose scores are kept) pass together, and a long
 * phase is still followed by the poll phase before the next.
 *
 * How: each link queues a token with `setImmediate`; Node runs an iteration's immediates one after another, each after
 * the microtasks of the one before (the released link's synchronous stretch), so a token measures what ran before it.
 * A token releases the oldest waiting link, or queues itself again once the budget is spent. The iteration's first
 * token opens its budget and queues its close, which runs in the next iteration before the tokens queued again.
 */
export function turnQueue(budgetMs = TURN_BUDGET_MS, now: () => number = () => performance.now()) {
  const waiting: Array<() => void> = [];
  let opened: { at: number } | undefined;

  function token(): void {
    if (!opened) {
      const budget = { at: now() };
      opened = budget;
      setImmediate(() => {
        if (opened === budget) opened = undefined;
      });
    } else if (now() - opened.at >= budgetMs) {
      setImmediate(token);
      return;
    }
    waiting.shift()!();
  }

  return function nextTurn(): Promise<void> {
    return new Promise((resolve) => {
      waiting.push(resolve);
      setImmediate(token);
    });
  };
}

/**
 * A turn of the event loop for the next phase of a plan-wide computation, in the process's one queue. Three aliased
 * reports resumed from setImmediate in the same loop iteration ran their phases back to back, one block of seconds;
 * queued here, a phase that spent the iteration's budget is followed by the poll phase before the next one.
 */
export const nextTurn = turnQueue();
