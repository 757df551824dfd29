/**
 * Undo of one sheet batch (issue 18, item 6), from the audit trail: every row the batch changed goes back to what it
 * was before it (a row it created is removed), in one transaction, unless a row was changed since by anything else
 * (then nothing is undone and each such row is named with who changed it, when and from where). The undo is audited
 * like any change, under the key `undo:` + the batch's key, so it is done once and shows in every row's history.
 */
import type { EntityClass, EntityManager } from '@mikro-orm/core';
import { AuditAction, ChangeSource, type Checkpoint } from '@core/vocabulary/enums';
import { changeSourceWord } from '@core/vocabulary/sources';
import { AuditEvent } from '../entities/audit-event';
import { PlanVersion } from '../entities';
import { SyncBatch } from '../entities/sync-batch';
import { InputError, NotFoundError } from '../errors';
import { recordChange, snapshot } from '../services/audit';
import type { ServiceContext } from '../services/service-context';
import { codeOf, loadPlanState, type PlanNode, type PlanState } from './plan-state';
import { takeTurnOnPlan } from './plan-lock';
import type { LastChange } from './answer';

export type UndoInput = { planId: string; batchKey: string; year: number; checkpoint: Checkpoint };

/** A row the undo would overwrite: changed after the batch by someone or something else. */
export type UndoRefusal = LastChange & {
  rowId: string;
  code: string | null;
  reason: string;
  reasonIt: string;
  source: ChangeSource | null;
};

export type UndoOutcome = {
  undone: boolean;
  /** the rows (sheet row ids) put back, removed ones included */
  rowIds: string[];
  /** the rows the batch created, now removed */
  removedRowIds: string[];
  /** how many stored rows (nodes, targets, values, revisions) changed back */
  reverted: number;
  refusals: UndoRefusal[];
};

export const undoKeyOf = (batchKey: string) => `undo:${batchKey}`;

/** properties an undo never writes back: identity and the ORM's own bookkeeping */
const KEEP = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/** the sheet row each stored row belongs to (an indicator's target, value and revisions belong to the indicator) */
async function rowsOf(em: EntityManager, input: UndoInput) {
  const state = await loadPlanState(em, input.planId, input.year, input.checkpoint, { readOnly: true });
  const rowOf = new Map<string, { rowId: string; code: string | null }>();
  for (const node of state.nodes.values())
    for (const id of state.memberIds(node)) rowOf.set(id, { rowId: node.id, code: codeOf(node) });
  const of = (event: AuditEvent) => {
    const known = rowOf.get(event.entityId);
    if (known) return known;
    const data = (event.after ?? event.before ?? {}) as { indicator?: string | null; code?: string | null };
    const owner = data.indicator ? rowOf.get(data.indicator) : undefined;
    return owner ?? { rowId: data.indicator ?? event.entityId, code: data.code ?? null };
  };
  return { of, state };
}

/**
 * A sheet row's version is the sum of its stored rows' versions: removing a value or a revision the batch created
 * would lower it, and a sheet still holding the batch's version could then match a later one. The row's own version
 * is raised so every row the undo touched ends above where it was.
 */
async function keepVersionsRising(
  em: EntityManager,
  input: UndoInput,
  before: PlanState,
  rowIds: ReadonlySet<string>,
): Promise<void> {
  const after = await loadPlanState(em, input.planId, input.year, input.checkpoint, { readOnly: true });
  for (const rowId of rowIds) {
    const was = before.nodes.get(rowId);
    const now = after.nodes.get(rowId);
    if (!was || !now) continue;
    const short = before.rowVersion(was) - after.rowVersion(now) + 1;
    if (short > 0)
      await em.nativeUpdate(now.constructor as EntityClass<PlanNode>, { id: rowId }, { version: now.version + short });
  }
}

/** a moment as the office reads it: "05/12/2026 alle 14:22", Rome time (the stored UTC instant is in changedAt) */
function dateTime(at: Date, locale: 'it-IT' | 'en-GB', joiner: string): string {
  const zone = { timeZone: 'Europe/Rome' } as const;
  const day = at.toLocaleDateString(locale, { ...zone, day: '2-digit', month: '2-digit', year: 'numeric' });
  return `${day} ${joiner} ${at.toLocaleTimeString(locale, { ...zone, hour: '2-digit', minute: '2-digit' })}`;
}

function laterChange(row: { rowId: string; code: string | null }, event: AuditEvent): UndoRefusal {
  const who = event.actor ?? '?';
  const name = row.code ?? row.rowId;
  return {
    ...row,
    reason: `row ${name} was changed after the batch by ${who} on ${dateTime(event.at, 'en-GB', 'at')} (${event.source}): undoing would overwrite that change`,
    reasonIt: `la riga ${name} è stata modificata dopo l'invio da ${who} il ${dateTime(event.at, 'it-IT', 'alle')} (${changeSourceWord(event.source, 'it')}): annullare cancellerebbe quella modifica`,
    changedBy: event.actor ?? null,
    changedAt: event.at,
    source: event.source,
  };
}

function deletedByBatch(row: { rowId: string; code: string | null }): UndoRefusal {
  const name = row.code ?? row.rowId;
  return {
    ...row,
    reason: `the batch deleted row ${name}: a deletion is not undone here, enter the row again`,
    reasonIt: `l'invio ha eliminato la riga ${name}: un'eliminazione non si annulla da qui, inserire di nuovo la riga`,
    changedBy: null,
    changedAt: null,
    source: null,
  };
}

/** the stored row back as the audit trail's `before` shows it: scalars as stored, references by id */
function restore(em: EntityManager, entity: object, before: Record<string, unknown>): void {
  const meta = em.getMetadata().find(entity.constructor.name)!;
  const row = entity as Record<string, unknown>;
  for (const [name, value] of Object.entries(before)) {
    const prop = meta.properties[name];
    if (!prop || KEEP.has(name)) continue;
    if (prop.kind === 'm:1' || prop.kind === '1:1')
      row[name] = value == null ? null : em.getReference(prop.type, value as string);
    else if (prop.kind === 'scalar')
      row[name] = value != null && prop.runtimeType === 'Date' ? new Date(value as string) : value;
  }
}

export async function undoSyncBatch(ctx: ServiceContext, input: UndoInput): Promise<UndoOutcome> {
  const undoKey = undoKeyOf(input.batchKey);
  try {
    return await ctx.em.transactional(async (em) => {
      await takeTurnOnPlan(em, input.planId);
      const tx: ServiceContext = { ...ctx, em, auditBuffer: undefined, batchKey: undoKey };
      const plan = await em.findOne(PlanVersion, { id: input.planId });
      if (!plan) throw new NotFoundError('PlanVersion', input.planId);
      if (!(await em.findOne(SyncBatch, { plan: plan.id, batchKey: input.batchKey })))
        throw new NotFoundError('SyncBatch', input.batchKey);
      if ((await em.count(AuditEvent, { planId: plan.id, batchKey: undoKey })) > 0)
        throw new InputError([
          {
            field: 'batchKey',
            code: 'ALREADY_UNDONE',
            message: 'this batch was already undone',
            messageIt: 'questo invio è già stato annullato',
          },
        ]);
      const events = await em.find(
        AuditEvent,
        { planId: plan.id, batchKey: input.batchKey },
        { orderBy: { at: 'asc' } },
      );
      const empty = { rowIds: [], removedRowIds: [], reverted: 0, refusals: [] };
      if (!events.length) return { undone: true, ...empty };
      // only who may change the whole plan, or the batch's own author within what that author may change
      const orgId = plan.org.id;
      const ownBatch = events.every((e) => e.actor === ctx.actor);
      if (ctx.access && !ctx.access.can(orgId, 'plan')) ctx.access.check(orgId, ownBatch ? 'actuals' : 'plan');

      const { of: rowOf, state } = await rowsOf(em, input);
      const first = new Map<string, AuditEvent>();
      for (const e of events) if (!first.has(e.entityId)) first.set(e.entityId, e);
      const later = await em.find(
        AuditEvent,
        { planId: plan.id, at: { $gte: events[0].at }, entityId: { $in: [...first.keys()] } },
        { orderBy: { at: 'desc' } },
      );
      const refusals = new Map<string, UndoRefusal>();
      for (const e of later) {
        if (e.batchKey === input.batchKey) continue;
        const row = rowOf(e);
        if (!refusals.has(row.rowId)) refusals.set(row.rowId, laterChange(row, e));
      }
      for (const e of first.values())
        if (e.action === AuditAction.DELETE && !refusals.has(rowOf(e).rowId))
          refusals.set(rowOf(e).rowId, deletedByBatch(rowOf(e)));
      if (refusals.size) return { undone: false, ...empty, refusals: [...refusals.values()] };

      const rowIds = new Set<string>();
      const removed = new Set<string>();
      for (const e of [...first.values()].reverse()) {
        const entity = await em.findOne(e.entityType, { id: e.entityId });
        if (!entity) continue;
        const row = rowOf(e);
        rowIds.add(row.rowId);
        const now = snapshot(em, entity);
        if (e.action === AuditAction.CREATE) {
          if (row.rowId === e.entityId) removed.add(row.rowId);
          recordChange(tx, entity as { id: string }, AuditAction.DELETE, now, null, plan.org);
          em.remove(entity);
        } else {
          restore(em, entity, e.before ?? {});
          recordChange(tx, entity as { id: string }, AuditAction.UPDATE, now, snapshot(em, entity), plan.org);
        }
      }
      await em.flush();
      await keepVersionsRising(em, input, state, rowIds);
      return {
        undone: true,
        rowIds: [...rowIds],
        removedRowIds: [...removed],
        reverted: first.size,
        refusals: [],
      };
    });
  } finally {
    ctx.em.clear();
  }
}
