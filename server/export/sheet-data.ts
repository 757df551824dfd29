import type { EntityManager } from '@mikro-orm/core';
import type { Checkpoint } from '@core/vocabulary/enums';
import { forPeriod } from '../services/plan-snapshot';
import { computePlanScores, type PlanScores } from '../services/realization';
import { realizationView, type RealizationView } from '../services/realization-view';
import { loadPlanState, type PlanState } from '../sync/plan-state';
import { allRows, type SheetRowOut } from '../sync/sheet-rows';
import { scoreOfRow } from '../compute/plan-tasks';

export type SheetRowWithScore = SheetRowOut & { realization: RealizationView | null };

export type SheetData = {
  state: PlanState;
  rows: SheetRowWithScore[];
  scores: PlanScores;
  serverTime: Date;
};

/**
 * The plan as the `sheetRows` query gives it (same state, same rows, same scores): the workbook export must show
 * exactly what the add-in would load.
 */
export async function loadSheetData(
  em: EntityManager,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
): Promise<SheetData> {
  const serverTime = new Date();
  const state = await loadPlanState(em, planId, year, checkpoint);
  const scores = computePlanScores(forPeriod(state.snapshot, year, checkpoint), year, checkpoint);
  const rows = allRows(state).map((row) => ({
    ...row,
    realization: realizationView(scoreOfRow(scores, row), year, checkpoint),
  }));
  return { state, rows, scores, serverTime };
}
