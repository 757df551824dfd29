import type { ParsedValue } from './types';
import { VALUE_WARNINGS } from './codes';

/**
 * docs/scoring.md §3 rule 9: percentages are stored as points and never rescaled, so a "0,7" typed among "70%",
 * "65%" is kept as 0.7 and flagged SCALE_SUSPECT for a human to look at.
 *
 * Only values whose percent reading came from the indicator's unit are suspects: a cell that says "1,2%" itself
 * (Sondrio 2.2.3 runs 1,2% / 1,0% / 0,8% next to 1,8%) is unambiguous. Zero is scale-free and never flagged.
 * Returns new objects; the inputs are left untouched.
 */
export function scaleSuspect(values: ParsedValue[]): ParsedValue[] {
  const percents = values.map(percentPoints);
  return values.map((value, i) => {
    const points = percents[i];
    if (points === undefined || value.raw.includes('%')) return value;
    const magnitude = Math.abs(points);
    if (magnitude === 0 || magnitude > 1.5) return value;
    const hasLargeSibling = percents.some((other, j) => j !== i && other !== undefined && Math.abs(other) > 1.5);
    if (!hasLargeSibling || value.warnings.includes(VALUE_WARNINGS.SCALE_SUSPECT)) return value;
    return { ...value, warnings: [...value.warnings, VALUE_WARNINGS.SCALE_SUSPECT] };
  });
}

function percentPoints(value: ParsedValue): number | undefined {
  return value.kind === 'percent' && typeof value.value === 'number' && Number.isFinite(value.value)
    ? value.value
    : undefined;
}
