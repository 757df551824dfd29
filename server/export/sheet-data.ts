import type { EntityManager } from '@mikro-orm/core';
import type { Checkpoint } from '@core/vocabulary/enums';
import { forPeriod } from '../services/plan-snapshot';
import type { PlanScores } from '../services/realization';
import { realizationView, type RealizationView } from '../services/realization-view';
import { loadPlanState, type PlanState } from '../sync/plan-state';
import { allRows, type SheetRowOut } from '../sync/sheet-rows';
import { dashboardRows } from '../sync/dashboard-sheet-rows';
import type { PlanStamp } from '../services/plan-stamp';
import type { ScoreSnapshots } from '../services/score-snapshots';
import { scoreOfRow } from '../services/score-of-row';
import { ON_EVENT_LOOP, type PlanCompute } from '../compute/pool';
import { nextTurn } from '../speed/next-turn';

export type SheetRowWithScore = SheetRowOut & { realization: RealizationView | null };

export type SheetData = {
  state: PlanState;
  rows: SheetRowWithScore[];
  scores: PlanScores;
  serverTime: Date;
};

/**
 * The period's scores of a plan state read after `stamp`: the kept ones of that stamp, those being computed for it
 * by another reader (scoredOnce), or computed from the state
 * and kept (with the period's rows when they are read-only ones, which requests may share); computed in the app's
 * threads when the rows can be copied there (server/compute).
 */
export async function stateScores(
  snapshots: ScoreSnapshots | undefined,
  stamp: PlanStamp | null,
  state: PlanState,
  shareable: boolean,
  compute: PlanCompute = ON_EVENT_LOOP,
): Promise<PlanScores> {
  const { year, checkpoint } = state;
  const score = async () => {
    const period = forPeriod(state.snapshot, year, checkpoint);
    // rows of the unit of work (not shareable) cannot be copied to a thread: they are scored on the event loop
    const scores = await (shareable ? compute : ON_EVENT_LOOP).run({
      kind: 'scores',
      snapshot: period,
      year,
      checkpoint,
    });
    return { scores, snapshot: shareable ? period : null };
  };
  if (!snapshots) return (await score()).scores;
  return snapshots.scoredOnce(stamp, year, checkpoint, score);
}

/**
 * How the workbook export reads (issue 13, item 5): with the API's fast paths, rows outside the unit of work, read
 * in slices (plan-snapshot.ts) and scored where the API scores (server/compute, a thread when there are some), as
 * `sheetRows` does; without, managed rows scored on the event loop.
 */
export type SheetDataRead = { readOnly?: boolean; compute?: PlanCompute };

/**
 * The plan as the `sheetRows` query gives it (same state, same rows, same scores): the workbook export must show
 * exactly what the add-in would load. With `dashboards`, each cruscotto's rows follow the plan's, as
 * `sheetRows(dashboards: true)` gives them.
 */

export async function loadSheetData(
  em: EntityManager,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
  snapshots?: ScoreSnapshots,
  read: SheetDataRead = {},
  dashboards = false,
): Promise<SheetData> {
  const serverTime = new Date();
  // the stamp before the rows: scores kept under it are never older than it
  const stamp = (await snapshots?.stamp(em, planId)) ?? null;
  const readOnly = read.readOnly ?? false;
  const state = await loadPlanState(em, planId, year, checkpoint, { readOnly, sliced: true });
  await nextTurn();
  const scores = await stateScores(snapshots, stamp, state, readOnly, read.compute);
  const shown = [...allRows(state), ...(dashboards ? await dashboardRows(em, state) : [])];
  const rows = shown.map((row) => ({
    ...row,
    realization: realizationView(scoreOfRow(scores, row), year, checkpoint),
  }));
  return { state, rows, scores, serverTime };
}
