/**
 * The numeric rows of the engine: an indicator whose inputs are a scored numeric target, a numeric actual and,
 * for bands, numeric thresholds in score order, and which its rule will certainly score (every precondition of
 * ratio, inverse or bands holds). Such a row is scored from its numbers alone by `scoreNumeric`; both APIs do so —
 * `scoreIndicator` for one input, the column engine (columns.ts, score-columns.ts) for a whole plan — so there is
 * one arithmetic. Any other input (a rule, a flag, a placeholder, a precondition that fails and gives an error)
 * goes through the status sequence of docs/scoring.md §5.2.2 as written (indicator.ts).
 */
import { ratioOf } from './rules/ratio';
import { inverseOf } from './rules/inverse';
import { bandsOf, sortedByScore } from './rules/bands';
import type { RuleOutcome } from './rules/common';
import type { IndicatorInput, ParsedValue, RuleName, ScoringProfile } from './types';
import { compatibleKinds, numberOf } from './util';

/** Kinds of row: not numeric (the general path), or the numeric rule that scores it. */
export const ROW_GENERAL = 0;
export const ROW_RATIO = 1;
export const ROW_INVERSE = 2;
export const ROW_BANDS_HIGHER = 3;
export const ROW_BANDS_LOWER = 4;

/** The rule of a numeric row's kind. */
export const RULE_OF_ROW: readonly (RuleName | null)[] = Object.freeze([null, 'ratio', 'inverse', 'bands', 'bands']);

/**
 * The numbers of the last row `numericRow` accepted: [target, actual]; its band points (values and scores, in
 * score order) in ROW_VALS / ROW_SCORES, `ROW_POINTS[0]` of them. Valid until the next call.
 */
export const ROW_NUM = new Float64Array(2);
export const ROW_POINTS = new Int32Array(1);
export const ROW_VALS: number[] = [];
export const ROW_SCORES: number[] = [];

/** A usable number in a numeric kind: such a value is present (not a no-value cell) and not a placeholder. */
export function plainNumber(v: ParsedValue | undefined): v is ParsedValue {
  if (v === undefined) return false;
  const k = v.kind;
  const x = v.value;
  return (
    (k === 'number' || k === 'percent' || k === 'currency' || k === 'days') && typeof x === 'number' && x - x === 0
  );
}

/**
 * The kind of an input's row (ROW_GENERAL unless its rule will certainly score it from numbers), its numbers in
 * ROW_NUM / ROW_VALS / ROW_SCORES. The checks are those of scoreIndicator's common case and of the rules'
 * preconditions (rules/ratio.ts, inverse.ts, bands.ts numericSorted): a row failing one is general, and the
 * general path gives the rule's error.
 */
export function numericRow(input: IndicatorInput): number {
  const target = input.target;
  const actual = input.actual;
  if (target === undefined || actual === undefined) return ROW_GENERAL;
  const tv = target.value;
  const av = actual.value;
  if (
    target.mode === 'monitoring' ||
    target.rule ||
    input.rule ||
    actual.neutralised ||
    actual.notCompleted ||
    !plainNumber(tv) ||
    !plainNumber(av) ||
    !compatibleKinds(tv.kind, av.kind)
  )
    return ROW_GENERAL;
  const t = tv.value as number;
  const a = av.value as number;
  ROW_NUM[0] = t;
  ROW_NUM[1] = a;
  ROW_POINTS[0] = 0;
  const polarity = target.polarity || input.polarity;
  const th = target.thresholds;
  if (th && th.length > 0) {
    if ((polarity !== 'higher' && polarity !== 'lower') || !sortedByScore(th)) return ROW_GENERAL;
    const higher = polarity === 'higher';
    let prevS = 1;
    let prevV = t;
    for (let k = 0; k < th.length; k++) {
      const p = th[k];
      const v = numberOf(p.value);
      const s = p.score;
      if (v !== v || !compatibleKinds(tv.kind, p.value.kind) || !(s >= 0 && s < 1)) return ROW_GENERAL;
      if (!(s < prevS) || (higher ? !(v < prevV) : !(v > prevV))) return ROW_GENERAL;
      ROW_VALS[k] = v;
      ROW_SCORES[k] = s;
      prevS = s;
      prevV = v;
    }
    ROW_POINTS[0] = th.length;
    return higher ? ROW_BANDS_HIGHER : ROW_BANDS_LOWER;
  }
  if (polarity === 'higher') return t > 0 && Number.isFinite(a / t) ? ROW_RATIO : ROW_GENERAL;
  if (polarity === 'lower') return t >= 0 ? ROW_INVERSE : ROW_GENERAL;
  return ROW_GENERAL;
}

/** The outcome of a numeric row (read it at once: rules/common.ts); `vals` / `scores` from `from`, `m` points. */
export function scoreNumeric(
  kind: number,
  t: number,
  a: number,
  vals: ArrayLike<number>,
  scores: ArrayLike<number>,
  from: number,
  m: number,
  profile: ScoringProfile,
): RuleOutcome {
  if (kind === ROW_RATIO) return ratioOf(a, t, profile.capRatio, false);
  if (kind === ROW_INVERSE) return inverseOf(a, t, profile.inverseMiss, false);
  return bandsOf(a, t, vals, scores, from, m, kind === ROW_BANDS_HIGHER, profile.bandsMode);
}
