import { profileLabel } from '@core/scoring';
import type { Checkpoint } from '@core/vocabulary/enums';
import { dashboardReportSteps, planReportSteps, type Report } from '../services/report';
import type { ReportAnswer } from '../compute/plan-tasks';
import type { PlanScores } from '../services/realization';
import { runStepsOnTurns } from '../speed/steps';
import type { Context } from './context';
import { periodSnapshot } from './realization.resolver';

/**
 * A Relazione table of a plan or of one of its dashboards (issue 13, item 5). Kept scores, or those another reader
 * of the stamp is building (the tree's, asked in the same request), are laid out here, on the event loop in steps:
 * the rows are read again or were kept with them, and laying out is a tenth of scoring. Otherwise the rows are read
 * in slices and the table is scored and laid out in one task of server/compute: in a thread only the table comes
 * back (a fifth of the scores' size), and the scores with it only when the score cache keeps them.
 */
export async function reportOf(
  ctx: Context,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
  dashboardId: string | null,
): Promise<{ report: Report; profile: string }> {
  const stamp = await ctx.snapshots.stamp(ctx.em, planId);
  // one read of the plan with the tree's scores asked in the same request, or another reader's of the stamp
  const got = await ctx.snapshots.shared(
    stamp,
    year,
    checkpoint,
    async () => {
      const snapshot = await periodSnapshot(ctx, planId, year, checkpoint);
      const answer = await ctx.compute.run({
        kind: 'report',
        snapshot,
        year,
        checkpoint,
        dashboardId,
        withScores: ctx.snapshots.enabled,
      });
      return { answer, snapshot };
    },
    ({ answer, snapshot }) => ({ scores: scoresOf(answer), snapshot: ctx.fastPaths ? snapshot : null }),
  );
  if ('built' in got) return got.built.answer;
  const { scores, snapshot: kept } = got.scored;
  // kept scores whose rows were not kept (managed ones stay with their request): the rows are read again
  const snapshot = kept ?? (await periodSnapshot(ctx, planId, year, checkpoint));
  // laid out a few hundred rows per turn of the event loop (server/speed/steps.ts)
  const report = await runStepsOnTurns(
    dashboardId ? dashboardReportSteps(snapshot, scores, dashboardId) : planReportSteps(snapshot, scores),
  );
  return { report, profile: profileLabel(scores.profile) };
}

/** the scores a report's task gave back: asked for whenever there is a cache to share them (withScores) */
function scoresOf(answer: ReportAnswer): PlanScores {
  if (!answer.scores) throw new Error('report computed without its scores while the score cache is on');
  return answer.scores;
}
