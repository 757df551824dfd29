import type { SheetLevel } from '@core/sheet/row';
import type { PlanScores } from './realization';

/** A sheet row's score: each level of the sheet is one kind of node (docs/sheet-contract.md). */
export function scoreOfRow(scores: PlanScores, row: { level: SheetLevel; rowId: string }) {
  switch (row.level) {
    case 'indicator':
      return scores.indicators.get(row.rowId);
    case 'operational':
      return scores.operationalObjectives.get(row.rowId);
    case 'strategic':
      return scores.strategicObjectives.get(row.rowId);
    default:
      return scores.perspectives.get(row.rowId);
  }
}
