/**
 * The computed cells are the server's (issue 12, defect 7). Sheet protection keeps typing out of "% Realizzazione";
 * when someone lifted it and typed there anyway, the value never travels (output columns are not sent) and must not
 * stay either: every Sync puts the server's scores back where the sheet shows something else. One request.
 */
import { OfflineError } from '../api/errors';
import { positionsByRowId, type PlanTable } from './columns';
import type { OperationContext } from './context';
import { scoreCells } from './server-cells';
import type { Binding } from './types';
import type { TableWriter } from './writer';

export async function restoreRealizations(
  ctx: OperationContext,
  binding: Binding,
  table: PlanTable,
  writer: TableWriter,
): Promise<void> {
  if (!table.headers.realization) return;
  let scores;
  try {
    scores = await ctx.client.realizations(binding.planId, binding.year, binding.checkpoint);
  } catch (error) {
    // the rows' answers are written already; the next Sync puts the scores back
    if (error instanceof OfflineError) return;
    throw error;
  }
  const positionsOf = positionsByRowId(table.lines);
  for (const { rowId, realization } of scores) {
    for (const position of positionsOf.get(rowId) ?? []) {
      const line = table.lines[position];
      const message = writer.message(position);
      const cells = scoreCells(realization, ctx.language, message);
      // only what differs is written: the score, and the reason of a blank in "Messaggio" (server-cells.ts)
      const changed: Partial<typeof cells> = {};
      if ((cells.realization === '' ? null : cells.realization) !== line.realization)
        changed.realization = cells.realization;
      if (cells.syncMessage !== undefined && cells.syncMessage !== message) changed.syncMessage = cells.syncMessage;
      if (Object.keys(changed).length) writer.set(position, changed);
    }
  }
}
