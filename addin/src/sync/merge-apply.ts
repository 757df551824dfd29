/**
 * A row changed here and on the server, merged per cell against its base (merge.ts, base.ts), as Sync and Refresh
 * both meet it: the cells only the server changed are written into the sheet at once; with no cell changed on both
 * sides the row takes the server's version (its base becomes the server's row) and goes out with this sheet's own
 * changes; otherwise the row stays a conflict, listing only the cells changed on both sides.
 */
import { INPUT_KEYS, type Inputs, type Line } from './columns';
import { cellsOf, type MergeBase } from './base';
import { mergeCells, type CellConflict } from './merge';
import type { TableWriter } from './writer';

/** a cell changed here and on the server, until the user picks a side in the pane (orange, apart from refused red) */
export const CONFLICT_FILL = '#F8CBAD';

export type RowMerge =
  /** no base for the row (a workbook from before the base, a row too long to keep): conflicts stay whole-row */
  | { kind: 'none' }
  /** nothing changed on both sides: the row now has the server's version and only this sheet's changes */
  | { kind: 'merged'; mineLeft: boolean }
  | { kind: 'conflict'; cells: CellConflict[]; mine: Inputs };

export function mergeRow(
  writer: TableWriter,
  base: MergeBase | undefined,
  line: Line,
  theirs: Inputs,
  theirsVersion: number,
): RowMerge {
  const known = line.rowId ? base?.get(line.rowId) : undefined;
  if (!base || !known || !line.rowId) return { kind: 'none' };
  const keys = INPUT_KEYS.filter((key) => writer.table.headers[key]);
  const merge = mergeCells(known.cells, line.inputs, theirs, keys);
  const fromTheirs = Object.fromEntries(merge.fromTheirs.map((key) => [key, theirs[key]]));
  if (merge.fromTheirs.length) writer.set(line.position, fromTheirs);
  if (merge.conflicts.length) {
    for (const c of merge.conflicts) writer.mark(line.position, c.key, CONFLICT_FILL);
    return { kind: 'conflict', cells: merge.conflicts, mine: { ...line.inputs, ...fromTheirs } };
  }
  writer.set(line.position, { rowVersion: theirsVersion });
  base.set(line.rowId, theirsVersion, cellsOf(theirs, writer.table));
  return { kind: 'merged', mineLeft: merge.fromMine.length > 0 };
}
