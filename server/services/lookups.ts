import { groupBy } from './group-by';

/**
 * Rows of a plan by a key, for scoring (realization.ts). `whole`: every group built at once, as a plan scored whole
 * asks for every one. Otherwise built per key when asked and remembered: a sync that changed a few indicators
 * (ScoreReuse) asks for the groups above those alone, and grouping every list of a 5,000-indicator plan was most of
 * its rescoring (bench B7). Either way a group holds the rows of that key in the list's order, as groupBy gives it.
 */
export function groupsOf<T>(
  rows: readonly T[],
  key: (row: T) => string | null | undefined,
  whole: boolean,
): (id: string) => T[] | undefined {
  if (whole) {
    const all = groupBy(rows, key);
    return (id) => all.get(id);
  }
  const asked = new Map<string, T[] | undefined>();
  return (id) => {
    if (asked.has(id)) return asked.get(id);
    const group = rows.filter((row) => key(row) === id);
    const found = group.length > 0 ? group : undefined;
    asked.set(id, found);
    return found;
  };
}

/** The last row of each key (as `new Map(rows.map(r => [key(r), r]))` keeps it), whole or per key as groupsOf. */
export function lastOf<T>(
  rows: readonly T[],
  key: (row: T) => string | null | undefined,
  whole: boolean,
): (id: string) => T | undefined {
  if (whole) {
    // set row by row: a [key, row] pair per row first was most of this index's time and garbage (10,000 targets)
    const all = new Map<string | null | undefined, T>();
    for (const row of rows) all.set(key(row), row);
    return (id) => all.get(id);
  }
  return (id) => {
    for (let k = rows.length - 1; k >= 0; k--) if (key(rows[k]) === id) return rows[k];
    return undefined;
  };
}
