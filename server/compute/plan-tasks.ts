import { profileLabel } from '@core/scoring';
import type { SheetLevel } from '@core/sheet/row';
import type { Checkpoint } from '@core/vocabulary/enums';
import type { PlanSnapshot } from '../services/plan-snapshot';
import { type LintIssue, lintPlan } from '../services/plan-lint';
import { computePlanScores, type PlanScores } from '../services/realization';
import { realizationView, type RealizationView } from '../services/realization-view';
import { dashboardReport, planReport, type Report } from '../services/report';

/**
 * The CPU-bound half of the plan-wide reads (issue 13, item 5): from a plan snapshot already read, scores and what
 * is shown of them. Everything here is pure and takes and gives plain data (rows read outside the unit of work,
 * maps, dates), so it runs the same on the event loop and in a worker thread (plan-worker.ts): the database, the
 * caller's access and GraphQL stay with the request.
 */
export type PlanTask =
  | { kind: 'report'; snapshot: PlanSnapshot; year: number; checkpoint: Checkpoint; dashboardId: string | null }
  | { kind: 'lint'; snapshot: PlanSnapshot; years: number[] }
  | {
      kind: 'rowScores';
      snapshot: PlanSnapshot;
      year: number;
      checkpoint: Checkpoint;
      rows: Array<{ level: SheetLevel; rowId: string }>;
    }
  | { kind: 'views'; snapshot: PlanSnapshot; year: number; checkpoint: Checkpoint };

/** What a plan tree shows of its scores: each node's realization, by kind and id (PlanScores, as clients read it). */
export type PlanViews = {
  [K in Exclude<keyof PlanScores, 'profile' | 'plan'>]: Map<string, RealizationView | null>;
} & { plan: RealizationView | null };

export type PlanTaskResults = {
  report: Report & { profile: string };
  lint: LintIssue[];
  /** the realization of each row asked, in the order asked */
  rowScores: Array<RealizationView | null>;
  views: PlanViews;
};

export type PlanTaskOf<K extends PlanTask['kind']> = Extract<PlanTask, { kind: K }>;

/** A sheet row's score: each level of the sheet is one kind of node (docs/sheet-contract.md). */
export function scoreOfRow(scores: PlanScores, row: { level: SheetLevel; rowId: string }) {
  switch (row.level) {
    case 'indicator':
      return scores.indicators.get(row.rowId);
    case 'operational':
      return scores.operationalObjectives.get(row.rowId);
    case 'strategic':
      return scores.strategicObjectives.get(row.rowId);
    default:
      return scores.perspectives.get(row.rowId);
  }
}

function viewsOf(scores: PlanScores, year: number, checkpoint: Checkpoint): PlanViews {
  const views = <R extends Parameters<typeof realizationView>[0]>(results: Map<string, R>) =>
    new Map([...results].map(([id, result]) => [id, realizationView(result, year, checkpoint)]));
  return {
    indicators: views(scores.indicators),
    operationalObjectives: views(scores.operationalObjectives),
    strategicObjectives: views(scores.strategicObjectives),
    perspectives: views(scores.perspectives),
    plan: realizationView(scores.plan, year, checkpoint),
    dashboards: views(scores.dashboards),
    units: views(scores.units),
    managers: views(scores.managers),
  };
}

export function runPlanTask<K extends PlanTask['kind']>(task: PlanTaskOf<K>): PlanTaskResults[K];
export function runPlanTask(task: PlanTask): PlanTaskResults[PlanTask['kind']] {
  switch (task.kind) {
    case 'lint':
      return lintPlan(task.snapshot, task.years);
    case 'report': {
      const scores = computePlanScores(task.snapshot, task.year, task.checkpoint);
      const report = task.dashboardId
        ? dashboardReport(task.snapshot, scores, task.dashboardId)
        : planReport(task.snapshot, scores);
      return { ...report, profile: profileLabel(scores.profile) };
    }
    case 'rowScores': {
      const scores = computePlanScores(task.snapshot, task.year, task.checkpoint);
      return task.rows.map((row) => realizationView(scoreOfRow(scores, row), task.year, task.checkpoint));
    }
    case 'views':
      return viewsOf(computePlanScores(task.snapshot, task.year, task.checkpoint), task.year, task.checkpoint);
  }
}
