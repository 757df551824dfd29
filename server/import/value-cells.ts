/**
 * Raw cells of a plan into model values, shared by the fixture loader and the importers' writer: the same text must
 * mean the same thing whichever way it arrives.
 */
import { ValueKind } from '@core/vocabulary/enums';
import { isNumericValue, parseValue } from '@core/values';
import type { ParsedValue } from '@core/values/types';
import { statedKindOf } from '@core/values/stated-kind';

/** "25%" → 25 percent points; null stays null (the engine reports WEIGHT_MISSING, docs/scoring.md §6.8 d); anything else is undefined. */
export function weightOf(raw: string | null | undefined): number | null | undefined {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const parsed = parseValue(raw);
  return isNumericValue(parsed) ? parsed.value : undefined;
}

/** the unit a stated kind implies; a plain number keeps the unit written beside it */
const STATED_UNITS: Partial<Record<ParsedValue['kind'], string>> = { percent: '%', currency: 'EUR', days: 'days' };

/** The indicator's unit and kind come from its first stated target: "3,25%" → '%', "105 €" → 'EUR', "luglio" → date. */
export function kindOf(first: ParsedValue): { unit: string | null; valueKind: ValueKind } {
  if (first.kind === 'number') return { unit: first.unit ?? null, valueKind: ValueKind.NUMBER };
  return { unit: STATED_UNITS[first.kind] ?? null, valueKind: statedKindOf(first) ?? ValueKind.TEXT };
}
