import type { EntityManager } from '@mikro-orm/core';
import type { Checkpoint } from '@core/vocabulary/enums';
import { forPeriod } from '../services/plan-snapshot';
import { computePlanScores, type PlanScores } from '../services/realization';
import { realizationView, type RealizationView } from '../services/realization-view';
import { loadPlanState, type PlanState } from '../sync/plan-state';
import { allRows, type SheetRowOut } from '../sync/sheet-rows';
import type { PlanStamp } from '../services/plan-stamp';
import type { ScoreSnapshots } from '../services/score-snapshots';

export type SheetRowWithScore = SheetRowOut & { realization: RealizationView | null };

export type SheetData = {
  state: PlanState;
  rows: SheetRowWithScore[];
  scores: PlanScores;
  serverTime: Date;
};

export function scoreOfRow(scores: PlanScores, row: Pick<SheetRowOut, 'level' | 'rowId'>) {
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
 * The period's scores of a plan state read after `stamp`: the kept ones of that stamp, or computed from the state
 * and kept (with the period's rows when they are read-only ones, which requests may share).
 */
export function stateScores(
  snapshots: ScoreSnapshots | undefined,
  stamp: PlanStamp | null,
  state: PlanState,
  shareable: boolean,
): PlanScores {
  const { year, checkpoint } = state;
  const kept = snapshots?.get(stamp, year, checkpoint);
  if (kept) return kept.scores;
  const period = forPeriod(state.snapshot, year, checkpoint);
  const scores = computePlanScores(period, year, checkpoint);
  snapshots?.put(stamp, year, checkpoint, { scores, snapshot: shareable ? period : null });
  return scores;
}

/**
 * The plan as the `sheetRows` query gives it (same state, same rows, same scores): the workbook export must show
 * exactly what the add-in would load.
 */
export async function loadSheetData(
  em: EntityManager,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
  snapshots?: ScoreSnapshots,
): Promise<SheetData> {
  const serverTime = new Date();
  // the stamp before the rows: scores kept under it are never older than it
  const stamp = (await snapshots?.stamp(em, planId)) ?? null;
  const state = await loadPlanState(em, planId, year, checkpoint);
  const scores = stateScores(snapshots, stamp, state, false);
  const rows = allRows(state).map((row) => ({
    ...row,
    realization: realizationView(scoreOfRow(scores, row), year, checkpoint),
  }));
  return { state, rows, scores, serverTime };
}
