import { nextTurn } from '../speed/next-turn';

/** Items of a list completed per turn of the event loop: 500 rows of ten fields are a few milliseconds of GraphQL. */
export const ITEMS_PER_TURN = 500;

/**
 * A long list for GraphQL to complete a slice per turn of the event loop (issue 13, item 5). graphql-js completes a
 * list of plain values in one go: the 19,000 rows of four Relazione tables of a big plan were one block. Items that
 * are promises it completes as each settles, so here the first slice is plain and each later one waits for a turn of
 * its own (next-turn.ts), after the previous: /health and small requests are answered between slices. The order
 * and the values are the list's.
 */
export function inTurns<T>(items: readonly T[], perTurn = ITEMS_PER_TURN): Array<T | Promise<T>> {
  if (items.length <= perTurn) return [...items];
  const out: Array<T | Promise<T>> = items.slice(0, perTurn);
  let turn: Promise<void> = Promise.resolve();
  for (let at = perTurn; at < items.length; at += perTurn) {
    turn = turn.then(nextTurn);
    const ready = turn;
    for (const item of items.slice(at, at + perTurn)) out.push(ready.then(() => item));
  }
  return out;
}
