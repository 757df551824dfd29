/**
 * Display rounding (docs/scoring.md §5.10): scores are stored at full precision; rounding is for display only and is half-up on
 * the value rounded to 15 significant digits first, so that binary floating point never changes a displayed value
 * (mean(0.29, 0) = 0.14499999999999999 displays "15%", not "14%").
 *
 * Fast path: plain arithmetic when the scaled value is clearly away from a tie; the exact decimal-string path is
 * taken only near a tie (or for huge values), so display costs a few flops per score.
 */
import type { ScoringProfile } from './types';

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const TIE_BAND = 1e-7;

/**
 * Fast path of |x| × 10^shift rounded half-up: the integer, or -1 when the scaled value is near a tie (where the
 * 15-digit rounding may matter) or too large for exact double arithmetic.
 */
function fastScaledHalfUp(absX: number, shift: number): number {
  const f = shift < POW10.length ? POW10[shift] : 10 ** shift;
  const n = absX * f;
  if (n < 1e6) {
    const fl = Math.floor(n);
    const frac = n - fl;
    if (frac < 0.5 - TIE_BAND) return fl;
    // an exact .5 in the product is an exact tie of the 15-digit value too (the product's error, ≤ 1.1e-16·n,
    // is below half the 15-digit grid spacing, and the grid contains the tie for n < 1e6)
    if (frac === 0.5) return fl + 1;
    if (frac > 0.5 + TIE_BAND) return fl + 1;
  }
  return -1;
}

/**
 * Exact path: the decimal digits of |x| rounded to 15 significant digits, scaled by 10^shift and rounded half-up
 * to an integer, as a digit string (no precision limit).
 */
function exactScaledDigits(absX: number, shift: number): string {
  if (absX === 0) return '0';
  // "d.dddddddddddddde±x": 15 significant digits
  const s = absX.toExponential(14);
  const ePos = s.indexOf('e');
  const digits = s[0] + s.slice(2, ePos);
  const exp = Number(s.slice(ePos + 1));
  // value = 0.d1d2…d15 × 10^(exp + 1); scaled by 10^shift the integer part has k digits
  const k = exp + 1 + shift;
  if (k < 0) return '0';
  if (k === 0) return digits.charCodeAt(0) >= 53 /* '5' */ ? '1' : '0';
  if (k >= digits.length) return digits + '0'.repeat(k - digits.length);
  const intPart = digits.slice(0, k);
  return digits.charCodeAt(k) >= 53 ? incrementDigits(intPart) : intPart;
}

function incrementDigits(d: string): string {
  let i = d.length - 1;
  while (i >= 0 && d[i] === '9') i--;
  if (i < 0) return '1' + '0'.repeat(d.length);
  return d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1) + '0'.repeat(d.length - i - 1);
}

/** |x| × 10^shift rounded half-up (after rounding x to 15 significant digits), as a number. */
function scaledHalfUp(absX: number, shift: number): number {
  const r = fastScaledHalfUp(absX, shift);
  return r >= 0 ? r : Number(exactScaledDigits(absX, shift));
}

/**
 * Half-up rounding (ties away from zero) to `decimals` places, exact for binary-float artefacts:
 * roundHalfUp(0.145, 2) = 0.15, roundHalfUp(1.005, 2) = 1.01, roundHalfUp(-2.5) = -3.
 */
export function roundHalfUp(x: number, decimals = 0): number {
  if (!Number.isFinite(x)) return x;
  const r = scaledHalfUp(x < 0 ? -x : x, decimals) / (decimals < POW10.length ? POW10[decimals] : 10 ** decimals);
  return x < 0 && r !== 0 ? -r : r;
}

/** "9167", 2 → "91.67"; "9050", 2 → "90.5"; "9000", 2 → "90" (trailing zeros dropped). */
function withDecimals(digits: string, decimals: number): string {
  if (decimals === 0) return digits;
  let d = digits;
  while (d.length <= decimals) d = '0' + d;
  const cut = d.length - decimals;
  let end = d.length;
  while (end > cut && d.charCodeAt(end - 1) === 48) end--;
  return end === cut ? d.slice(0, cut) : d.slice(0, cut) + '.' + d.slice(cut, end);
}

/** The scaled, rounded |x| with `decimals` places, trailing zeros dropped (fast path on small integers). */
function scaledString(absX: number, decimals: number, extraShift: number): string {
  const r = fastScaledHalfUp(absX, extraShift + decimals);
  if (r < 0) return withDecimals(exactScaledDigits(absX, extraShift + decimals), decimals);
  if (decimals === 0) return String(r);
  const f = POW10[decimals];
  const intPart = Math.floor(r / f);
  let frac = r - intPart * f;
  if (frac === 0) return String(intPart);
  let d = decimals;
  while (frac % 10 === 0) {
    frac /= 10;
    d--;
  }
  let fs = String(frac);
  while (fs.length < d) fs = '0' + fs;
  return intPart + '.' + fs;
}

/** Display strings of scores in [0, 1] by scaled integer, per number of decimals (0, 1, 2). */
const PERCENT_CACHE: Array<Array<string | undefined>> = [new Array(101), new Array(1001), new Array(10001)];

/**
 * A fraction shown as a percentage, rounded half-up to `decimals` places with trailing zeros dropped:
 * formatPercent(11/12, 2) = "91.67%", formatPercent(0.9, 2) = "90%", formatPercent(0.145, 0) = "15%".
 * null/undefined/non-finite → null (shown blank).
 */
export function formatPercent(score: number | null | undefined, decimals: number): string | null {
  if (score === null || score === undefined || !Number.isFinite(score)) return null;
  if (score >= 0 && score <= 1 && decimals >= 0 && decimals <= 2) {
    // the common case: one of at most 10 001 strings, formatted once and shared
    const r = fastScaledHalfUp(score, 2 + decimals);
    if (r >= 0) {
      const cache = PERCENT_CACHE[decimals];
      let str = cache[r];
      if (str === undefined) cache[r] = str = scaledString(score, decimals, 2) + '%';
      return str;
    }
  }
  const neg = score < 0;
  const body = scaledString(neg ? -score : score, decimals, 2);
  return (neg && body !== '0' ? '-' : '') + body + '%';
}

/**
 * Display of a score (docs/scoring.md §5.10): indicators with up to `profile.display.indicatorDecimals` decimals (2), aggregates
 * (objectives, dashboards, managers, …) with `aggregateDecimals` (0).
 */
export function formatScore(
  score: number | null | undefined,
  kind: 'indicator' | 'aggregate' = 'indicator',
  profile?: Pick<ScoringProfile, 'display'>,
): string | null {
  const decimals =
    kind === 'aggregate'
      ? profile
        ? profile.display.aggregateDecimals
        : 0
      : profile
        ? profile.display.indicatorDecimals
        : 2;
  return formatPercent(score, decimals);
}

/** An indicator's display: `formatScore(score, 'indicator', profile)` for a profile that is given. */
export function scoreDisplay(score: number | null, profile: Pick<ScoringProfile, 'display'>): string | null {
  return formatPercent(score, profile.display.indicatorDecimals);
}

/**
 * A number for explanation formulas: integers as is, others half-up to 4 decimals ("0.9091", "0.8556", "31.5").
 * Not a display value; never used in computations.
 */
export function formatNumber(x: number): string {
  if (Number.isInteger(x) || !Number.isFinite(x)) return String(x);
  // integer digit arithmetic instead of double-to-string: this runs for every explanation formula
  const neg = x < 0;
  const ax = neg ? -x : x;
  const body = scaledString(ax, 4, 0);
  return (neg && body !== '0' ? '-' : '') + body;
}

/**
 * Euro amount in Italian notation: thousands dot, decimal comma, 2 decimals only when not whole:
 * formatEuro(15530) = "15.530 €", formatEuro(1234.5) = "1.234,50 €". A presentation helper for reports.
 */
export function formatEuro(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const neg = value < 0;
  const cents = exactCents(neg ? -value : value);
  const whole = cents.slice(0, cents.length - 2);
  const c = cents.slice(cents.length - 2);
  const w = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const body = c === '00' ? w : w + ',' + c;
  return (neg && cents !== '000' ? '-' : '') + body + ' €';
}

function exactCents(absX: number): string {
  const r = fastScaledHalfUp(absX, 2);
  let d = r >= 0 ? String(r) : exactScaledDigits(absX, 2);
  while (d.length < 3) d = '0' + d;
  return d;
}
