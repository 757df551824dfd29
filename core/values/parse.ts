import type { Comparator, ParsedValue, Placeholder, ValueKind } from './types';
import { VALUE_WARNINGS } from './codes';
import { normaliseCell } from './normalise';
import { CURRENCY_PREFIX, knownUnit, readItalianNumber, signed, UNIT_SUFFIX } from './numbers';
import { endOfMonth, monthNumber, readDayFirstDate } from './dates';
import { proposeNumber } from './proposal';

export { scaleSuspect } from './scale';

/** What the cell alone cannot say: the year of its column, what it is for, and the indicator's unit. */
export type ParseContext = {
  /** year of the target column: resolves month names ("luglio" → 31 July of that year) */
  year?: number;
  /** "SI/NO" means "boolean, target true" only as a target */
  role?: 'target' | 'actual' | 'threshold';
  /** the indicator's unit ('%', 'EUR', 'days', 'persone'): a bare number is read in it ("70" → 70%) */
  unit?: string;
};

export type NumericKind = Extract<ValueKind, 'number' | 'percent' | 'currency' | 'days'>;
const NUMERIC_KINDS: ReadonlySet<ValueKind> = new Set<ValueKind>(['number', 'percent', 'currency', 'days']);

/** True for the values that arithmetic can use: counts, percentage points, euros, days. */
export function isNumericValue(p: ParsedValue): p is ParsedValue & { kind: NumericKind; value: number } {
  return NUMERIC_KINDS.has(p.kind) && typeof p.value === 'number' && Number.isFinite(p.value);
}

/**
 * Reads one cell following docs/scoring.md §3, rules 1–10 in order. Never throws: whatever cannot be read becomes
 * text with warnings, and `raw` is always the input exactly as given, because the add-in writes back the raw
 * string, never a re-formatted one.
 */
export function parseValue(raw: string, ctx: ParseContext = {}): ParsedValue {
  // Callers in plain JavaScript (sheet bindings) may hand over null or numbers despite the signature.
  const input: string = typeof raw === 'string' ? raw : String(raw ?? '');
  try {
    return read(input, ctx ?? {});
  } catch {
    return { raw: input, kind: 'text', value: input, warnings: [VALUE_WARNINGS.PARSE_FAILED] };
  }
}

function read(raw: string, ctx: ParseContext): ParsedValue {
  const { text, warnings } = normaliseCell(raw);
  if (text === '') return { raw, kind: 'empty', warnings };
  // A formula is an instruction, not a value: reading "=1+1" as 2 would store something nobody typed.
  if (text.startsWith('=')) return textValue(raw, text, ctx, [...warnings, VALUE_WARNINGS.FORMULA_NOT_ALLOWED], false);

  const placeholder = placeholderOf(text);
  if (placeholder) return { raw, kind: 'placeholder', placeholder, warnings };

  const lower = text.toLowerCase();
  if (YES.test(lower)) return { raw, kind: 'boolean', value: true, warnings };
  if (NO.test(lower)) return { raw, kind: 'boolean', value: false, warnings };
  if (YES_OR_NO.test(lower)) {
    if (ctx.role === undefined || ctx.role === 'target') return { raw, kind: 'boolean', value: true, warnings };
    return textValue(raw, text, ctx, [...warnings, VALUE_WARNINGS.BOOLEAN_TARGET_FORM], false);
  }

  // A comparator may precede a date, a month or a quantity ("≤ 30", "≥1,1"); the rest is read on its own.
  const compared = COMPARATOR.exec(text);
  const comparator = compared?.[1] as Comparator | undefined;
  const body = compared ? compared[2] : text;
  const withComparator = (v: ParsedValue): ParsedValue => (comparator ? { ...v, comparator } : v);

  const date = readDayFirstDate(body);
  if (date.ok) return withComparator({ raw, kind: 'date', value: date.iso, dateFrom: 'day', warnings });
  if (date.invalid) return textValue(raw, text, ctx, [...warnings, VALUE_WARNINGS.INVALID_DATE], false);

  const month = MONTH.exec(body);
  const monthNo = month ? monthNumber(month[1]) : undefined;
  if (month && monthNo !== undefined) {
    const year = month[2] !== undefined ? Number(month[2]) : ctx.year;
    if (year === undefined || !Number.isInteger(year) || year < 1 || year > 9999) {
      return textValue(raw, text, ctx, [...warnings, VALUE_WARNINGS.MONTH_WITHOUT_YEAR], false);
    }
    return withComparator({ raw, kind: 'date', value: endOfMonth(year, monthNo), dateFrom: 'month-name', warnings });
  }

  const quantity = QUANTITY.exec(body);
  if (quantity) {
    const [, signBefore, prefix, signAfter, digits, suffix] = quantity;
    const number = readItalianNumber(digits);
    // One sign and one unit at most: "-€-5" or "€ 5 €" is not something to read silently.
    if (number.ok && !(signBefore && signAfter) && !(prefix && suffix)) {
      const value = signed(number.value, signBefore ?? signAfter);
      return withComparator(quantityValue(raw, value, prefix ?? suffix, ctx, [...warnings, ...number.warnings]));
    }
    return textValue(raw, text, ctx, [...warnings, ...number.warnings], true);
  }

  return textValue(raw, text, ctx, warnings, true);
}

const YES = /^s[iìí]$/u;
const NO = /^no$/u;
// "SI/NO" in a target column announces a yes/no indicator whose target is "yes".
const YES_OR_NO = /^s[iìí] ?\/ ?no$/u;
const COMPARATOR = /^(<=|>=|<|>) ?(.+)$/u;
const MONTH = /^(\p{L}+)(?: (\d{4}))?$/u;
// Rule 1 leaves at most single spaces, so " ?" is enough. A sign must touch what follows it: "- 5" is not -5.
const QUANTITY = new RegExp(`^([+-])?(?:(${CURRENCY_PREFIX}) ?)?([+-])?(\\d[\\d.,]*)(?: ?(${UNIT_SUFFIX}))?$`, 'iu');

function placeholderOf(text: string): Placeholder | undefined {
  const lower = text.toLowerCase();
  if (lower === 'monitoraggio') return 'monitoring';
  if (/^(?:n\.? ?d\.?|n\/d)$/u.test(lower)) return 'not_available';
  // A lone "-" (or any run of dashes or slashes) means "nothing here this year"; "-5" never reaches this test.
  if (/^(?:-+|\/+)$/u.test(lower)) return 'not_applicable';
  if (lower === 'qualitativa' || lower === 'qualitativo') return 'qualitative';
  return undefined;
}

function quantityValue(
  raw: string,
  value: number,
  typedUnit: string | undefined,
  ctx: ParseContext,
  warnings: string[],
): ParsedValue {
  const typed = knownUnit(typedUnit);
  const indicatorUnit = ctx.unit?.trim() || undefined;
  const indicator = knownUnit(indicatorUnit);
  if (typed) {
    // The typed unit wins (it is what the cell says), but disagreeing with the indicator is worth a look.
    if (indicatorUnit && typed.kind !== indicator?.kind) warnings.push(VALUE_WARNINGS.UNIT_MISMATCH);
    return { raw, kind: typed.kind, value, unit: typed.unit, warnings };
  }
  // Rule 9: a bare number is in the indicator's unit; fractions and percentages are never converted.
  if (indicator) return { raw, kind: indicator.kind, value, unit: indicator.unit, warnings };
  if (indicatorUnit) return { raw, kind: 'number', value, unit: indicatorUnit, warnings };
  return { raw, kind: 'number', value, warnings };
}

function textValue(raw: string, text: string, ctx: ParseContext, warnings: string[], mayPropose: boolean): ParsedValue {
  const result: ParsedValue = { raw, kind: 'text', value: text, warnings: [...warnings] };
  if (mayPropose) {
    const reading = proposeNumber(text);
    for (const w of reading.warnings) if (!result.warnings.includes(w)) result.warnings.push(w);
    if (reading.proposal) result.proposal = reading.proposal;
  }
  // Rule 10 and docs/scoring.md §5.13: text cannot be scored as a number until someone confirms what it means.
  if (result.proposal || ctx.unit?.trim()) result.warnings.push(VALUE_WARNINGS.TYPE_MISMATCH);
  return result;
}
