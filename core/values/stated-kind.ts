import { ValueKind } from '../vocabulary/enums';
import type { ParsedValue } from './types';

/**
 * What a stated value says of its indicator's kind: "3,25%" percent, "105 €" currency, "luglio" a date; a number or a
 * word says nothing. Read alike by the importers and by a new row of the sheet.
 */
const STATED_KINDS: Partial<Record<ParsedValue['kind'], ValueKind>> = {
  percent: ValueKind.PERCENT,
  currency: ValueKind.CURRENCY,
  days: ValueKind.DAYS,
  date: ValueKind.DATE,
  boolean: ValueKind.BOOLEAN,
};

/** The indicator kind a stated value implies (a new row of the sheet takes it from its target), if it implies one. */
export function statedKindOf(value: ParsedValue | null): ValueKind | undefined {
  return value ? STATED_KINDS[value.kind] : undefined;
}
