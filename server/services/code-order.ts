/**
 * One collator for every comparison: `localeCompare(b, 'it', options)` builds a new collator per call, and sorting a
 * 3,000-indicator plan held the event loop for seconds in that alone (issue 13, finding 9).
 */
export const COLLATOR = new Intl.Collator('it', { numeric: true });

/** Code order as a plan prints it: "1.2" before "1.10", "3" before "10"; rows without a code last. */
export function byCode(a: string | null | undefined, b: string | null | undefined): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  return COLLATOR.compare(a, b);
}

/** The rows in code order (a copy), for printing a plan level by level. */
export function inCodeOrder<T extends { code?: string | null }>(rows: readonly T[] | undefined): T[] {
  return [...(rows ?? [])].sort((a, b) => byCode(a.code, b.code));
}
