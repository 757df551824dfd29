/**
 * Resolving a conflict, one row at a time: "mine" re-sends the sheet's row over the server's new version; "theirs"
 * writes the server's row into the sheet and makes it clean again.
 */
import type { Cell } from '../workbook/port';
import { INPUT_KEYS, nodeCellsFor, visibleInputs, type Inputs } from './columns';
import { readPlanTable, statusLabel, type OperationContext } from './context';
import { rowHash } from './hash';
import { emptySummary, sendChanges, type SyncRun } from './send';
import type { StoredState } from './state';
import type { ConflictRecord, SheetError } from './types';
import { TableWriter } from './writer';

export async function keepMine(
  ctx: OperationContext,
  state: StoredState,
  record: ConflictRecord,
  previous: { errors: SheetError[]; conflicts: ConflictRecord[] },
): Promise<SyncRun> {
  const table = await readPlanTable(ctx.port, state.binding);
  const line = table.lines.find((l) => l.rowId === record.rowId);
  if (!line)
    return {
      summary: emptySummary(),
      errors: previous.errors,
      conflicts: previous.conflicts.filter((c) => c.rowId !== record.rowId),
      state,
      provisional: false,
    };
  const writer = new TableWriter(ctx.port, table);
  // the version the server now has: sending over it is the user's informed choice
  writer.set(line.position, { rowVersion: record.theirsVersion });
  await writer.flush();
  return sendChanges(ctx, state, previous, new Set([record.rowId]));
}

export async function takeTheirs(ctx: OperationContext, state: StoredState, record: ConflictRecord): Promise<void> {
  const table = await readPlanTable(ctx.port, state.binding);
  const line = table.lines.find((l) => l.rowId === record.rowId);
  if (!line) return;
  // a line in a cruscotto keeps its place there: the server's version of the node does not carry it
  const theirs = nodeCellsFor(line, { ...line.inputs, ...record.theirs } as Inputs);
  const values: Record<string, Cell> = {};
  for (const key of INPUT_KEYS) if (table.headers[key]) values[key] = theirs[key];
  const writer = new TableWriter(ctx.port, table);
  writer.clearMarks(line.position);
  writer.set(line.position, {
    ...values,
    rowVersion: record.theirsVersion,
    rowHash: rowHash(visibleInputs(theirs, table.headers)),
    syncStatus: statusLabel(ctx.language, 'SYNCED'),
    syncMessage: '',
  });
  await writer.flush();
}
