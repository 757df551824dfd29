/**
 * Sync: read the table, send what changed (new, dirty, marked for deletion) in batches the server takes, write every
 * answer back, refresh lights and chart. When the server cannot be reached the rows stay dirty (nothing is lost),
 * show as pending with provisional scores, and go out on the next Sync under the same batch keys.
 */
import { OfflineError } from '../api/errors';
import type { SyncBatch } from '../api/types';
import { scopeInput } from '../api/client';
import { messages } from '../i18n';
import { positionsByRowId, type Line, type PlanTable } from './columns';
import { isStatus, readPlanTable, statusLabel, type OperationContext } from './context';
import { batchKey, splitBatches } from './batches';
import { MergeBase } from './base';
import { planSync } from './outgoing';
import { provisionalRows } from './provisional';
import { restoreRealizations } from './computed';
import { rememberSend } from './last-send';
import { answeredKey, applyAffected, applyAnswer, refuse, type Outcome } from './results';
import type { StoredState } from './state';
import type { ConflictRecord, SheetError, SyncSummary } from './types';
import { answerSiblings } from './siblings';
import { refreshVisuals } from './visuals';
import { TableWriter } from './writer';

/** a Sync that has sent nothing yet; the counts grow as answers come back */
export function emptySummary(): SyncSummary {
  return {
    sent: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    rejected: 0,
    partial: 0,
    conflicts: 0,
    merged: 0,
    batches: 0,
    offline: false,
    pending: 0,
  };
}

export type SyncRun = {
  summary: SyncSummary;
  errors: SheetError[];
  conflicts: ConflictRecord[];
  state: StoredState;
  provisional: boolean;
  /** rows merged cell by cell with a colleague's change (merge-apply.ts): the session sends them again */
  merged?: string[];
};

/** reference name → row id index for conflict records ("Cod. padre" of the server's version) */
function namesByRowId(table: PlanTable): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of table.lines) if (l.rowId) out.set(l.rowId, l.inputs.code || l.inputs.title);
  return out;
}

export async function sendChanges(
  ctx: OperationContext,
  state: StoredState,
  previous: { errors: SheetError[]; conflicts: ConflictRecord[] },
  only?: ReadonlySet<string>,
): Promise<SyncRun> {
  const { binding } = state;
  const table = await readPlanTable(ctx.port, binding);
  const base = await MergeBase.read(ctx.port, binding);
  const plan = planSync(table, only);
  const writer = new TableWriter(ctx.port, table);
  const summary = emptySummary();
  const outcome: Outcome = { errors: [], conflicts: [], answered: new Set() };
  const m = messages[ctx.language].sync;

  for (const { line, errors } of plan.refused) {
    outcome.answered.add(answeredKey(line));
    writer.clearMarks(line.position);
    refuse(writer, ctx.language, line, errors, outcome);
    summary.rejected++;
  }
  for (const line of plan.deleteWithoutId) writer.set(line.position, { syncMessage: m.deleteNeedsId });

  const positionsOf = positionsByRowId(table.lines);
  const names = namesByRowId(table);
  const batches = splitBatches(plan.outgoing);
  const total = plan.outgoing.length;
  const unsent: Line[] = [];
  let done = 0;
  let failure: unknown = null;
  const sentKeys: string[] = [];
  ctx.progress('sync', 0, total);
  for (const batch of batches) {
    if (summary.offline || failure) {
      unsent.push(...batch.map((o) => o.line));
      continue;
    }
    const request: SyncBatch = {
      planId: binding.planId,
      year: binding.year,
      checkpoint: binding.checkpoint,
      mode: 'PARTIAL',
      scope: scopeInput(binding.scope),
      batchKey: batchKey(
        { planId: binding.planId, year: binding.year, checkpoint: binding.checkpoint, generation: state.generation },
        batch,
      ),
      source: {
        kind: 'ADDIN',
        workbook: ctx.workbookName?.slice(0, 140) ?? null,
        sheet: table.sheet.slice(0, 140),
        author: ctx.author,
      },
      rows: batch.map((o) => o.row),
    };
    try {
      const answer = await ctx.client.syncRows(request);
      sentKeys.push(request.batchKey!);
      summary.batches++;
      summary.sent += batch.length;
      applyAnswer(writer, ctx.language, batch, answer, outcome, summary, names, base);
      answerSiblings(writer, ctx.language, batch, answer, positionsOf);
      applyAffected(writer, ctx.language, answer, positionsOf);
    } catch (error) {
      if (error instanceof OfflineError) summary.offline = true;
      else failure = error;
      unsent.push(...batch.map((o) => o.line));
    }
    done += batch.length;
    ctx.progress('sync', done, total);
  }

  let provisional = false;
  if (unsent.length) {
    for (const line of unsent)
      writer.set(line.position, {
        syncStatus: statusLabel(ctx.language, 'PENDING'),
        syncMessage: summary.offline ? m.provisional : m.batchFailed,
      });
    if (summary.offline) provisional = writeProvisional(writer, table, state, unsent, m.provisional);
  }
  if (!summary.offline && !failure) await restoreRealizations(ctx, binding, table, writer);
  await writer.flush();
  base.noteClean(table);
  await base.flush();
  // what "Annulla l'ultimo invio" undoes (last-send.ts)
  if (sentKeys.length) await rememberSend(ctx.port, binding, sentKeys);
  summary.pending = unsent.length + summary.rejected + summary.conflicts + summary.partial;
  await refreshVisuals(ctx.port, table, state.lights, ctx.language);

  const kept = (key: string | null) => key !== null && !outcome.answered.has(key);
  const nowAt = new Map(table.lines.filter((l) => l.rowId).map((l) => [l.rowId!, l.position]));
  const errors = [
    ...previous.errors.filter((e) => kept(e.rowId)).map((e) => ({ ...e, row: nowAt.get(e.rowId!) ?? e.row })),
    ...outcome.errors.map((e) => ({ ...e, row: e.rowId ? (nowAt.get(e.rowId) ?? e.row) : e.row })),
  ];
  const conflicts = [...previous.conflicts.filter((c) => kept(c.rowId) && nowAt.has(c.rowId)), ...outcome.conflicts];
  const completed = !summary.offline && !failure;
  const next = { ...state, generation: completed ? state.generation + 1 : state.generation };
  if (failure) throw Object.assign(failure as Error, { partial: { summary, errors, conflicts, state: next } });
  return { summary, errors, conflicts, state: next, provisional, merged: outcome.merged };
}

/** offline: the rows waiting to go out, and the objectives above them, show scores computed here */
export function writeProvisional(
  writer: TableWriter,
  table: PlanTable,
  state: StoredState,
  unsent: Line[],
  provisionalText: string,
): boolean {
  const scored = provisionalRows(table, state, unsent, (line) => {
    if (!isStatus(line.status, 'REJECTED') && !isStatus(line.status, 'CONFLICT'))
      writer.set(line.position, { syncMessage: provisionalText });
  });
  for (const [line, realization] of scored) writer.set(line.position, { realization });
  return scored.length > 0;
}
