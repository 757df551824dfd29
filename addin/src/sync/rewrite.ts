/**
 * Writing the server's rows over the bound table where it is, shared by Load again (reload.ts) and Bind again
 * (bind.ts): the table keeps its own column order, renamed columns and the user's own columns (which keep what they
 * had on the same plan row); no row is deleted and made again, so formats, validation and filters stay. Never a
 * second table beside an orphaned first one.
 */
import { isCruscottoColumn, SHEET_LAYOUT, type LayoutColumnKey } from '@core/sheet/layout';
import type { Cell, TableData } from '../workbook/port';
import type { PlanTable } from './columns';
import { headersOf, type OperationContext } from './context';
import { columnSetup } from './load';
import { planSync } from './outgoing';
import type { StoredState } from './state';
import { UnsentEditsError } from './unsent';

export type RowCells = Partial<Record<LayoutColumnKey, Cell>>;

/** stops before anything is touched when the bound table has edits not sent yet, unless the user chose to discard */
export function refuseUnsent(table: PlanTable, discard: boolean, operation: 'load' | 'bind'): void {
  const plan = planSync(table);
  const pending = plan.outgoing.length + plan.refused.length;
  if (pending > 0 && !discard) throw new UnsentEditsError(pending, false, operation);
}

/** the rewritten table is the same table: its columns keep the identity the binding recorded (column-identity.ts) */
export function keepColumnIdentity(state: StoredState, current: StoredState): void {
  state.binding.columns = current.binding.columns;
  state.binding.positions = current.binding.positions;
  state.binding.columnIds = current.binding.columnIds;
}

export async function rewriteTable(
  ctx: OperationContext,
  operation: 'load' | 'bind',
  data: TableData,
  table: PlanTable,
  rows: RowCells[],
): Promise<void> {
  const keyAt = data.headers.map((header) => SHEET_LAYOUT.find((c) => table.headers[c.key] === header)?.key ?? null);
  const before = new Map(table.lines.filter((l) => l.rowId).map((l) => [l.rowId!, data.rows[l.position]]));
  const grid: Cell[][] = rows.map((cells) => {
    const own = cells.rowId ? before.get(String(cells.rowId)) : undefined;
    return keyAt.map((key, i) => (key ? (cells[key] ?? '') : (own?.[i] ?? '')));
  });
  ctx.progress(operation, 0, grid.length);
  const overlap = Math.min(grid.length, data.rows.length);
  const positions = Array.from({ length: overlap }, (_, i) => i);
  if (overlap > 0)
    await ctx.port.writeColumns(
      data.name,
      positions,
      Object.fromEntries(data.headers.map((header, c) => [header, positions.map((r) => grid[r][c])])),
    );
  if (grid.length > overlap) await ctx.port.appendRows(data.name, grid.slice(overlap));
  if (data.rows.length > overlap)
    await ctx.port.deleteRows(
      data.name,
      Array.from({ length: data.rows.length - overlap }, (_, i) => overlap + i),
    );
  ctx.progress(operation, grid.length, grid.length);
}

/**
 * A table bound before its plan had cruscotti (or to a sheet without them) has no cruscotto columns: rewriting it
 * with lines in cruscotti adds the columns it lacks at its right end, so no line loses its cruscotto, its order or its
 * "Azione". Returns the state to read the table with from now on: its binding knows the new columns (header,
 * place, TableColumn.id), as a table made with them would.
 */
export async function addCruscottoColumns(
  ctx: OperationContext,
  current: StoredState,
  table: PlanTable,
): Promise<StoredState> {
  const missing = SHEET_LAYOUT.filter((c) => isCruscottoColumn(c.key) && !table.headers[c.key]);
  if (missing.length === 0) return current;
  const language = current.binding.language;
  const ids = await ctx.port.addColumns(
    table.name,
    missing.map((c) => columnSetup(c, language)),
  );
  const added = <V>(value: (key: LayoutColumnKey, i: number) => V) =>
    Object.fromEntries(missing.map((c, i) => [c.key, value(c.key, i)]));
  const binding = { ...current.binding };
  binding.columns = { ...headersOf(current.binding), ...added((key) => missing.find((c) => c.key === key)![language]) };
  if (binding.positions) binding.positions = { ...binding.positions, ...added((_, i) => table.columns.length + i) };
  if (binding.columnIds) binding.columnIds = { ...binding.columnIds, ...added((_, i) => ids[i]) };
  return { ...current, binding };
}
