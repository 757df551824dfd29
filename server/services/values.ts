import { parseValue, type ParseContext } from '@core/values';
import type { ParsedValue } from '@core/values/types';
import type { Indicator } from '../entities/indicator';
import type { StoredThreshold } from '../entities/parsed-value';

/** Parses a cell as typed, in the context of its indicator (unit) and year (month names). */
export function parseFor(
  raw: string,
  indicator: Pick<Indicator, 'unit'> | null,
  year: number | null,
  role: ParseContext['role'],
): ParsedValue {
  return parseValue(raw, { year: year ?? undefined, unit: indicator?.unit ?? undefined, role });
}

export function parseThresholds(
  input: Array<{ value: string; score: number }>,
  indicator: Pick<Indicator, 'unit'> | null,
  year: number | null,
): StoredThreshold[] {
  return input.map((t) => ({ value: parseFor(t.value, indicator, year, 'threshold'), score: t.score }));
}
