import { profileLabel } from '@core/scoring';
import { toPlain } from '@core/scoring/toplain';
import type { Checkpoint } from '@core/vocabulary/enums';
import type { PlanSnapshot } from '../services/plan-snapshot';
import { type LintIssue, lintPlan } from '../services/plan-lint';
import { planScoreSteps, type PlanScores } from '../services/realization';
import { dashboardReportSteps, planReportSteps, type Report } from '../services/report';
import { runSteps, type Steps } from '../speed/steps';

/**
 * The CPU-bound half of the plan-wide reads (issue 13, item 5): from a plan snapshot already read, scores and what
 * is shown of them. Everything here is pure and takes and gives plain data (rows read outside the unit of work,
 * maps, dates), so it runs the same on the event loop and in a worker thread (plan-worker.ts): the database, the
 * caller's access and GraphQL stay with the request.
 */
export type PlanTask =
  | { kind: 'scores'; snapshot: PlanSnapshot; year: number; checkpoint: Checkpoint }
  | { kind: 'lint'; snapshot: PlanSnapshot; years: number[] }
  | {
      kind: 'report';
      snapshot: PlanSnapshot;
      year: number;
      checkpoint: Checkpoint;
      dashboardId: string | null;
      /** the scores come back too, for the score cache; otherwise only the table (a fifth of their size) */
      withScores: boolean;
    };

/** A Relazione table laid out where it was scored, with its profile, and the scores when asked for. */
export type ReportAnswer = { report: Report; profile: string; scores: PlanScores | null };

export type PlanTaskResults = {
  /** every node's score for the period: what the score cache keeps (server/services/score-snapshots.ts) */
  scores: PlanScores;
  lint: LintIssue[];
  report: ReportAnswer;
};

export type PlanTaskOf<K extends PlanTask['kind']> = Extract<PlanTask, { kind: K }>;

/**
 * Scores that survive the copy out of a thread: the engine's results build their explanation and display on first
 * read (getters on private fields, which structured cloning drops), so the thread materialises them first; on the
 * event loop they stay lazy.
 */
export function plainScores(scores: PlanScores): PlanScores {
  const plain = <V>(results: ReadonlyMap<string, V>) => new Map([...results].map(([id, r]) => [id, toPlain(r)]));
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
  return runSteps(planTaskSteps(task));
}

/**
 * A task as steps (server/speed/steps.ts): run through in a thread, a turn per step on the event loop
 * (COMPUTE_THREADS=0), where scoring and laying out a 4,800-indicator report was one block of 100–150 ms.
 */
export function planTaskSteps<K extends PlanTask['kind']>(task: PlanTaskOf<K>): Steps<PlanTaskResults[K]>;
export function* planTaskSteps(task: PlanTask): Steps<PlanTaskResults[PlanTask['kind']]> {
  switch (task.kind) {
    case 'lint':
      return lintPlan(task.snapshot, task.years);
    case 'scores':
      return yield* planScoreSteps(task.snapshot, task.year, task.checkpoint);
    case 'report': {
      const scores = yield* planScoreSteps(task.snapshot, task.year, task.checkpoint);
      const report = task.dashboardId
        ? yield* dashboardReportSteps(task.snapshot, scores, task.dashboardId)
        : yield* planReportSteps(task.snapshot, scores);
      return { report, profile: profileLabel(scores.profile), scores: task.withScores ? scores : null };
    }
  }
}

/**
 * An answer as the records a thread sends back in slices (slices.ts): only plain data, the scores materialised
 * (plainScores). `answerOf` puts them together again on the other side; `recordsOf(task)` says how many to wait for.
 */
export function toRecords(task: PlanTask, answer: PlanTaskResults[PlanTask['kind']]): object[] {
  switch (task.kind) {
    case 'scores':
      return [plainScores(answer as PlanScores)];
    case 'lint':
      return [{ issues: answer as LintIssue[] }];
    case 'report': {
      const { report, profile, scores } = answer as ReportAnswer;
      return [{ ...report, profile }, ...(scores ? [plainScores(scores)] : [])];
    }
  }
}

export function recordsOf(task: PlanTask): number {
  return task.kind === 'report' && task.withScores ? 2 : 1;
}

export function answerOf(task: PlanTask, records: object[]): PlanTaskResults[PlanTask['kind']] {
  switch (task.kind) {
    case 'scores':
      return records[0] as PlanScores;
    case 'lint':
      return (records[0] as { issues?: LintIssue[] }).issues ?? [];
    case 'report': {
      const { profile, ...report } = records[0] as Report & { profile: string };
      return { report, profile, scores: (records[1] as PlanScores | undefined) ?? null };
    }
  }
}
