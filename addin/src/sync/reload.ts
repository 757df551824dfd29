/**
 * Load on a workbook already bound to a table: the same table is refreshed from the server (its rows rewritten
 * in its own column order, renamed columns included), never a second table beside an orphaned first one. Rows
 * with edits not sent yet stop the reload unless the user chose to discard them (or to send them first, which the
 * session does before calling this): nothing in the sheet is touched until the user has chosen.
 */
import { bindingWords } from '../binding-words';
import { format, type Language } from '../i18n';
import { PLAN_LAYOUT } from '@core/sheet/layout';
import type { Cell } from '../workbook/port';
import { planTableOf, readPlanTable, statusLabel, TableMissingError, type OperationContext } from './context';
import { planSync } from './outgoing';
import { parentNames, serverCells } from './server-cells';
import type { StoredState } from './state';
import { freshState } from './load';
import { refreshVisuals } from './visuals';
import type { LoadRequest, LoadSummary } from './types';

/** what to do with edits not sent yet when Load refreshes the bound table */
export type UnsentChoice = 'send' | 'discard';

export class UnsentEditsError extends Error {
  constructor(
    readonly pending: number,
    /** true when they were just sent and the server refused (or could not be reached): asking again is pointless */
    readonly afterSend = false,
  ) {
    super(`${pending} rows have edits not sent yet`);
    this.name = 'UnsentEditsError';
  }
  text(language: Language): string {
    const words = bindingWords[language];
    return format(this.afterSend ? words.reloadRejected : words.reloadPending, { pending: this.pending });
  }
}

export async function reloadTable(
  ctx: OperationContext,
  serverUrl: string,
  current: StoredState,
  request: LoadRequest,
  discard = false,
): Promise<{ state: StoredState; summary: LoadSummary }> {
  const data = await ctx.port.readTable(current.binding.table);
  if (!data) throw new TableMissingError(current.binding.table);
  const table = planTableOf(data, current.binding);
  const plan = planSync(table);
  const pending = plan.outgoing.length + plan.refused.length;
  if (pending > 0 && !discard) throw new UnsentEditsError(pending);

  const { plan: details, passMarks } = await ctx.client.plan(request.planId);
  if (!details) throw new Error(`plan ${request.planId} not found`);
  const page = await ctx.client.sheetRows(request.planId, request.year, request.checkpoint);
  const parents = parentNames(page.rows);
  const status = statusLabel(ctx.language, 'SYNCED');
  // the table's own columns, in its own order; a column of the user's own keeps what it had on the same plan row
  const keyAt = data.headers.map((header) => PLAN_LAYOUT.find((c) => table.headers[c.key] === header)?.key ?? null);
  const before = new Map(table.lines.filter((l) => l.rowId).map((l) => [l.rowId!, data.rows[l.position]]));
  const rows: Cell[][] = page.rows.map((row) => {
    const cells = serverCells(row, parents.get(row.rowId) ?? '', status);
    const own = before.get(row.rowId);
    return keyAt.map((key, i) => (key ? cells[key] : (own?.[i] ?? '')));
  });
  // written over the rows the table has (no row deleted and made again: formats, validation and filters stay)
  ctx.progress('load', 0, rows.length);
  const overlap = Math.min(rows.length, data.rows.length);
  const positions = Array.from({ length: overlap }, (_, i) => i);
  if (overlap > 0)
    await ctx.port.writeColumns(
      data.name,
      positions,
      Object.fromEntries(data.headers.map((header, c) => [header, positions.map((r) => rows[r][c])])),
    );
  if (rows.length > overlap) await ctx.port.appendRows(data.name, rows.slice(overlap));
  if (data.rows.length > overlap)
    await ctx.port.deleteRows(
      data.name,
      Array.from({ length: data.rows.length - overlap }, (_, i) => overlap + i),
    );
  ctx.progress('load', rows.length, rows.length);
  const state = freshState(serverUrl, request, details, passMarks, {
    table: current.binding.table,
    sheet: current.binding.sheet,
    language: current.binding.language,
    serverTime: page.serverTime,
  });
  state.binding.columns = current.binding.columns;
  state.binding.positions = current.binding.positions;
  state.binding.columnIds = current.binding.columnIds;
  const view = await readPlanTable(ctx.port, state.binding);
  await refreshVisuals(ctx.port, view, state.lights, ctx.language);
  return { state, summary: { rows: rows.length, table: data.name, sheet: data.sheet } };
}
