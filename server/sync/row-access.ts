import { Role } from '@core/vocabulary/roles';
import { Indicator } from '../entities';
import type { ServiceContext } from '../services/service-context';
import { type CellError, cellError } from '@core/sheet/messages';
import type { PlanNode, PlanState } from './plan-state';

/** The columns of an actual value: all a unit editor may change. */
const ACTUAL_COLUMNS = new Set(['actual', 'neutralised', 'neutralisationReason', 'note']);

type CheckedRow = { node?: PlanNode; status?: string; errors: CellError[]; changes: Set<string> };

/**
 * Roles, row by row, before anything is written: controllers and admins change anything the plan's status allows;
 * a unit editor only the actual values of indicators one of whose responsible units is theirs (any other row is
 * rejected with FORBIDDEN, the others still land); a viewer nothing (the whole batch is refused).
 */
export function guardRows<T extends CheckedRow>(ctx: ServiceContext, state: PlanState, plans: T[]): T[] {
  const access = ctx.access;
  const orgId = state.plan.org.id;
  if (!access || access.can(orgId, 'plan')) return plans;
  const role = access.roleIn(orgId);
  if (role !== Role.UNIT_EDITOR) access.check(orgId, 'actuals');
  for (const p of plans) {
    if (p.status !== 'created' && p.status !== 'updated' && p.status !== 'deleted') continue;
    const node = p.node;
    const ownIndicator =
      node instanceof Indicator && access.can(orgId, 'actuals', state.snapshot.unitsOf.get(node.id) ?? []);
    const columns =
      p.status === 'created'
        ? ['rowId']
        : p.status === 'deleted'
          ? ['delete']
          : [...p.changes].filter((c) => !ownIndicator || !ACTUAL_COLUMNS.has(c));
    if (columns.length === 0) continue;
    for (const column of columns) p.errors.push(cellError(column, 'FORBIDDEN', { role: role ?? 'none' }));
    p.status = 'rejected';
  }
  return plans;
}
