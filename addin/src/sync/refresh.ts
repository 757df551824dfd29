/**
 * Refresh scores: colleagues' changes since the last read (sheetRows with `since`) go into the rows that have no
 * local edit; a row edited here AND on the server becomes a conflict instead of losing the edit; rows deleted on the
 * server leave the sheet only when untouched here. Then the scores: those a live update carries, or the server's
 * scores now, read as the ones moved since the pane's last read (score-memory.ts) and written where the sheet differs.
 */
import type { LayoutColumnKey } from '@core/sheet/layout';
import { OfflineError } from '../api/errors';
import type { RealizationView, ServerRow } from '../api/types';
import type { Cell } from '../workbook/port';
import {
  INPUT_KEYS,
  linesOf,
  nodeCellsFor,
  positionsByRowId,
  visibleInputs,
  type Line,
  type PlanTable,
} from './columns';
import { readPlanTable, statusLabel, type OperationContext } from './context';
import { wantsDeletion } from './deletion';
import { rowHash } from './hash';
import { MergeBase } from './base';
import { mergeRow } from './merge-apply';
import { conflictMessage } from './results';
import { writeProvisional } from './send';
import { parentNames, scoreCells, serverCells, serverInputs } from './server-cells';
import type { StoredState } from './state';
import type { ConflictRecord, RefreshSummary } from './types';
import { ScoreMemory } from './score-memory';
import { refreshVisuals } from './visuals';
import { TableWriter } from './writer';
import { messages } from '../i18n';

export type RefreshRun = { summary: RefreshSummary; state: StoredState; conflicts: ConflictRecord[] };

const isDirty = (line: Line) => !line.rowId || rowHash(line.inputs) !== line.hash || wantsDeletion(line.status);

function nameIndex(table: PlanTable, rows: readonly ServerRow[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const l of table.lines) if (l.rowId) names.set(l.rowId, l.inputs.code || l.inputs.title);
  return parentNames(rows, names);
}

/** scores already known (a live update carries the ones it moved): only those cells are written, none re-read */
export type KnownScores = Array<{ rowId: string; realization: RealizationView | null }>;

export async function refreshScores(
  ctx: OperationContext,
  state: StoredState,
  previous: ConflictRecord[],
  known?: KnownScores,
): Promise<RefreshRun> {
  const { binding } = state;
  const table = await readPlanTable(ctx.port, binding);
  const writer = new TableWriter(ctx.port, table);
  const summary: RefreshSummary = {
    updated: 0,
    conflicts: 0,
    merged: 0,
    deletedOnServer: 0,
    offline: false,
    provisional: false,
  };
  ctx.progress('refresh', 0, 2);
  let page;
  // a context without the session's memory reads every score
  const memory = ctx.scores ?? new ScoreMemory();
  try {
    const { planId, year, checkpoint, scope } = binding;
    page = await ctx.client.sheetRows(planId, year, checkpoint, binding, false, scope);
    ctx.progress('refresh', 1, 2);
    if (!known) await memory.catchUp(ctx, binding);
  } catch (error) {
    if (!(error instanceof OfflineError)) throw error;
    summary.offline = true;
    const pending = table.lines.filter((l) => isDirty(l) && l.inputs.title.trim() !== '');
    summary.provisional = writeProvisional(writer, table, state, pending, messages[ctx.language].sync.provisional);
    await writer.flush();
    await refreshVisuals(ctx.port, table, state.lights, ctx.language);
    return { summary, state, conflicts: previous };
  }

  const base = await MergeBase.read(ctx.port, binding);
  // a node of a Bergamo plan is on several lines (its plan row, its cruscotti): each is refreshed
  const positionsOf = positionsByRowId(table.lines);
  const parentOf = nameIndex(table, page.rows);
  const conflicts = new Map(previous.map((c) => [c.rowId, c]));
  const appended: ServerRow[] = [];
  const synced = statusLabel(ctx.language, 'SYNCED');
  for (const row of page.rows) {
    const positions = positionsOf.get(row.rowId);
    if (positions === undefined) {
      appended.push(row);
      continue;
    }
    for (const position of positions) refreshLine(table.lines[position], row);
  }
  function refreshLine(line: Line, row: ServerRow): void {
    const position = line.position;
    if (line.rowVersion === row.rowVersion) return;
    const theirs = nodeCellsFor(line, serverInputs(row, parentOf.get(row.rowId) ?? ''));
    if (isDirty(line)) {
      const merge = wantsDeletion(line.status) ? null : mergeRow(writer, base, line, theirs, row.rowVersion);
      if (merge?.kind === 'merged') {
        // the colleague's cells are in; this sheet's own changes still wait for Sync, over the server's version
        summary.merged++;
        conflicts.delete(row.rowId);
        return;
      }
      summary.conflicts++;
      conflicts.set(row.rowId, {
        rowId: row.rowId,
        code: row.code,
        title: row.title,
        mine: merge?.kind === 'conflict' ? merge.mine : { ...line.inputs },
        theirs,
        theirsVersion: row.rowVersion,
        changedBy: null,
        changedAt: row.updatedAt,
        ...(merge?.kind === 'conflict' ? { cells: merge.cells.map((c) => ({ ...c, changedAt: row.updatedAt })) } : {}),
      });
      writer.set(position, {
        syncStatus: statusLabel(ctx.language, 'CONFLICT'),
        syncMessage: conflictMessage(ctx.language, null, row.updatedAt),
      });
      return;
    }
    summary.updated++;
    conflicts.delete(row.rowId);
    const values: Partial<Record<(typeof INPUT_KEYS)[number], Cell>> = {};
    for (const key of INPUT_KEYS) if (table.headers[key]) values[key] = theirs[key];
    writer.set(position, {
      ...values,
      rowVersion: row.rowVersion,
      rowHash: rowHash(visibleInputs(theirs, table.headers)),
      syncStatus: synced,
      syncMessage: '',
    });
  }
  for (const rowId of page.deletedRowIds) {
    for (const position of positionsOf.get(rowId) ?? []) deletedLine(rowId, table.lines[position]);
  }
  function deletedLine(rowId: string, line: Line): void {
    const position = line.position;
    summary.deletedOnServer++;
    conflicts.delete(rowId);
    // an edit made here survives a colleague's deletion: the row becomes new and is created again on Sync
    if (isDirty(line))
      writer.set(position, {
        rowId: '',
        rowVersion: '',
        syncStatus: statusLabel(ctx.language, 'NEW'),
        syncMessage: messages[ctx.language].sync.deletedOnServer,
      });
    else writer.remove(position);
  }
  if (known) {
    for (const { rowId, realization } of known) {
      for (const position of positionsOf.get(rowId) ?? []) {
        // the score and, in "Messaggio", why there is none (a message of the sync stays: server-cells.ts scoreCells)
        writer.set(position, scoreCells(realization, ctx.language, writer.message(position)));
      }
    }
  } else memory.restore(table, writer, ctx.language);
  ctx.progress('refresh', 2, 2);
  await writer.flush();

  if (appended.length) {
    const scoreOf = new Map((known ?? []).map((s) => [s.rowId, s.realization]));
    const keyOf = new Map(Object.entries(table.headers).map(([key, header]) => [header, key as LayoutColumnKey]));
    const rows = appended.map((row) => {
      const parent = parentOf.get(row.rowId) ?? '';
      const score = (known ? scoreOf.get(row.rowId) : memory.get(row.rowId)) ?? row.realization;
      const cells = serverCells({ ...row, realization: score }, parent, synced, ctx.language);
      cells.rowHash = rowHash(visibleInputs(serverInputs(row, parent), table.headers));
      return table.columns.map((h) => (keyOf.has(h) ? cells[keyOf.get(h)!] : ''));
    });
    await ctx.port.appendRows(table.name, rows);
    const added = linesOf(
      { name: table.name, sheet: table.sheet, headers: table.columns, rowCount: rows.length, rows },
      table.headers,
    ).lines;
    for (const line of added) table.lines.push({ ...line, position: table.lines.length });
    summary.updated += appended.length;
  }
  base.noteClean(table);
  await base.flush();
  await refreshVisuals(ctx.port, table, state.lights, ctx.language);
  return {
    summary,
    state: { ...state, binding: { ...binding, serverTime: page.serverTime, cursor: page.cursor } },
    conflicts: [...conflicts.values()],
  };
}
