import { setImmediate as yieldToLoop } from 'node:timers/promises';

let tail: Promise<void> = Promise.resolve();

/**
 * A turn of the event loop for the next phase of a plan-wide computation, one phase at a time across the process.
 * Three aliased reports resumed from setImmediate in the same loop iteration ran their phases back to back, one
 * block of seconds; chained here, each phase's turn is scheduled after the previous phase has run, so the poll phase
 * (sockets: /health, small queries) comes between any two.
 */
export function nextTurn(): Promise<void> {
  const mine = tail.then(() => yieldToLoop());
  tail = mine.then(
    () => undefined,
    () => undefined,
  );
  return mine;
}
