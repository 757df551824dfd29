/**
 * `bands` (docs/scoring.md §5.4): thresholds (value, score) plus the target as the point (t, 1); any number of points.
 * Reaching a point v is polarity-aware: a ≥ v (higher), a ≤ v (lower), date ≤ v (deadline, on day counts).
 * Sorted by decreasing score, values must move strictly in the worse direction, else BANDS_NOT_MONOTONE.
 * - step (default): the highest score among the points reached; 0 if none.
 * - linear: reaching t → 1; between adjacent points (v_hi, s_hi) and (v_lo, s_lo):
 *   s = s_lo + (s_hi − s_lo) × (a − v_lo)/(v_hi − v_lo); below the lowest point → 0.
 */
import { formatNumber as f } from '../display';

import type { ActualInput, ErrorCode, ParsedValue, ScoringProfile, ThresholdInput } from '../types';
import { compatibleKinds, dateErrorOf, dateOf, numberOf } from '../util';
import { fail, ok, type Rule, type RuleContext, type RuleOutcome } from './common';

/** The comparable number of a band value: day count for deadlines, the number otherwise (NaN when unusable). */
function conv(v: ParsedValue, isDate: boolean): number {
  return isDate ? dateOf(v) : numberOf(v);
}

function convError(v: ParsedValue, isDate: boolean): ErrorCode {
  return isDate ? dateErrorOf(v) : 'TYPE_MISMATCH';
}

/**
 * Scratch arrays reused by every call (the rule is synchronous and never re-entered): no allocation per scored
 * indicator. Band labels (and the closure formatting them) exist only when explaining.
 */
const ORDER: number[] = [];
const VALS: number[] = [];
const SCORES: number[] = [];

export const bandsRule: Rule = {
  name: 'bands',
  needs: ['target', 'thresholds', 'actual', 'polarity', 'profile'],
  score: bandsScore,
};

function bandsScore({ target, thresholds, actual, polarity, profile, explain }: RuleContext): RuleOutcome {
  const mode = profile.bandsMode;
  if (!target) return fail('TARGET_MISSING', mode);
  const th = thresholds;
  if (!th || th.length === 0) return fail('THRESHOLDS_MISSING', mode);
  const pol = polarity;
  if (pol === 'boolean') return fail('TYPE_MISMATCH', mode);
  if (!explain && pol !== 'deadline' && sortedByScore(th))
    return numericSorted(target, th, actual, pol === 'higher', mode);
  const isDate = pol === 'deadline';
  const higher = pol === 'higher';

  const m = th.length;
  const n = m + 1;
  // order of thresholds by decreasing score (insertion sort, stable: a handful of points)
  const order = ORDER;
  for (let i = 0; i < m; i++) {
    let j = i;
    const s = th[i].score;
    while (j > 0 && th[order[j - 1]].score < s) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = i;
  }
  const vals = VALS;
  const scores = SCORES;
  const t = conv(target, isDate);
  if (t !== t) return fail(convError(target, isDate), mode);
  vals[0] = t;
  scores[0] = 1;
  for (let k = 0; k < m; k++) {
    const p = th[order[k]];
    const v = conv(p.value, isDate);
    if (v !== v) return fail(convError(p.value, isDate), mode);
    if (!isDate && !compatibleKinds(target.kind, p.value.kind)) return fail('TYPE_MISMATCH', mode);
    const s = p.score;
    if (!(s >= 0 && s < 1)) return fail('BANDS_NOT_MONOTONE', mode);
    vals[k + 1] = v;
    scores[k + 1] = s;
  }
  for (let i = 1; i < n; i++) {
    if (!(scores[i] < scores[i - 1])) return fail('BANDS_NOT_MONOTONE', mode);
    if (higher ? !(vals[i] < vals[i - 1]) : !(vals[i] > vals[i - 1])) return fail('BANDS_NOT_MONOTONE', mode);
  }
  const x = explain;
  let bands: Array<readonly [number | string, number]> | undefined;
  let labels: Array<number | string> | undefined;
  if (x) {
    labels = new Array(n);
    labels[0] = isDate ? (target.value as string) : t;
    for (let k = 0; k < m; k++) labels[k + 1] = isDate ? (th[order[k]].value.value as string) : vals[k + 1];
    bands = new Array(n);
    for (let i = 0; i < n; i++) bands[i] = [labels[i], scores[i]];
  }

  if (actual && actual.notCompleted) {
    if (!isDate) return fail('TYPE_MISMATCH', mode);
    return ok(0, null, mode, x ? 'not completed → 0' : null, null, bands);
  }
  const av = actual && actual.value;
  if (!av) return fail('TYPE_MISMATCH', mode);
  const a = conv(av, isDate);
  if (a !== a) return fail(convError(av, isDate), mode);
  if (!isDate && !compatibleKinds(target.kind, av.kind)) return fail('TYPE_MISMATCH', mode);

  let first = -1;
  for (let i = 0; i < n; i++) {
    if (higher ? a >= vals[i] : a <= vals[i]) {
      first = i;
      break;
    }
  }
  if (first < 0) {
    return ok(
      0,
      null,
      mode,
      x ? label(av, a, isDate) + (higher ? ' < ' : ' > ') + pointLabel(labels!, n - 1, isDate) + ' → 0' : null,
      null,
      bands,
    );
  }
  if (mode === 'step' || first === 0) {
    const sf = scores[first];
    return ok(
      sf,
      null,
      mode,
      x ? label(av, a, isDate) + (higher ? ' ≥ ' : ' ≤ ') + pointLabel(labels!, first, isDate) + ' → ' + f(sf) : null,
      null,
      bands,
    );
  }
  const hi = first - 1;
  const lo = first;
  // evaluated as the convex combination (s_lo·(v_hi − a) + s_hi·(a − v_lo))/(v_hi − v_lo): the same value as the
  // docs/scoring.md §5.4 formula, without the cancellation of s_hi − s_lo (0.8 − 0.6 = 0.20000000000000007)
  let s = (scores[lo] * (vals[hi] - a) + scores[hi] * (a - vals[lo])) / (vals[hi] - vals[lo]);
  if (s < scores[lo]) s = scores[lo];
  else if (s > scores[hi]) s = scores[hi];
  let formula: string | null = null;
  if (x) {
    const ds = scores[hi] - scores[lo];
    formula = isDate
      ? f(scores[lo]) + ' + ' + f(ds) + ' × ' + (vals[lo] - a) + '/' + (vals[lo] - vals[hi])
      : f(scores[lo]) +
        ' + ' +
        f(ds) +
        ' × (' +
        f(a) +
        ' − ' +
        f(vals[lo]) +
        ')/(' +
        f(vals[hi]) +
        ' − ' +
        f(vals[lo]) +
        ')';
  }
  return ok(s, null, mode, formula, null, bands);
}

/** The actual as shown in the formula: the ISO date for deadlines, else the number. */
function label(av: ParsedValue, a: number, isDate: boolean): string {
  return isDate ? (av.value as string) : f(a);
}

/** A band point as shown in the formula (labels hold the ISO date for deadlines, else the number). */
function pointLabel(labels: ReadonlyArray<number | string>, i: number, isDate: boolean): string {
  return isDate ? (labels[i] as string) : f(labels[i] as number);
}

/** Thresholds already in non-increasing score order: the (stable) sort by decreasing score leaves them as they are. */
export function sortedByScore(th: readonly ThresholdInput[]): boolean {
  for (let k = 1; k < th.length; k++) if (!(th[k - 1].score >= th[k].score)) return false;
  return true;
}

/**
 * `bandsRule` for numeric bands whose thresholds are in score order, when not explaining: the same checks in the
 * same order and the same arithmetic, reading the points in place instead of copying them into sorted arrays.
 */
function numericSorted(
  target: ParsedValue,
  th: readonly ThresholdInput[],
  actual: ActualInput | undefined,
  higher: boolean,
  mode: ScoringProfile['bandsMode'],
): RuleOutcome {
  const t = numberOf(target);
  if (t !== t) return fail('TYPE_MISMATCH', mode);
  const m = th.length;
  for (let k = 0; k < m; k++) {
    const p = th[k];
    const v = numberOf(p.value);
    if (v !== v) return fail('TYPE_MISMATCH', mode);
    if (!compatibleKinds(target.kind, p.value.kind)) return fail('TYPE_MISMATCH', mode);
    const s = p.score;
    if (!(s >= 0 && s < 1)) return fail('BANDS_NOT_MONOTONE', mode);
  }
  // sorted by decreasing score, from the target (t, 1): scores strictly decrease, values strictly worsen
  let prevS = 1;
  let prevV = t;
  for (let k = 0; k < m; k++) {
    const p = th[k];
    const s = p.score;
    const v = numberOf(p.value);
    if (!(s < prevS)) return fail('BANDS_NOT_MONOTONE', mode);
    if (higher ? !(v < prevV) : !(v > prevV)) return fail('BANDS_NOT_MONOTONE', mode);
    prevS = s;
    prevV = v;
  }
  if (actual && actual.notCompleted) return fail('TYPE_MISMATCH', mode);
  const av = actual && actual.value;
  if (!av) return fail('TYPE_MISMATCH', mode);
  const a = numberOf(av);
  if (a !== a) return fail('TYPE_MISMATCH', mode);
  if (!compatibleKinds(target.kind, av.kind)) return fail('TYPE_MISMATCH', mode);

  for (let k = 0; k < m; k++) {
    VALS[k] = numberOf(th[k].value);
    SCORES[k] = th[k].score;
  }
  return bandsOf(a, t, VALS, SCORES, 0, m, higher, mode);
}

/**
 * The score of numeric bands already checked (numbers, scores in [0, 1) decreasing, values strictly worsening, in
 * score order): points `vals[from..from+m)` with `scores[…]` after the target (t, 1). The column engine scores
 * with it too (score-columns.ts), so both APIs share this arithmetic.
 */
export function bandsOf(
  a: number,
  t: number,
  vals: ArrayLike<number>,
  scores: ArrayLike<number>,
  from: number,
  m: number,
  higher: boolean,
  mode: ScoringProfile['bandsMode'],
): RuleOutcome {
  // the first point reached, in order: the target (score 1, in both modes), then the thresholds
  if (higher ? a >= t : a <= t) return ok(1, null, mode, null);
  for (let k = 0; k < m; k++) {
    const vLo = vals[from + k];
    if (!(higher ? a >= vLo : a <= vLo)) continue;
    const sLo = scores[from + k];
    if (mode === 'step') return ok(sLo, null, mode, null);
    const sHi = k === 0 ? 1 : scores[from + k - 1];
    const vHi = k === 0 ? t : vals[from + k - 1];
    // as in bandsRule: the convex combination, clamped to [s_lo, s_hi]
    let s = (sLo * (vHi - a) + sHi * (a - vLo)) / (vHi - vLo);
    if (s < sLo) s = sLo;
    else if (s > sHi) s = sHi;
    return ok(s, null, mode, null);
  }
  return ok(0, null, mode, null);
}
