/**
 * Resolving a conflict: a whole row at a time, "mine" re-sends the sheet's row over the server's new version and
 * "theirs" writes the server's row into the sheet and makes it clean again; or one cell at a time (chooseCell).
 */
import type { Cell } from '../workbook/port';
import { INPUT_KEYS, nodeCellsFor, visibleInputs, type InputKey, type Inputs } from './columns';
import { readPlanTable, statusLabel, type OperationContext } from './context';
import { rowHash } from './hash';
import { emptySummary, sendChanges, type SyncRun } from './send';
import type { StoredState } from './state';
import type { ConflictChoice, ConflictRecord, SheetError } from './types';
import { cellsOf, MergeBase } from './base';
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

/**
 * One cell of a row changed on both sides (issue 18, item 5): the chosen value goes into the cell at once; once every
 * such cell of the row has a choice the row takes the server's version, its base becomes the server's row, and it is
 * sent (mine where kept, theirs where taken, and this sheet's changes to other cells). Returns the conflicts left.
 */
export async function chooseCell(
  ctx: OperationContext,
  state: StoredState,
  record: ConflictRecord,
  key: InputKey,
  choice: ConflictChoice,
  previous: { errors: SheetError[]; conflicts: ConflictRecord[] },
): Promise<SyncRun> {
  const cells = (record.cells ?? []).map((c) => (c.key === key ? { ...c, choice } : c));
  const cell = cells.find((c) => c.key === key);
  const table = await readPlanTable(ctx.port, state.binding);
  const line = table.lines.find((l) => l.rowId === record.rowId);
  const others = previous.conflicts.filter((c) => c.rowId !== record.rowId);
  const left = (conflicts: ConflictRecord[]) => ({
    summary: emptySummary(),
    errors: previous.errors,
    conflicts,
    state,
    provisional: false,
  });
  if (!line || !cell) return left(line ? previous.conflicts : others);
  const writer = new TableWriter(ctx.port, table);
  writer.set(line.position, { [key]: choice === 'theirs' ? cell.theirs : cell.mine });
  writer.mark(line.position, key, null);
  const open = cells.some((c) => !c.choice);
  if (open) {
    await writer.flush();
    return left(previous.conflicts.map((c) => (c.rowId === record.rowId ? { ...c, cells } : c)));
  }
  writer.set(line.position, { rowVersion: record.theirsVersion });
  await writer.flush();
  const base = await MergeBase.read(ctx.port, state.binding);
  base.set(record.rowId, record.theirsVersion, cellsOf(record.theirs as Inputs, table));
  await base.flush();
  return sendChanges(ctx, state, { errors: previous.errors, conflicts: others }, new Set([record.rowId]));
}
