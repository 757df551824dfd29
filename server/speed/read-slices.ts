import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';
import { nextTurn } from './next-turn';
import { readRows } from './read-rows';

/**
 * Rows per statement of a sliced read. A statement's rows are fetched and built in one block of the event loop
 * (better-sqlite3 answers synchronously; pg parses a whole result at once): 4,800 indicators were 150–400 ms of
 * it; a thousand were still 30–80 ms, the longest blocks left with the compute threads (issue 13, item 5, bench B9).
 */
export const SLICE_ROWS = 250;

type Order = Record<string, 'asc' | 'desc'>;

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  // NULL first, as SQLite sorts it ascending
  if (a == null) return -1;
  if (b == null) return 1;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The rows in the order `orderBy` names (a stable sort, values compared as JavaScript does: code points for text). */
export function sortRows<E extends object>(rows: E[], orderBy: Order): E[] {
  const keys = Object.entries(orderBy);
  return rows.sort((a, b) => {
    for (const [key, direction] of keys) {
      const c = compareValues((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]);
      if (c !== 0) return direction === 'desc' ? -c : c;
    }
    return 0;
  });
}

/**
 * readRows in slices of `slice` rows, each statement on a turn of the event loop of its own (next-turn.ts), so that
 * /health and small requests are answered between the slices of a big plan's read. Slices follow the primary key
 * (`id > last`), not an offset: a row written between two slices is read once or not at all, never twice, and none
 * of the rows there before is skipped. The rows are then put in `orderBy`'s order here. `stop` ends the read
 * between two slices (with its reason): a read no longer wanted gives its turns and its connection back.
 */
export async function readRowsInSlices<E extends { id: string }>(
  em: EntityManager,
  entity: EntityClass<E>,
  where: FilterQuery<E>,
  orderBy?: Order,
  slice = SLICE_ROWS,
  stop?: AbortSignal,
): Promise<E[]> {
  const rows: E[] = [];
  let after: string | null = null;
  for (;;) {
    await nextTurn();
    stop?.throwIfAborted();
    const page: E[] = await readRows(
      em,
      entity,
      (after === null ? where : { $and: [where, { id: { $gt: after } }] }) as FilterQuery<E>,
      { id: 'asc' },
      slice,
    );
    for (const row of page) rows.push(row);
    if (page.length < slice) break;
    after = page[page.length - 1].id;
  }
  if (!orderBy) return rows;
  await nextTurn(); // the sort of a big plan's rows on a turn of its own
  return sortRows(rows, orderBy);
}

/**
 * The rows of `entity` hanging from `parentIds` (by the reference `key`), `slice` parents per statement, each on a
 * turn of its own, then put in `orderBy`'s order (ties by id, as readRowsInSlices leaves them). For children
 * filtered through a join (a target's revisions, by the target's plan): slicing those by their own id cannot seek,
 * and each slice sorted every child of the plan (3 s of a B4 realization read on 4,800 indicators); by the parents
 * already read, each statement is a look-up in the reference's index.
 */
export async function readChildrenInSlices<E extends { id: string }>(
  em: EntityManager,
  entity: EntityClass<E>,
  key: string,
  parentIds: readonly string[],
  orderBy: Order,
  slice = SLICE_ROWS,
  stop?: AbortSignal,
): Promise<E[]> {
  const rows: E[] = [];
  for (let at = 0; at < parentIds.length; at += slice) {
    await nextTurn();
    stop?.throwIfAborted();
    const where = { [key]: { $in: parentIds.slice(at, at + slice) } } as FilterQuery<E>;
    for (const row of await readRows(em, entity, where)) rows.push(row);
  }
  await nextTurn();
  return sortRows(sortRows(rows, { id: 'asc' }), orderBy);
}
