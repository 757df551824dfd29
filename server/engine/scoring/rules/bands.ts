/**
 * `bands` (§5.4): thresholds (value, score) plus the target as the point (t, 1); any number of points.
 * Reaching a point v is polarity-aware: a ≥ v (higher), a ≤ v (lower), date ≤ v (deadline, on day counts).
 * Sorted by decreasing score, values must move strictly in the worse direction, else BANDS_NOT_MONOTONE.
 * - step (default): the highest score among the points reached; 0 if none.
 * - linear: reaching t → 1; between adjacent points (v_hi, s_hi) and (v_lo, s_lo):
 *   s = s_lo + (s_hi − s_lo) × (a − v_lo)/(v_hi − v_lo); below the lowest point → 0.
 */
import { formatNumber as f } from '../display';
import type { ErrorCode, ParsedValue } from '../types';
import { compatibleKinds, dateErrorOf, dateOf, numberOf } from '../util';
import { fail, type RuleArgs, type RuleOutcome } from './common';

/** The comparable number of a band value: day count for deadlines, the number otherwise (NaN when unusable). */
function conv(v: ParsedValue, isDate: boolean): number {
  return isDate ? dateOf(v) : numberOf(v);
}

function convError(v: ParsedValue, isDate: boolean): ErrorCode {
  return isDate ? dateErrorOf(v) : 'TYPE_MISMATCH';
}

export function bandsRule(args: RuleArgs): RuleOutcome {
  const mode = args.profile.bandsMode;
  const target = args.target;
  if (!target) return fail('TARGET_MISSING', mode);
  const th = args.thresholds;
  if (!th || th.length === 0) return fail('THRESHOLDS_MISSING', mode);
  const pol = args.polarity;
  if (pol === 'boolean') return fail('TYPE_MISMATCH', mode);
  const isDate = pol === 'deadline';
  const higher = pol === 'higher';

  const n = th.length + 1;
  // order of thresholds by decreasing score (insertion sort: a handful of points)
  const order: number[] = new Array(th.length);
  for (let i = 0; i < th.length; i++) {
    let j = i;
    const s = th[i].score;
    while (j > 0 && th[order[j - 1]].score < s) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = i;
  }
  const vals: number[] = new Array(n);
  const scores: number[] = new Array(n);
  const labels: Array<number | string> = new Array(n);
  const t = conv(target, isDate);
  if (t !== t) return fail(convError(target, isDate), mode);
  vals[0] = t;
  scores[0] = 1;
  labels[0] = isDate ? (target.value as string) : t;
  for (let k = 0; k < th.length; k++) {
    const p = th[order[k]];
    const v = conv(p.value, isDate);
    if (v !== v) return fail(convError(p.value, isDate), mode);
    if (!isDate && !compatibleKinds(target.kind, p.value.kind)) return fail('TYPE_MISMATCH', mode);
    const s = p.score;
    if (!(s >= 0 && s < 1)) return fail('BANDS_NOT_MONOTONE', mode);
    vals[k + 1] = v;
    scores[k + 1] = s;
    labels[k + 1] = isDate ? (p.value.value as string) : v;
  }
  for (let i = 1; i < n; i++) {
    if (!(scores[i] < scores[i - 1])) return fail('BANDS_NOT_MONOTONE', mode);
    if (higher ? !(vals[i] < vals[i - 1]) : !(vals[i] > vals[i - 1])) return fail('BANDS_NOT_MONOTONE', mode);
  }
  const x = args.explain;
  let bands: Array<readonly [number | string, number]> | undefined;
  if (x) {
    bands = new Array(n);
    for (let i = 0; i < n; i++) bands[i] = [labels[i], scores[i]];
  }

  const actual = args.actual;
  if (actual && actual.notCompleted) {
    if (!isDate) return fail('TYPE_MISMATCH', mode);
    return done(0, mode, x ? 'not completed → 0' : null, bands);
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
  const aLabel = x ? (isDate ? (av.value as string) : f(a)) : '';
  const lab = (i: number): string => (isDate ? (labels[i] as string) : f(vals[i]));
  if (first < 0) return done(0, mode, x ? aLabel + (higher ? ' < ' : ' > ') + lab(n - 1) + ' → 0' : null, bands);
  if (mode === 'step' || first === 0) {
    return done(scores[first], mode, x ? aLabel + (higher ? ' ≥ ' : ' ≤ ') + lab(first) + ' → ' + f(scores[first]) : null, bands);
  }
  const hi = first - 1;
  const lo = first;
  // evaluated as the convex combination (s_lo·(v_hi − a) + s_hi·(a − v_lo))/(v_hi − v_lo): the same value as the
  // §5.4 formula, without the cancellation of s_hi − s_lo (0.8 − 0.6 = 0.20000000000000007)
  let s = (scores[lo] * (vals[hi] - a) + scores[hi] * (a - vals[lo])) / (vals[hi] - vals[lo]);
  if (s < scores[lo]) s = scores[lo];
  else if (s > scores[hi]) s = scores[hi];
  let formula: string | null = null;
  if (x) {
    const ds = scores[hi] - scores[lo];
    formula = isDate
      ? f(scores[lo]) + ' + ' + f(ds) + ' × ' + (vals[lo] - a) + '/' + (vals[lo] - vals[hi])
      : f(scores[lo]) + ' + ' + f(ds) + ' × (' + f(a) + ' − ' + f(vals[lo]) + ')/(' + f(vals[hi]) + ' − ' + f(vals[lo]) + ')';
  }
  return done(s, mode, formula, bands);
}

function done(
  score: number,
  mode: RuleOutcome['mode'],
  formula: string | null,
  bands: ReadonlyArray<readonly [number | string, number]> | undefined,
): RuleOutcome {
  return { score, attainment: null, mode, formula, errors: null, warning: null, bands };
}
