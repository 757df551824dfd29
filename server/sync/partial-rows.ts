/**
 * Partial rows (issue 12, item 8): a refusal of the plan's status or of the caller's role concerns one cell, not
 * the row. On an approved plan a row whose weight and actual both changed writes the actual and reports the weight;
 * a unit editor's row writes the actual of their indicator and reports the title they may not change. Only in a
 * PARTIAL batch: an ATOMIC batch writes everything sent or nothing.
 */
import type { RowValues } from '@core/sheet/parse-row';
import type { RowPlan, SyncMode } from './row-plan';

/** the refusals that name a cell the caller may not change, while the rest of the row is theirs to change */
const CELL_REFUSALS = new Set(['PLAN_LOCKED', 'PERIOD_LOCKED', 'FORBIDDEN']);

/** the changed column → the parsed value the apply phase would write for it */
const VALUE_OF: Record<string, keyof RowValues> = { responsibleUnit: 'unitNames' };

/**
 * Turns a rejected existing row whose every error is a cell refusal on a column it changes into an update of the
 * other columns: the refused columns leave its changes and values (so the apply phase never writes them), their
 * errors stay on the row for the answer. Run before the role check (so what is left is checked) and after it (so a
 * role's refusal of one cell spares the others). A row with any other error (a value that cannot be read, a conflict) is
 * left rejected as a whole, as is one with nothing left to write.
 */
export function keepAllowedCells<T extends RowPlan>(plans: T[], mode: SyncMode): T[] {
  if (mode !== 'partial') return plans;
  for (const p of plans) {
    if (p.status !== 'rejected' || !p.node || p.parsed.input.delete || p.errors.length === 0) continue;
    if (!p.errors.every((e) => CELL_REFUSALS.has(e.code))) continue;
    const refused = new Set(p.errors.map((e) => e.column).filter((c) => p.changes.has(c)));
    if ([...p.changes].every((c) => refused.has(c))) continue;
    for (const column of refused) {
      p.changes.delete(column);
      if (column === 'parent') {
        p.parentNode = undefined;
        p.parentPlan = undefined;
      } else delete p.parsed.values[VALUE_OF[column] ?? (column as keyof RowValues)];
    }
    p.status = 'updated';
  }
  return plans;
}
