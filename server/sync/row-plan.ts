/**
 * What the three phases of a sheet sync pass to each other: the batch as sent (SyncInput), and per row its
 * RowPlan, which the decide phase fills (parent, changes, errors, status), the apply phase reads and completes
 * with the node it created, and the answer phase turns into the row's result.
 */
import type { Checkpoint } from '@core/vocabulary/enums';
import type { ParsedValue } from '@core/values/types';
import type { CellError } from '@core/sheet/messages';
import type { ParsedRow } from '@core/sheet/parse-row';
import type { SheetLevel, SheetRowIn } from '@core/sheet/row';
import { LEVEL_DEPTH } from '@core/vocabulary/levels';
import type { PlanNode } from './plan-state';

export type SyncMode = 'partial' | 'atomic';
export type RowStatus = 'created' | 'updated' | 'unchanged' | 'deleted' | 'conflict' | 'rejected';

export type SyncInput = {
  planId: string;
  year: number;
  checkpoint: Checkpoint;
  mode: SyncMode;
  batchKey?: string | null;
  rows: SheetRowIn[];
  /** a sheet of one unit or one cruscotto: its batch changes only what the sheet holds (scope-rows.ts) */
  scope?: { unitId?: string | null; dashboardId?: string | null } | null;
};

/** One row of the batch on its way: what it names, what it would change, and why it is refused if it is. */
export type RowPlan = {
  parsed: ParsedRow;
  node?: PlanNode;
  level?: SheetLevel;
  parentNode?: PlanNode;
  parentPlan?: RowPlan;
  errors: CellError[];
  status?: RowStatus;
  /** a node created by this batch (set by the apply phase) */
  created?: PlanNode;
  changes: Set<string>;
};

/** The columns of an actual value (a measurement), as opposed to the plan's structure and targets. */
export const ACTUALS = ['actual', 'neutralised', 'neutralisationReason', 'note'];

/**
 * The cells a row of actual values alone may carry: those that name the row rather than give it a value (its id,
 * version, client key and level: a sync never changes a node's level) and the actuals. One list for both stages that
 * ask (sendsOnlyActuals, writesOnlyActuals), so that the guess of a turn's adoption and the apply phase agree.
 */
const ACTUALS_ONLY = new Set(['rowId', 'rowVersion', 'clientRef', 'level', ...ACTUALS]);

const onlyActuals = (cells: Iterable<string>): boolean => {
  for (const cell of cells) if (!ACTUALS_ONLY.has(cell)) return false;
  return true;
};

/**
 * The row gives its node nothing but actual values (no cell of the node, its targets or its place): all it writes
 * is the measurement (apply.ts), so the indicator and its targets are not brought into the unit of work.
 */
export function writesOnlyActuals(p: RowPlan): boolean {
  return !p.changes.has('parent') && onlyActuals(Object.keys(p.parsed.values));
}

/**
 * writesOnlyActuals for a row as sent, before it is decided: a guess for a turn's adoption (adopt-rows.ts). A cell
 * sent empty (null) is not parsed (parse-row.ts), so it is not sent here either.
 */
export function sendsOnlyActuals(row: SheetRowIn): boolean {
  return onlyActuals(Object.keys(row).filter((cell) => row[cell as keyof SheetRowIn] != null));
}

/** Rows in tree order, parents before children; a row of unknown level last. */
export function parentsFirst(plans: RowPlan[]): RowPlan[] {
  return [...plans].sort((a, b) => (a.level ? LEVEL_DEPTH[a.level] : 9) - (b.level ? LEVEL_DEPTH[b.level] : 9));
}

/** The row writes something (and so counts as applied). */
export function isWrite(p: RowPlan): boolean {
  return p.status === 'created' || p.status === 'updated' || p.status === 'deleted';
}

export const sameRaw = (a: ParsedValue | null | undefined, b: ParsedValue | null | undefined) =>
  (a?.raw ?? null) === (b?.raw ?? null);
export const sameThresholds = (
  a: Array<{ value: ParsedValue; score: number }>,
  b: Array<{ value: ParsedValue; score: number }>,
) => a.length === b.length && a.every((t, i) => t.value.raw === b[i].value.raw && t.score === b[i].score);
