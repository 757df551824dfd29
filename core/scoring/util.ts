/** Small value helpers shared by the rules: numeric kinds, ISO-date day counts. Allocation-free. */
import type { ParsedValue } from './types';

/** Kinds that carry a number. */
export function isNumericKind(kind: ParsedValue['kind']): boolean {
  return kind === 'number' || kind === 'percent' || kind === 'currency' || kind === 'days';
}

/**
 * The number of a numeric ParsedValue, or NaN (non-numeric kind, unconfirmed text, non-finite value).
 * Text with a proposal is NOT a number until a user confirms it (TYPE_MISMATCH, docs/scoring.md §3 rule 10).
 */
export function numberOf(v: ParsedValue): number {
  if (!isNumericKind(v.kind)) return NaN;
  const x = v.value;
  return typeof x === 'number' && Number.isFinite(x) ? x : NaN;
}

/**
 * Two numeric kinds can be compared when equal, or when one is a bare number (read in the indicator's unit, docs/scoring.md §3
 * rule 9). Percent vs euro, days vs euro, … are TYPE_MISMATCH.
 */
export function compatibleKinds(a: ParsedValue['kind'], b: ParsedValue['kind']): boolean {
  return a === b || a === 'number' || b === 'number';
}

const MS_PER_DAY = 86400000;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Days since 1970-01-01 (UTC) of an ISO 'YYYY-MM-DD' date, or NaN when malformed or impossible (2022-02-30).
 * Calendar-day arithmetic: no time zones, no DST.
 */
export function dayNumber(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return NaN;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = digit(iso, i);
    if (d < 0) return NaN;
    y = y * 10 + d;
  }
  const m1 = digit(iso, 5),
    m2 = digit(iso, 6),
    d1 = digit(iso, 8),
    d2 = digit(iso, 9);
  if (m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0) return NaN;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The day number of a date ParsedValue, or NaN. */
export function dateOf(v: ParsedValue): number {
  return v.kind === 'date' && typeof v.value === 'string' ? dayNumber(v.value) : NaN;
}

/** Why a value that should be a date is not usable: INVALID_DATE for impossible dates, else TYPE_MISMATCH. */
export function dateErrorOf(v: ParsedValue): 'INVALID_DATE' | 'TYPE_MISMATCH' {
  if (v.kind === 'date') return 'INVALID_DATE';
  return v.warnings.indexOf('INVALID_DATE') >= 0 ? 'INVALID_DATE' : 'TYPE_MISMATCH';
}

/** Append `code` unless already present (arrays are tiny). */
export function pushUnique(arr: string[], code: string): void {
  if (arr.indexOf(code) < 0) arr.push(code);
}

/** A non-empty string after trimming. */
export function isNonBlank(s: string | undefined | null): boolean {
  return typeof s === 'string' && s.trim().length > 0;
}

/**
 * Shared, frozen empty list: most results have no warning or error, so none is allocated for them. Result lists
 * are read-only (typed `readonly string[]`).
 */
export const EMPTY_LIST: string[] = Object.freeze([] as string[]) as string[];

/** Append `code` to a list that may be EMPTY_LIST; returns the list to keep. */
export function addCode(list: string[], code: string): string[] {
  if (list === EMPTY_LIST) return [code];
  if (list.indexOf(code) < 0) list.push(code);
  return list;
}
