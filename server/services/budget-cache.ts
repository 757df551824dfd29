import { LRUCache } from 'lru-cache';

/** A cache setting: megabytes as bytes (0 = off) and, for tests, how many entries at most. */
export type CacheBudget = { maxBytes: number; maxEntries?: number };

/**
 * A cache bounded by entries and by the approximate size of its values; none at all when the budget is 0, the
 * setting's "off" (SCORE_CACHE_MB, ANSWER_CACHE_MB), so every read computes as it would without it.
 */
export function budgetCache<V extends object>(
  budget: CacheBudget,
  defaultEntries: number,
  bytesOf: (value: V) => number,
): LRUCache<string, V> | null {
  if (budget.maxBytes <= 0) return null;
  return new LRUCache<string, V>({
    max: budget.maxEntries ?? defaultEntries,
    maxSize: budget.maxBytes,
    // lru-cache refuses a size below 1
    sizeCalculation: (value) => Math.max(1, bytesOf(value)),
  });
}
