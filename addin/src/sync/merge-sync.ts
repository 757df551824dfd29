/**
 * The session's side of the three-way merge (issue 18, item 5): a Sync whose rows the server had changed in other
 * cells sends the merged rows again over the server's version; conflicts left per cell learn from the row's history
 * (Cronologia) who changed each of their cells and when; after a Load or a Bind the table's rows become the base.
 */
import { ROW_HISTORY } from '../api/insight-queries';
import { OfflineError } from '../api/errors';
import type { WorkbookPort } from '../workbook/port';
import { MergeBase } from './base';
import type { InputKey, PlanTable } from './columns';
import { readPlanTable, type OperationContext } from './context';
import { sendChanges, type SyncRun } from './send';
import type { StoredState } from './state';
import type { Binding, ConflictRecord, SheetError, SyncSummary } from './types';

/** rows whose cell authors are looked up after one Sync: each is one request */
const MAX_HISTORY_LOOKUPS = 20;

/** a Sync; rows merged with a colleague's change go out again at once, in a second pass over their new version */
export async function sendMerging(
  ctx: OperationContext,
  state: StoredState,
  previous: { errors: SheetError[]; conflicts: ConflictRecord[] },
  only?: ReadonlySet<string>,
): Promise<SyncRun> {
  const first = await sendChanges(ctx, state, previous, only);
  if (!first.merged?.length || first.summary.offline) return withAuthorsRun(ctx, first);
  const second = await sendChanges(ctx, first.state, first, new Set(first.merged));
  return withAuthorsRun(ctx, { ...second, summary: combined(first.summary, second.summary) });
}

function combined(a: SyncSummary, b: SyncSummary): SyncSummary {
  return {
    sent: a.sent,
    created: a.created + b.created,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    deleted: a.deleted + b.deleted,
    rejected: a.rejected + b.rejected,
    partial: a.partial + b.partial,
    conflicts: a.conflicts + b.conflicts,
    merged: a.merged,
    batches: a.batches + b.batches,
    offline: a.offline || b.offline,
    pending: a.pending + b.pending,
  };
}

async function withAuthorsRun(ctx: OperationContext, run: SyncRun): Promise<SyncRun> {
  return { ...run, conflicts: await withAuthors(ctx, run.state.binding, run.conflicts) };
}

/** the sheet's column a changed field of the audit trail is: a measurement's value is the actual, a target's the target */
function keyOf(entityType: string, field: string): string {
  if (field === 'value') return entityType === 'Measurement' ? 'actual' : 'target';
  return field === 'responsibleUnits' ? 'responsibleUnit' : field;
}

/**
 * Per conflicting cell, the newest change of the row's history that touched it: who and when. A cell the history
 * does not name keeps the row's last change (the server's answer). Offline or refused, the conflicts stay as they are.
 */
export async function withAuthors(
  ctx: OperationContext,
  binding: Binding,
  conflicts: ConflictRecord[],
): Promise<ConflictRecord[]> {
  let lookups = 0;
  const out: ConflictRecord[] = [];
  for (const record of conflicts) {
    const open = record.cells?.filter((c) => !c.authorKnown);
    if (!open?.length || lookups >= MAX_HISTORY_LOOKUPS) {
      out.push(record);
      continue;
    }
    lookups++;
    let answer;
    try {
      answer = await ctx.client.request(ROW_HISTORY, {
        planId: binding.planId,
        rowId: record.rowId,
        year: binding.year,
        checkpoint: binding.checkpoint,
      });
    } catch (error) {
      if (error instanceof OfflineError) return [...out, ...conflicts.slice(out.length)];
      out.push(record);
      continue;
    }
    const changes = answer.rowHistoryConnection.edges.map((e) => e.node);
    const authorOf = (key: InputKey) =>
      changes.find((c) => {
        const before = (c.before ?? {}) as Record<string, unknown>;
        const after = (c.after ?? {}) as Record<string, unknown>;
        return Object.keys(after).some(
          (f) => keyOf(c.entityType, f) === key && JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f]),
        );
      });
    const cells = record.cells!.map((cell) => {
      if (cell.authorKnown) return cell;
      const change = authorOf(cell.key);
      return change
        ? { ...cell, changedBy: change.actor, changedAt: change.at, authorKnown: true }
        : { ...cell, authorKnown: true };
    });
    out.push({ ...record, cells });
  }
  return out;
}

/**
 * after a Load, a Bind or a resolved conflict: every row the sheet and the server agree on is its own base (`written`:
 * the table as a Load just wrote it, so it is not read back)
 */
export async function noteBase(port: WorkbookPort, binding: Binding, written?: PlanTable): Promise<void> {
  const table = written ?? (await readPlanTable(port, binding));
  const base = await MergeBase.read(port, binding);
  base.noteClean(table);
  await base.flush();
}
