/**
 * Who changed each cell of many sheet rows, and when (issue 18, item 5): the conflict cards name the colleague behind
 * every cell changed on both sides. One set-based read of the audit trail for all the rows asked (their nodes,
 * targets, revisions and actuals of the period, as `rowHistory` reads one row), newest first; per row, the newest
 * event that changed each field. The statements do not grow with the number of rows (MikroORM writes the ids into
 * the statement's text, so no bind-parameter limit applies: server/graphql/loaders.ts).
 */
import { AuditEvent } from '../entities/audit-event';
import type { ServiceContext } from '../services/service-context';
import type { PlanState } from './plan-state';
import { historyIds } from './row-history';

export type FieldChange = { entityType: string; field: string; actor: string | null; at: Date; source: string };
export type RowFieldChanges = { rowId: string; changes: FieldChange[] };

/** the audit snapshot's bookkeeping, never a cell of the sheet */
const BOOKKEEPING = new Set(['id', 'version', 'createdAt', 'updatedAt']);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** per row asked (in order, once each), the newest change of every field its audit trail shows changed */
export async function lastFieldChanges(
  ctx: Pick<ServiceContext, 'em'>,
  state: PlanState,
  rowIds: readonly string[],
): Promise<RowFieldChanges[]> {
  const rows = [...new Set(rowIds)];
  const rowOf = new Map<string, string>();
  for (const rowId of rows) for (const id of historyIds(state, rowId)) rowOf.set(id, rowId);
  const events = rowOf.size
    ? await ctx.em.find(AuditEvent, { entityId: { $in: [...rowOf.keys()] } }, { orderBy: { at: 'desc', id: 'desc' } })
    : [];
  const found = new Map(rows.map((rowId) => [rowId, new Map<string, FieldChange>()]));
  for (const event of events) {
    const fields = found.get(rowOf.get(event.entityId)!)!;
    const before = (event.before ?? {}) as Record<string, unknown>;
    const after = (event.after ?? {}) as Record<string, unknown>;
    for (const field of Object.keys(after)) {
      const key = `${event.entityType}.${field}`;
      if (BOOKKEEPING.has(field) || fields.has(key) || same(before[field], after[field])) continue;
      fields.set(key, {
        entityType: event.entityType,
        field,
        actor: event.actor ?? null,
        at: event.at,
        source: event.source,
      });
    }
  }
  return rows.map((rowId) => ({ rowId, changes: [...found.get(rowId)!.values()] }));
}
