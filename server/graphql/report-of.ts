import { profileLabel } from '@core/scoring';
import type { Checkpoint } from '@core/vocabulary/enums';
import { dashboardReportSteps, planReportSteps, type Report } from '../services/report';
import { runStepsOnTurns } from '../speed/steps';
import type { Context } from './context';
import { periodSnapshot } from './realization.resolver';

/**
 * A Relazione table of a plan or of one of its dashboards (issue 13, item 5). Kept scores are laid out here, on the
 * event loop in steps: the rows are read again or were kept with them, and laying out is a tenth of scoring. Otherwise the
 * rows are read in slices and the table is scored and laid out in one task of server/compute: in a thread only the
 * table comes back (a fifth of the scores' size), and the scores with it only when the score cache keeps them.
 */
export async function reportOf(
  ctx: Context,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
  dashboardId: string | null,
): Promise<{ report: Report; profile: string }> {
  const stamp = await ctx.snapshots.stamp(ctx.em, planId);
  const kept = ctx.snapshots.get(stamp, year, checkpoint);
  if (kept) {
    // kept scores whose rows were not kept (managed ones stay with their request): the rows are read again
    const snapshot = kept.snapshot ?? (await periodSnapshot(ctx, planId, year, checkpoint));
    // laid out a few hundred rows per turn of the event loop (server/speed/steps.ts)
    const report = await runStepsOnTurns(
      dashboardId ? dashboardReportSteps(snapshot, kept.scores, dashboardId) : planReportSteps(snapshot, kept.scores),
    );
    return { report, profile: profileLabel(kept.scores.profile) };
  }
  const snapshot = await periodSnapshot(ctx, planId, year, checkpoint);
  const answer = await ctx.compute.run({
    kind: 'report',
    snapshot,
    year,
    checkpoint,
    dashboardId,
    withScores: ctx.snapshots.enabled,
  });
  if (answer.scores)
    ctx.snapshots.put(stamp, year, checkpoint, { scores: answer.scores, snapshot: ctx.fastPaths ? snapshot : null });
  return answer;
}
