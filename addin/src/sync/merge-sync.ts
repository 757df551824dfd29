/**
 * The session's side of the three-way merge (issue 18, item 5): a Sync whose rows the server had changed in other
 * cells sends the merged rows again over the server's version; conflicts left per cell learn from the audit trail who
 * changed each of their cells and when, all rows in one request; after a Load or a Bind the table's rows become the
 * base.
 */
import { LAST_FIELD_CHANGES } from '../api/insight-queries';
import { OfflineError } from '../api/errors';
import type { WorkbookPort } from '../workbook/port';
import type { LastFieldChangesQuery } from '../api/generated';
import { BATCH_ROWS } from './batches';
import { MergeBase } from './base';
import type { PlanTable } from './columns';
import { readPlanTable, type OperationContext } from './context';
import { sendChanges, type SyncRun } from './send';
import type { Binding, ConflictRecord, SyncSummary } from './types';

type FieldChanges = LastFieldChangesQuery['lastFieldChanges'][number]['changes'];

/**
 * a Sync, with sendChanges's parameters; rows merged with a colleague's change go out again at once, in a second pass
 * over their new version
 */
export async function sendMerging(...args: Parameters<typeof sendChanges>): Promise<SyncRun> {
  const ctx = args[0];
  const first = await sendChanges(...args);
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

/** the conflicting rows whose authors one request asks for: a sync batch of them */
const ROWS_PER_LOOKUP = BATCH_ROWS;

/**
 * Per conflicting cell, the newest change that touched it: who and when, for every conflicting row of the Sync in
 * one request per batch of rows (the server reads the audit trail of all of them at once: lastFieldChanges). A cell
 * no change names keeps the row's last change (the server's answer). Offline or refused, the conflicts stay as they
 * are, to be looked up after the next Sync.
 */
export async function withAuthors(
  ctx: OperationContext,
  binding: Binding,
  conflicts: ConflictRecord[],
): Promise<ConflictRecord[]> {
  const open = conflicts.filter((record) => record.cells?.some((c) => !c.authorKnown)).map((r) => r.rowId);
  const changesOf = new Map<string, FieldChanges>();
  for (let from = 0; from < open.length; from += ROWS_PER_LOOKUP) {
    try {
      const answer = await ctx.client.request(LAST_FIELD_CHANGES, {
        planId: binding.planId,
        rowIds: open.slice(from, from + ROWS_PER_LOOKUP),
        year: binding.year,
        checkpoint: binding.checkpoint,
      });
      for (const row of answer.lastFieldChanges) changesOf.set(row.rowId, row.changes);
    } catch (error) {
      if (error instanceof OfflineError) break;
      // refused: these rows keep their cards as they are
    }
  }
  return conflicts.map((record) => {
    const changes = changesOf.get(record.rowId);
    if (!changes || !record.cells) return record;
    const cells = record.cells.map((cell) => {
      if (cell.authorKnown) return cell;
      const change = changes.find((c) => keyOf(c.entityType, c.field) === cell.key);
      return change
        ? { ...cell, changedBy: change.actor, changedAt: change.at, authorKnown: true }
        : { ...cell, authorKnown: true };
    });
    return { ...record, cells };
  });
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
