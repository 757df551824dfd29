import type { EntityManager } from '@mikro-orm/core';
import type { Invalidations } from '../ops/invalidation';
import { followCommits } from './committed-changes';
import { dropKeyOf, PLAN_SCORES, type ScoreSnapshots } from './score-snapshots';

/**
 * Writes free the scored plans they made stale, here and on every other instance: each committed transaction (any
 * write path: sheet sync, mutation, import, lock, profile, workflow — they all record audit events,
 * committed-changes.ts) drops its plans' entries through the invalidation channel (server/ops/invalidation.ts).
 * Correctness does not rest on these messages (a kept entry is served only while the plan's stamp is the same);
 * they keep memory for plans that are still read. Returns the function that stops.
 */
export function keepSnapshotsFresh(
  em: EntityManager,
  snapshots: ScoreSnapshots,
  invalidations: Invalidations,
  onError: (error: unknown) => void,
): () => void {
  if (!snapshots.enabled) return () => undefined;
  const unregister = invalidations.on(PLAN_SCORES, (key) => snapshots.drop(key));
  const unfollow = followCommits(em, (changes) => {
    const keys = new Set<string>();
    for (const change of changes) {
      const key = dropKeyOf(change);
      if (key) keys.add(key);
    }
    for (const key of keys) invalidations.invalidate(PLAN_SCORES, key).catch(onError);
  });
  return () => {
    unfollow();
    unregister();
  };
}
