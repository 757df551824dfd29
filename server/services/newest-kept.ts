import type { Checkpoint } from '@core/vocabulary/enums';
import type { PlanStamp } from './plan-stamp';
import type { ScoreSnapshots } from './score-snapshots';

/**
 * ScoreSnapshots.keep, for a reader that may be answered at a later stamp than the one it read (`restamp` reads the
 * plan's stamp again): while it waits for a build of its stamp, a value of the same kind kept for another stamp of
 * the period (a told patch applied, a sync's state after its commit) makes it read the stamp again, and the value
 * kept for that stamp, if any, is its answer, with that stamp. The readers of a stamp whose told patch never made it
 * here (applied to no kept state, or read while a later commit moved the stamp: server/sync/shared-states.ts) waited
 * for their whole sliced read of the plan, 13-20 s on a loaded event loop (bench B4-pg, session pgturn), while the
 * states of the stamps after theirs were kept, one per commit, as patches came (session pgturn4: five score reads of
 * ~16 s, no sync over 5.7 s; bench/results/2026-12-07.md, session sqlread2).
 */
export async function keepNewest<T extends object>(
  snapshots: ScoreSnapshots,
  kept: { kind: string; stamp: PlanStamp | null; year: number; checkpoint: Checkpoint },
  build: (stop: AbortSignal) => Promise<T>,
  bytes: (value: T) => number,
  restamp: () => Promise<PlanStamp | null>,
): Promise<{ stamp: PlanStamp | null; value: T }> {
  const { kind, stamp, year, checkpoint } = kept;
  const keeping = snapshots.keep(kind, stamp, year, checkpoint, build, bytes);
  if (!snapshots.enabled || !stamp) return { stamp, value: await keeping };
  for (;;) {
    const other = snapshots.otherKept(kind, stamp, year, checkpoint);
    try {
      const got = await Promise.race([keeping.then((value) => ({ value })), other.kept]);
      if (typeof got === 'object') return { stamp, value: got.value };
    } finally {
      other.stop();
    }
    const now = await restamp();
    const value =
      now && now.value !== stamp.value
        ? snapshots.peekKept<T>(kind, now.planId, year, checkpoint, now.value)
        : undefined;
    if (value) {
      // the build goes on for those who wait for it, and is kept at its stamp (its failure is theirs)
      keeping.catch(() => undefined);
      return { stamp: now, value };
    }
  }
}
