/**
 * Load on a workbook already bound to a table: the same table is refreshed from the server (its rows rewritten
 * in its own column order, renamed columns included), never a second table beside an orphaned first one. Rows
 * with edits not sent yet stop the reload unless the user chose to discard them (or to send them first, which the
 * session does before calling this): nothing in the sheet is touched until the user has chosen.
 */
import { planTableOf, readPlanTable, statusLabel, TableMissingError, type OperationContext } from './context';
import { keepColumnIdentity, refuseUnsent, rewriteTable } from './rewrite';
import { parentNames, serverCells } from './server-cells';
import type { StoredState } from './state';
import { freshState } from './load';
import { refreshVisuals } from './visuals';
import type { LoadRequest, LoadSummary } from './types';

export { UnsentEditsError, type UnsentChoice } from './unsent';

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
  refuseUnsent(table, discard, 'load');

  const { plan: details, passMarks } = await ctx.client.plan(request.planId);
  if (!details) throw new Error(`plan ${request.planId} not found`);
  // a table with the cruscotto columns gets its cruscotti again; one without keeps the plan rows alone
  const dashboards = !!table.headers.dashboard;
  const page = await ctx.client.sheetRows(
    request.planId,
    request.year,
    request.checkpoint,
    null,
    dashboards,
    request.scope,
  );
  const parents = parentNames(page.rows);
  const status = statusLabel(ctx.language, 'SYNCED');
  await rewriteTable(
    ctx,
    'load',
    data,
    table,
    page.rows.map((row) => serverCells(row, parents.get(row.rowId) ?? '', status, ctx.language)),
  );
  const state = freshState(serverUrl, request, details, passMarks, {
    table: current.binding.table,
    sheet: current.binding.sheet,
    language: current.binding.language,
    serverTime: page.serverTime,
    cursor: page.cursor,
  });
  keepColumnIdentity(state, current);
  const view = await readPlanTable(ctx.port, state.binding);
  await refreshVisuals(ctx.port, view, state.lights, ctx.language);
  return { state, summary: { rows: page.rows.length, table: data.name, sheet: data.sheet } };
}
