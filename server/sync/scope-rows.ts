/**
 * A scoped sheet's batch (sheet-scope.ts): its rows may change only what the sheet holds as its own. The decision is
 * the server's, not the add-in's: a row of another unit or cruscotto, a context row (an objective shown above the
 * sheet's indicators), a new row the scope would not hold, a cruscotto placement, is refused on its row with its
 * column and reason, the other rows still land (PARTIAL). Rows missing from the batch mean nothing, as in any batch;
 * and since a context row can be neither changed nor deleted, no deletion of a scoped batch cascades to rows of
 * other units (deleting an objective deletes everything under it).
 */
import { cellError } from '@core/sheet/messages';
import { foldName } from '@core/vocabulary/fold';
import type { Folded } from './repeat-rows';
import type { RowPlan, SyncInput } from './row-plan';
import { onSheet, type SheetScope } from './sheet-scope';

const WRITES = new Set(['created', 'updated', 'deleted']);

export function refuseOutsideScope(scope: SheetScope | null, input: SyncInput, folded: Folded, plans: RowPlan[]): void {
  if (!scope) return;
  const details = { scope: scope.name };
  const refuse = (p: RowPlan, columns: string[], code: string) => {
    for (const column of columns) p.errors.push(cellError(column, code, details));
    p.status = 'rejected';
  };
  input.rows.forEach((row, index) => {
    if (!row.dashboard?.trim()) return;
    const error = cellError('dashboard', 'SCOPE_NO_DASHBOARD', details);
    if (folded.repeatOf.has(index)) folded.repeatErrors.set(index, [...(folded.repeatErrors.get(index) ?? []), error]);
    else refuse(plans[folded.nodeOf[index]], ['dashboard'], 'SCOPE_NO_DASHBOARD');
  });
  const unitKept = (p: RowPlan) => {
    const names = p.parsed.values.unitNames;
    return scope.kind !== 'unit' || names === undefined || names.some((n) => foldName(n) === foldName(scope.name));
  };
  for (const p of plans) {
    if (p.status === 'rejected' && p.errors.some((e) => e.code === 'SCOPE_NO_DASHBOARD')) continue;
    const node = p.node;
    if (node) {
      if (scope.indicators.has(node.id)) {
        if (p.changes.has('responsibleUnit') && !unitKept(p)) refuse(p, ['responsibleUnit'], 'SCOPE_UNIT_REQUIRED');
      } else if (scope.context.has(node.id)) {
        if (WRITES.has(p.status ?? '') || p.parsed.input.delete)
          refuse(p, p.parsed.input.delete ? ['delete'] : [...p.changes], 'CONTEXT_ROW');
      } else refuse(p, ['rowId'], 'OUT_OF_SCOPE');
      continue;
    }
    if (p.status !== 'created') continue;
    // a new row joins the sheet when the scope would hold it: an indicator of the sheet's unit, under its context
    const parentId = p.parentNode?.id;
    if (scope.kind === 'dashboard' || p.level !== 'indicator') refuse(p, ['level'], 'OUT_OF_SCOPE');
    else if (!parentId || !onSheet(scope, parentId)) refuse(p, ['parentRef'], 'OUT_OF_SCOPE');
    else if (!unitKept(p) || p.parsed.values.unitNames === undefined)
      refuse(p, ['responsibleUnit'], 'SCOPE_UNIT_REQUIRED');
  }
}
