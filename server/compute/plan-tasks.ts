import { toPlain } from '@core/scoring/toplain';
import type { SheetLevel } from '@core/sheet/row';
import type { Checkpoint } from '@core/vocabulary/enums';
import type { PlanSnapshot } from '../services/plan-snapshot';
import { type LintIssue, lintPlan } from '../services/plan-lint';
import { computePlanScores, type PlanScores } from '../services/realization';

/**
 * The CPU-bound half of the plan-wide reads (issue 13, item 5): from a plan snapshot already read, scores and what
 * is shown of them. Everything here is pure and takes and gives plain data (rows read outside the unit of work,
 * maps, dates), so it runs the same on the event loop and in a worker thread (plan-worker.ts): the database, the
 * caller's access and GraphQL stay with the request.
 */
export type PlanTask =
  | { kind: 'scores'; snapshot: PlanSnapshot; year: number; checkpoint: Checkpoint }
  | { kind: 'lint'; snapshot: PlanSnapshot; years: number[] };

export type PlanTaskResults = {
  /** every node's score for the period: what the score cache keeps (server/services/score-snapshots.ts) */
  scores: PlanScores;
  lint: LintIssue[];
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

/**
 * Scores that survive the copy out of a thread: the engine's results build their explanation and display on first
 * read (getters on private fields, which structured cloning drops), so the thread materialises them first; on the
 * event loop they stay lazy.
 */
export function plainScores(scores: PlanScores): PlanScores {
  const plain = <V>(results: Map<string, V>) => new Map([...results].map(([id, r]) => [id, toPlain(r)]));
  return {
    profile: scores.profile,
    indicators: plain(scores.indicators),
    operationalObjectives: plain(scores.operationalObjectives),
    strategicObjectives: plain(scores.strategicObjectives),
    perspectives: plain(scores.perspectives),
    plan: toPlain(scores.plan),
    dashboards: plain(scores.dashboards),
    units: plain(scores.units),
    managers: plain(scores.managers),
  };
}

export function runPlanTask<K extends PlanTask['kind']>(task: PlanTaskOf<K>): PlanTaskResults[K];
export function runPlanTask(task: PlanTask): PlanTaskResults[PlanTask['kind']] {
  switch (task.kind) {
    case 'lint':
      return lintPlan(task.snapshot, task.years);
    case 'scores':
      return computePlanScores(task.snapshot, task.year, task.checkpoint);
  }
}
