import { Checkpoint } from '@core/vocabulary/enums';
import type { PlanStamp } from '../../server/services/plan-stamp';
import type { ScoreSnapshots } from '../../server/services/score-snapshots';
import { SHEET_STATES } from '../../server/sync/plan-state';

/**
 * A pane's read of the sheet's plan state at `stamp` (2022, year end) begun and held, as a loaded event loop holds
 * its sliced read of the whole plan (13-20 s under bench B4-pg): the readers of that stamp join it. Returns what ends
 * it (the read failing, so that nothing it would keep stays).
 */
export function holdStateRead(snapshots: ScoreSnapshots, stamp: PlanStamp): () => void {
  let end: (error: Error) => void = () => undefined;
  const read = () => new Promise<object>((_, reject) => (end = reject));
  snapshots.keep(SHEET_STATES, stamp, 2022, Checkpoint.YEAR_END, read, () => 0).catch(() => undefined);
  return () => end(new Error('the pane’s read ends'));
}
