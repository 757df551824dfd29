/**
 * Raw cells of a plan into model values, shared by the fixture loader and the importers' writer: the same text must
 * mean the same thing whichever way it arrives.
 */
import { ValueKind } from '@core/vocabulary/enums';
import { isNumericValue, parseValue } from '@core/values';
import type { ParsedValue } from '@core/values/types';

/** "25%" → 25 percent points; null stays null (the engine reports WEIGHT_MISSING, docs/scoring.md §6.8 d); anything else is undefined. */
export function weightOf(raw: string | null | undefined): number | null | undefined {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const parsed = parseValue(raw);
  return isNumericValue(parsed) ? parsed.value : undefined;
}

/** The indicator's unit and kind come from its first stated target: "3,25%" → '%', "105 €" → 'EUR', "luglio" → date. */
export function kindOf(first: ParsedValue): { unit: string | null; valueKind: ValueKind } {
  switch (first.kind) {
    case 'percent':
      return { unit: '%', valueKind: ValueKind.PERCENT };
    case 'currency':
      return { unit: 'EUR', valueKind: ValueKind.CURRENCY };
    case 'days':
      return { unit: 'days', valueKind: ValueKind.DAYS };
    case 'date':
      return { unit: null, valueKind: ValueKind.DATE };
    case 'boolean':
      return { unit: null, valueKind: ValueKind.BOOLEAN };
    case 'number':
      return { unit: first.unit ?? null, valueKind: ValueKind.NUMBER };
    default:
      return { unit: null, valueKind: ValueKind.TEXT };
  }
}
