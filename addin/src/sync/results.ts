/**
 * Writing a batch's answer into the sheet: per row its status, id, version, new hash and realization, or the
 * reasons it was refused (message, fill on the cells) or the conflict to resolve; then the recomputed totals of
 * the objectives it touched.
 */
import type { LayoutColumnKey } from '@core/sheet/layout';
import type { RowResult, SyncAnswer } from '../api/types';
import { format, messages, type Language } from '../i18n';
import { INPUT_KEYS, nodeCellsFor, type Inputs, type Line } from './columns';
import { isStatus, statusLabel } from './context';
import type { MergeBase } from './base';
import { mergeRow } from './merge-apply';
import type { LocalError, Outgoing } from './outgoing';
import { realizationCell, scoreCells, serverInputs } from './server-cells';
import type { ConflictRecord, SheetError, SyncSummary } from './types';
import { REJECTED_FILL, type TableWriter } from './writer';

/** contract column → the layout column that shows it; bookkeeping columns point at the status cell */
export function layoutKeyOf(column: string): LayoutColumnKey {
  if (column === 'parentRef') return 'parentCode';
  return (INPUT_KEYS as string[]).includes(column) ? (column as LayoutColumnKey) : 'syncStatus';
}

type CellProblem = { column: string; code: string; message: string; messageIt: string };

export type Outcome = {
  errors: SheetError[];
  conflicts: ConflictRecord[];
  /** row ids (or, for new rows, positions) that this Sync answered for: their older errors and conflicts go */
  answered: Set<string>;
  /** rows merged with the server's change, cell by cell, without a conflict: to send again over its version */
  merged?: string[];
};

export function answeredKey(line: Line): string {
  return line.rowId ?? `@${line.position}`;
}

export function refuse(
  writer: TableWriter,
  language: Language,
  line: Line,
  problems: ReadonlyArray<CellProblem | LocalError>,
  outcome: Outcome,
): void {
  const headers = writer.table.headers;
  const text = (p: CellProblem | LocalError) => (language === 'it' ? p.messageIt : p.message);
  const message = problems.map((p) => `${headers[layoutKeyOf(p.column)] ?? p.column}: ${text(p)}`).join('; ');
  writer.set(line.position, { syncStatus: statusLabel(language, 'REJECTED'), syncMessage: message });
  for (const p of problems) {
    const column = layoutKeyOf(p.column);
    writer.mark(line.position, column, REJECTED_FILL);
    outcome.errors.push({
      row: line.position,
      column,
      header: headers[column] ?? column,
      code: p.code,
      message: text(p),
      rowId: line.rowId,
    });
  }
}

/**
 * A partial row (issue 12, item 8): the server wrote the allowed cells and refused the others. The row takes the new
 * version and score; the refused cells keep what was typed, highlighted and listed with the reason, and the row stays
 * to be sent (its hash is not renewed) until the user puts them back or the plan allows them.
 */
function refusePart(writer: TableWriter, language: Language, line: Line, result: RowResult, outcome: Outcome): void {
  refuse(writer, language, line, result.errors, outcome);
  const headers = writer.table.headers;
  const cells = result.errors
    .map((e) => `${headers[layoutKeyOf(e.column)] ?? e.column} (${language === 'it' ? e.messageIt : e.message})`)
    .join('; ');
  writer.set(line.position, {
    syncStatus: statusLabel(language, 'PARTIAL'),
    syncMessage: format(messages[language].sync.partial, { cells }),
    rowId: result.rowId ?? line.rowId ?? '',
    rowVersion: result.rowVersion ?? line.rowVersion ?? '',
    realization: realizationCell(result.realization),
  });
  if (result.rowId) outcome.answered.add(result.rowId);
}

function conflictOf(line: Line, result: RowResult, parentName: string): ConflictRecord {
  const current = result.current!;
  return {
    rowId: current.rowId,
    code: current.code,
    title: current.title,
    mine: { ...line.inputs },
    theirs: nodeCellsFor(line, serverInputs(current, parentName)),
    theirsVersion: current.rowVersion,
    changedBy: current.changedBy,
    changedAt: current.changedAt,
  };
}

export function conflictMessage(language: Language, who: string | null, when: string | null): string {
  const m = messages[language].sync;
  return who || when
    ? format(m.conflict, { who: who ?? '?', when: when ? when.slice(0, 16).replace('T', ' ') : '?' })
    : m.conflictLocal;
}

export function applyAnswer(
  writer: TableWriter,
  language: Language,
  batch: Outgoing[],
  answer: SyncAnswer,
  outcome: Outcome,
  summary: SyncSummary,
  nameOfRowId: ReadonlyMap<string, string>,
  base?: MergeBase,
): void {
  for (const result of answer.rows) {
    const sent = batch[result.index];
    if (!sent) continue;
    const { line } = sent;
    outcome.answered.add(answeredKey(line));
    // a row refused last time, marked to send (its cells and status in yellow) or in conflict (its cells changed on
    // both sides in orange) loses its fills when answered
    if ((['REJECTED', 'PARTIAL', 'TO_SEND', 'PENDING', 'CONFLICT'] as const).some((s) => isStatus(line.status, s)))
      writer.clearMarks(line.position);
    if (result.status === 'UPDATED' && result.errors.length > 0) {
      summary.updated++;
      summary.partial++;
      refusePart(writer, language, line, result, outcome);
      continue;
    }
    switch (result.status) {
      case 'CREATED':
      case 'UPDATED':
      case 'UNCHANGED':
        summary[result.status === 'CREATED' ? 'created' : result.status === 'UPDATED' ? 'updated' : 'unchanged']++;
        writer.set(line.position, {
          syncStatus: statusLabel(language, result.status),
          rowId: result.rowId ?? line.rowId ?? '',
          rowVersion: result.rowVersion ?? line.rowVersion ?? '',
          rowHash: sent.hash,
          // the message is reset with the row's answer: why it has no score, or nothing
          ...scoreCells(result.realization, language),
        });
        if (result.rowId) outcome.answered.add(result.rowId);
        break;
      case 'DELETED':
        summary.deleted++;
        writer.remove(line.position);
        break;
      case 'CONFLICT': {
        const current = result.current;
        const parentName = current?.parentId ? (nameOfRowId.get(current.parentId) ?? '') : '';
        const record = current ? conflictOf(line, result, parentName) : null;
        const merge = record
          ? mergeRow(writer, base, line, record.theirs as Inputs, record.theirsVersion)
          : { kind: 'none' as const };
        if (merge.kind === 'merged') {
          summary.merged++;
          (outcome.merged ??= []).push(record!.rowId);
          break;
        }
        summary.conflicts++;
        writer.set(line.position, {
          syncStatus: statusLabel(language, 'CONFLICT'),
          syncMessage: conflictMessage(language, current?.changedBy ?? null, current?.changedAt ?? null),
        });
        if (record && merge.kind === 'conflict')
          outcome.conflicts.push({
            ...record,
            mine: merge.mine,
            cells: merge.cells.map((c) => ({ ...c, changedBy: record.changedBy, changedAt: record.changedAt })),
          });
        else if (record) outcome.conflicts.push(record);
        break;
      }
      case 'REJECTED':
        summary.rejected++;
        refuse(writer, language, line, result.errors, outcome);
        break;
    }
  }
}

/** the totals the server recomputed (operational and strategic objectives, perspectives) go into their rows */
export function applyAffected(
  writer: TableWriter,
  language: Language,
  answer: SyncAnswer,
  positionsOf: ReadonlyMap<string, readonly number[]>,
): void {
  for (const a of answer.affected) {
    for (const position of positionsOf.get(a.id) ?? []) {
      // the server's number replaces one computed offline: its flag goes with it, for the reason of a blank or nothing
      writer.set(position, scoreCells(a.realization, language, writer.message(position)));
    }
  }
}

export function isProvisionalMessage(message: string | undefined): boolean {
  if (!message) return false;
  return [messages.it.sync, messages.en.sync].some((m) => message === m.provisional || message === m.provisionalHere);
}
