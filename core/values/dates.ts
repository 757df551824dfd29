/**
 * Dates (docs/scoring.md §3 rules 5–6). Day first, always: Italian documents never write month first, so "03/04/2020"
 * is 3 April. Month names stand for the last day of that month (profile `monthNameAs: 'end-of-month'`), and need
 * the year of the target column, which the caller must supply: a year is never guessed.
 */

/** The months as Italian documents name them, January first */
export const MONTHS = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
] as const;

export type DayFirstDate = { ok: true; iso: string } | { ok: false; invalid: boolean };

// The separator must be the same twice: "30.6/2021" is not a date anyone typed on purpose.
const DAY_FIRST = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})$/;

/** `invalid: true` means "shaped like a date but impossible" (31/02/2022), as opposed to "not a date at all". */
export function readDayFirstDate(text: string): DayFirstDate {
  const m = DAY_FIRST.exec(text);
  if (!m) return { ok: false, invalid: false };
  const day = Number(m[1]);
  const month = Number(m[3]);
  const year = Number(m[4]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, invalid: true };
  }
  return { ok: true, iso: isoDate(year, month, day) };
}

/** 1-based month number of an Italian month name, case-insensitive; undefined for anything else. */
export function monthNumber(word: string): number | undefined {
  const index = (MONTHS as readonly string[]).indexOf(word.trim().toLowerCase());
  return index < 0 ? undefined : index + 1;
}

/** "luglio" in 2022 → '2022-07-31'; February follows the leap-year rule. */
export function endOfMonth(year: number, month: number): string {
  return isoDate(year, month, daysInMonth(year, month));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Arithmetic rather than Date: Date.UTC maps years 0–99 to 1900–1999, and the year 0 (a leap year) to 1900 (not).
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since the epoch of an ISO date, to order deadlines without time zones getting in the way. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, takes years 0–99 literally.
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / 86_400_000);
}
