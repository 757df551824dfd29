/**
 * Aggregation (§5.5): at every level the aggregate is the weighted arithmetic mean of the *scored* children,
 * A = Σ w·s / Σ w over scored children, with the weights renormalised over them.
 *
 * - monitoring, neutralised, not-applicable, missing and invalid children and null aggregates leave numerator
 *   and denominator;
 * - no child weighted → equal weights (Bergamo); some weighted, others not → invalid (WEIGHT_MISSING), never
 *   guessed (monitoring children are "not weighted" by definition and do not count as missing a weight);
 * - declared weights (all children, scored or not) not summing to 100 ± tolerance → renormalise anyway and warn
 *   WEIGHT_SUM (other accepted sums can be given, e.g. ownShare × 100 for a strategic objective's own part);
 * - weight 0 allowed; a negative weight → WEIGHT_NEGATIVE; all scored children weighing 0 → null + WEIGHT_SUM_ZERO;
 * - no scored child → null (shown blank: never 0, never 100%);
 * - invalid children do not block the parent: CHILD_INVALID warning.
 * Child scores are used unrounded (§5.10). The result is clamped to the [min, max] of the positively weighted
 * scored children, where a weighted mean lies mathematically: this only removes floating-point artefacts.
 *
 * The numbers, status, warnings and errors are computed eagerly in one pass; the explanation (children used and
 * excluded, formula, text) is built on first access of `explanation` and memoized.
 */
import { formatNumber as f, formatScore } from './display';
import { DEFAULT_PROFILE, profileLabel } from './profiles';
import { exclusionReason } from './status';
import type {
  AggregateChild,
  AggregateExplanation,
  AggregateOptions,
  AggregateResult,
  AggregateStatus,
  ExcludedChild,
  ScoringProfile,
  Subject,
  UsedChild,
} from './types';
import { addCode, EMPTY_LIST } from './util';

const MAX_FORMULA_TERMS = 12;
const MAX_EXCLUDED_IN_TEXT = 10;
const DEFAULT_SUMS: readonly number[] = Object.freeze([100]);
/** pass-mark comparison slack for binary-float artefacts only (scores are fractions, artefacts ~1e-16) */
const PASS_EPS = 1e-12;

export type MeanCore = {
  readonly score: number | null;
  readonly status: AggregateStatus;
  readonly weighted: boolean;
  /** sum of the declared weights of all children; null when none is declared */
  readonly weightSum: number | null;
  readonly warnings: string[];
  readonly errors: string[];
  /** Σ w·s and Σ w over the scored children */
  readonly num: number;
  readonly den: number;
};

/** Is the child scored? Status `scored`, or no status and a finite score (an aggregate). */
export function isScoredChild(c: { readonly score: number | null; readonly status?: string }): boolean {
  const s = c.score;
  if (typeof s !== 'number' || s !== s || s === Infinity || s === -Infinity) return false;
  return c.status === undefined || c.status === 'scored';
}

function weightOf(children: readonly AggregateChild[], weights: ReadonlyArray<number | null | undefined> | undefined, i: number) {
  return weights ? weights[i] : children[i].weight;
}

/** The weighted mean, its status, warnings and errors: one pass, no per-child allocation. */
export function meanCore(
  children: readonly AggregateChild[],
  weights: ReadonlyArray<number | null | undefined> | undefined,
  profile: ScoringProfile,
  acceptedSums: readonly number[],
): MeanCore {
  const n = children.length;
  let warnings = EMPTY_LIST;
  let errors = EMPTY_LIST;
  let declared = 0;
  let undeclared = 0;
  let negative = false;
  let weightSum = 0;
  for (let i = 0; i < n; i++) {
    const w = weightOf(children, weights, i);
    if (w === undefined || w === null) {
      if (children[i].status !== 'monitoring') undeclared++;
    } else if (typeof w !== 'number' || !Number.isFinite(w)) {
      undeclared++;
    } else {
      declared++;
      weightSum += w;
      if (w < 0) negative = true;
    }
  }
  const weighted = declared > 0;
  if (weighted && undeclared > 0) errors = addCode(errors, 'WEIGHT_MISSING');
  if (negative) errors = addCode(errors, 'WEIGHT_NEGATIVE');

  let num = 0;
  let den = 0;
  let used = 0;
  let lo = Infinity;
  let hi = -Infinity;
  let childInvalid = false;
  for (let i = 0; i < n; i++) {
    const c = children[i];
    if (c.status === 'invalid') childInvalid = true;
    if (!isScoredChild(c)) continue;
    const s = c.score as number;
    used++;
    let w = 1;
    if (weighted) {
      const wi = weightOf(children, weights, i);
      if (typeof wi !== 'number' || !Number.isFinite(wi)) continue; // WEIGHT_MISSING already raised
      w = wi;
    }
    num += w * s;
    den += w;
    if (w > 0) {
      if (s < lo) lo = s;
      if (s > hi) hi = s;
    }
  }
  if (childInvalid) warnings = addCode(warnings, 'CHILD_INVALID');
  if (weighted && errors.length === 0 && !sumAccepted(weightSum, acceptedSums, profile.weightSumTolerance)) {
    warnings = addCode(warnings, 'WEIGHT_SUM');
  }

  let score: number | null = null;
  let status: AggregateStatus;
  if (errors.length > 0) status = 'invalid';
  else if (used === 0) status = 'empty';
  else if (!(den > 0)) {
    errors = addCode(errors, 'WEIGHT_SUM_ZERO');
    status = 'invalid';
  } else {
    let m = num / den;
    if (m < lo) m = lo;
    else if (m > hi) m = hi;
    score = m;
    status = 'scored';
  }
  return { score, status, weighted, weightSum: weighted ? weightSum : null, warnings, errors, num, den };
}

function sumAccepted(sum: number, accepted: readonly number[], tol: number): boolean {
  for (let i = 0; i < accepted.length; i++) {
    if (Math.abs(sum - accepted[i]) <= tol + 1e-9) return true;
  }
  return false;
}

/** The children used (id, code, weight, score) and excluded (id, code, reason), in input order. */
export function meanDetails(
  children: readonly AggregateChild[],
  weights: ReadonlyArray<number | null | undefined> | undefined,
  weighted: boolean,
  unscoredReason: string,
): { used: UsedChild[]; excluded: ExcludedChild[] } {
  const used: UsedChild[] = [];
  const excluded: ExcludedChild[] = [];
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (isScoredChild(c)) {
      const w = weightOf(children, weights, i);
      used.push({ id: c.id, code: c.code, weight: weighted ? (typeof w === 'number' ? w : null) : null, score: c.score as number });
    } else {
      excluded.push({
        id: c.id,
        code: c.code,
        reason: c.reason !== undefined ? c.reason : exclusionReason(c.status, c.errors, unscoredReason),
      });
    }
  }
  return { used, excluded };
}

/** `(20×0.75 + 30×1 + 40×0.8)/(20+30+40)`, `(1 + 0.9091 + 1)/3`, or a Σ summary beyond 12 terms. */
export function meanFormula(used: readonly UsedChild[], core: MeanCore): string | null {
  if (used.length === 0 || core.status === 'invalid') return null;
  const k = used.length;
  const weighted = core.weighted;
  if (k > MAX_FORMULA_TERMS) {
    return weighted ? 'Σ(w×s)/Σw = ' + f(core.num) + '/' + f(core.den) : 'Σs/n = ' + f(core.num) + '/' + k;
  }
  let top = '';
  let bottom = '';
  for (let i = 0; i < k; i++) {
    const u = used[i];
    if (i > 0) {
      top += ' + ';
      bottom += '+';
    }
    if (weighted) {
      top += f(u.weight as number) + '×' + f(u.score);
      bottom += f(u.weight as number);
    } else {
      top += f(u.score);
    }
  }
  return weighted ? '(' + top + ')/(' + bottom + ')' : '(' + top + ')/' + k;
}

/** " [1.4 excluded: no scored child; …]" or "" */
export function excludedSuffix(excluded: readonly ExcludedChild[]): string {
  if (excluded.length === 0) return '';
  let s = ' [';
  const k = excluded.length < MAX_EXCLUDED_IN_TEXT ? excluded.length : MAX_EXCLUDED_IN_TEXT;
  for (let i = 0; i < k; i++) {
    const e = excluded[i];
    if (i > 0) s += '; ';
    s += (e.code !== undefined ? e.code : e.id) + ' excluded: ' + e.reason;
  }
  if (excluded.length > k) s += '; … ' + (excluded.length - k) + ' more excluded';
  return s + ']';
}

/** §5.7: achieved = s ≥ p; null when s is null or there is no pass mark. Never rescales s. */
export function achievedOf(score: number | null, passMark: number | null | undefined): boolean | null {
  if (score === null || passMark === null || passMark === undefined) return null;
  return score >= passMark - PASS_EPS;
}

export function makeSubject(s: Partial<Subject> | undefined, fallbackType: Subject['type']): Subject {
  if (!s) return { type: fallbackType, id: '' };
  return { type: s.type || fallbackType, id: s.id || '', code: s.code, year: s.year, checkpoint: s.checkpoint };
}

/** Text of a mean: "mean: (…)/(…) = 0.8556 → 86% [1.4 excluded: no scored child]". */
export function meanText(rule: string, core: MeanCore, formula: string | null, display: string | null, excluded: readonly ExcludedChild[]): string {
  const suffix = excludedSuffix(excluded);
  if (core.status === 'invalid') return rule + ': invalid (' + core.errors.join(', ') + ')' + suffix;
  if (core.score === null) return rule + ': no scored child → blank' + suffix;
  return rule + ': ' + formula + ' = ' + f(core.score) + ' → ' + display + suffix;
}

/**
 * The result of `aggregate`: plain, read-only fields computed eagerly; `explanation` built on first access and
 * memoized (children used/excluded, formula and text cost more than the mean itself on large roll-ups).
 * `JSON.stringify` includes the explanation; use `toPlain` before structured cloning or spreading.
 */
export class AggregateRecord implements AggregateResult {
  readonly id: string;
  readonly code: string | undefined;
  readonly status: AggregateStatus;
  readonly score: number | null;
  readonly display: string | null;
  readonly weightSum: number | null;
  readonly passMark: number | null;
  readonly achieved: boolean | null;
  readonly warnings: readonly string[];
  readonly errors: readonly string[];
  #children: readonly AggregateChild[];
  #weights: ReadonlyArray<number | null | undefined> | undefined;
  #core: MeanCore;
  #options: AggregateOptions;
  #profile: ScoringProfile;
  #explanation: AggregateExplanation | undefined;

  constructor(
    children: readonly AggregateChild[],
    weights: ReadonlyArray<number | null | undefined> | undefined,
    core: MeanCore,
    options: AggregateOptions,
    profile: ScoringProfile,
  ) {
    const subject = options.subject;
    this.id = (subject && subject.id) || '';
    this.code = subject && subject.code;
    this.status = core.status;
    this.score = core.score;
    this.display = formatScore(core.score, options.displayAs || 'aggregate', profile);
    this.weightSum = core.weightSum;
    this.passMark = options.passMark === undefined ? null : options.passMark;
    this.achieved = achievedOf(core.score, this.passMark);
    this.warnings = core.warnings;
    this.errors = core.errors;
    this.#children = children;
    this.#weights = weights;
    this.#core = core;
    this.#options = options;
    this.#profile = profile;
    this.#explanation = undefined;
  }

  get explanation(): AggregateExplanation {
    let e = this.#explanation;
    if (!e) {
      const options = this.#options;
      const core = this.#core;
      const { used, excluded } = meanDetails(this.#children, this.#weights, core.weighted, options.unscoredReason || 'no scored child');
      const formula = meanFormula(used, core);
      const rule = options.rule || 'mean';
      e = {
        subject: makeSubject(options.subject, 'aggregate'),
        status: this.status,
        rule,
        weighting: core.weighted ? 'weighted' : 'equal',
        used,
        excluded,
        formula,
        text: meanText(rule, core, formula, this.display, excluded),
        score: this.score,
        display: this.display,
        passMark: this.passMark,
        achieved: this.achieved,
        profile: profileLabel(this.#profile),
        warnings: this.warnings,
        errors: this.errors,
      };
      this.#explanation = e;
    }
    return e;
  }

  toJSON(): AggregateResult {
    return plainAggregate(this);
  }
}

/** A plain-object copy of an aggregate result, explanation materialized. */
export function plainAggregate(r: AggregateResult): AggregateResult {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    score: r.score,
    display: r.display,
    weightSum: r.weightSum,
    passMark: r.passMark,
    achieved: r.achieved,
    warnings: r.warnings,
    errors: r.errors,
    explanation: r.explanation,
  };
}

/**
 * §5.5 aggregate of any level: operational objective (its indicators), perspective (its strategic objectives),
 * plan (its perspectives), dashboard group, unit, … IndicatorResult and AggregateResult objects are children as
 * they are (equal weights), or give weights through `child.weight` or `options.weights`.
 */
export function aggregate(children: readonly AggregateChild[], options: AggregateOptions = {}): AggregateResult {
  const profile = options.profile || DEFAULT_PROFILE;
  // copies of the lists (not of the children): the explanation is built later from them
  const kids = children.slice();
  const weights = options.weights ? options.weights.slice() : undefined;
  const core = meanCore(kids, weights, profile, options.acceptedWeightSums || DEFAULT_SUMS);
  return new AggregateRecord(kids, weights, core, options, profile);
}
