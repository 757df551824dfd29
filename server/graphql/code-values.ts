/**
 * The values Excel's CRUSCOTTO.* formulas show, for many cells at once (issue 18, item 2): the cells are grouped by
 * plan, year and checkpoint, and each group reads the plan and its scores once, exactly as sheetRows does (same
 * state, same kept scores), so a sheet of a thousand formulas costs one plan read per group, not one per cell.
 * Reads go through the caller's tenant filter like every read: a plan of another organisation reads as missing.
 */
import type { Checkpoint } from '@core/vocabulary/enums';
import { scoreOfRow } from '../services/score-of-row';
import { DomainError } from '../errors';
import { stateScores } from '../export/sheet-data';
import type { Context } from './context';
import { PLAN_WIDE } from '../config/api-limits';
import { loadPlanState } from '../sync/plan-state';
import { allRows, type SheetRowOut } from '../sync/sheet-rows';
import { realizationView, type RealizationView } from '../services/realization-view';

export type CodeRequest = { planId: string; code: string; year: number; checkpoint: Checkpoint };
export type CodeProblem = 'UNKNOWN_CODE' | 'PLAN_NOT_FOUND' | 'TOO_MANY_PLANS';
export type CodeAnswer = CodeRequest & {
  rowId: string | null;
  level: string | null;
  title: string | null;
  actual: unknown;
  target: unknown;
  realization: RealizationView | null;
  problem: CodeProblem | null;
};

/** a code as people type it in a formula: "1.2 " and "1.2" are the same row */
const normal = (code: string) => code.trim();

type Group = { rows: Map<string, { row: SheetRowOut; realization: RealizationView | null }> } | CodeProblem;

async function readGroup(ctx: Context, planId: string, year: number, checkpoint: Checkpoint): Promise<Group> {
  try {
    const stamp = await ctx.snapshots.stamp(ctx.em, planId);
    const state = await loadPlanState(ctx.em, planId, year, checkpoint, { readOnly: ctx.fastPaths });
    const scores = await stateScores(ctx.snapshots, stamp, state, ctx.fastPaths, ctx.compute);
    const rows = new Map<string, { row: SheetRowOut; realization: RealizationView | null }>();
    for (const row of allRows(state)) {
      // the first row in plan order wins, as a reader of the printed plan finds it
      if (row.code === null || rows.has(normal(row.code))) continue;
      rows.set(normal(row.code), { row, realization: realizationView(scoreOfRow(scores, row), year, checkpoint) });
    }
    return { rows };
  } catch (error) {
    // missing, or outside the caller's organisations (the tenant filter makes both read the same)
    if (error instanceof DomainError && /NOT_FOUND|FORBIDDEN/.test(error.code)) return 'PLAN_NOT_FOUND';
    throw error;
  }
}

export async function codeValues(ctx: Context, requests: readonly CodeRequest[]): Promise<CodeAnswer[]> {
  const keyOf = (r: CodeRequest) => `${r.planId}\u0000${r.year}\u0000${r.checkpoint}`;
  const read = new Map<string, Group>();
  // one group after the other: each one holds a plan in memory and its scores on the compute pool
  for (const request of requests) {
    const key = keyOf(request);
    if (read.has(key)) continue;
    // as many plan-wide computations as any other request may hold; the cells beyond are answered apart
    read.set(
      key,
      read.size < PLAN_WIDE.perRequest
        ? await readGroup(ctx, request.planId, request.year, request.checkpoint)
        : 'TOO_MANY_PLANS',
    );
  }
  return requests.map((request) => {
    const group = read.get(keyOf(request))!;
    const empty = { rowId: null, level: null, title: null, actual: null, target: null, realization: null };
    if (typeof group === 'string') return { ...request, ...empty, problem: group };
    const found = group.rows.get(normal(request.code));
    if (!found) return { ...request, ...empty, problem: 'UNKNOWN_CODE' };
    const { row, realization } = found;
    return {
      ...request,
      rowId: row.rowId,
      level: row.level,
      title: row.title,
      actual: row.actual,
      target: row.target,
      realization,
      problem: null,
    };
  });
}
