/**
 * Aggregation (docs/scoring.md §5.5): at every level the aggregate is the weighted arithmetic mean of the *scored* children,
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
 * Child scores are used unrounded (docs/scoring.md §5.10). The result is clamped to the [min, max] of the positively weighted
 * scored children, where a weighted mean lies mathematically: this only removes floating-point artefacts.
 *
 * The numbers, status, warnings and errors are computed eagerly in one pass; the explanation (children used and
 * excluded, formula, text) is built on first access of `explanation` and memoized, the display on first access of
 * `display`.
 */
import { formatNumber as f, formatScore } from './display';
import { DEFAULT_PROFILE, profileLabel } from './profiles';
import { exclusionReason } from './status';
import type { AggregateChild, AggregateExplanation, AggregateOptions, AggregateResult } from './aggregate-types';
import type { AggregateStatus, ExcludedChild, ScoringProfile, Subject, UsedChild } from './types';
import { MEAN, MEAN_STATE, meanBegin, meanChild, meanEnd } from './mean';

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

function weightOf(
  children: readonly AggregateChild[],
  weights: ReadonlyArray<number | null | undefined> | undefined,
  i: number,
) {
  return weights ? weights[i] : children[i].weight;
}

/** The weighted mean of the children (see mean.ts), written to its shared place MEAN / MEAN_STATE. */
function meanInto(
  children: readonly AggregateChild[],
  weights: ReadonlyArray<number | null | undefined> | undefined,
  profile: ScoringProfile,
  acceptedSums: readonly number[],
): void {
  meanBegin();
  const n = children.length;
  for (let i = 0; i < n; i++) {
    const c = children[i];
    meanChild(c.status, c.score, weights ? weights[i] : c.weight);
  }
  meanEnd(profile, acceptedSums);
}

/** The score of the last `meanInto`: null unless its status is `scored`. */
function meanScore(): number | null {
  return MEAN_STATE.status === 'scored' ? MEAN[0] : null;
}

/** The weighted mean of the children as an object (see meanInto). */
export function meanCore(
  children: readonly AggregateChild[],
  weights: ReadonlyArray<number | null | undefined> | undefined,
  profile: ScoringProfile,
  acceptedSums: readonly number[],
): MeanCore {
  meanInto(children, weights, profile, acceptedSums);
  return {
    score: meanScore(),
    status: MEAN_STATE.status,
    weighted: MEAN_STATE.weighted,
    weightSum: MEAN_STATE.weighted ? MEAN[1] : null,
    warnings: MEAN_STATE.warnings,
    errors: MEAN_STATE.errors,
    num: MEAN[2],
    den: MEAN[3],
  };
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
      used.push({
        id: c.id,
        code: c.code,
        weight: weighted ? (typeof w === 'number' ? w : null) : null,
        score: c.score as number,
      });
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

/** docs/scoring.md §5.7: achieved = s ≥ p; null when s is null or there is no pass mark. Never rescales s. */
export function achievedOf(score: number | null, passMark: number | null | undefined): boolean | null {
  if (score === null || passMark === null || passMark === undefined) return null;
  return score >= passMark - PASS_EPS;
}

export function makeSubject(s: Partial<Subject> | undefined, fallbackType: Subject['type']): Subject {
  if (!s) return { type: fallbackType, id: '' };
  return { type: s.type || fallbackType, id: s.id || '', code: s.code, year: s.year, checkpoint: s.checkpoint };
}

/** Text of a mean: "mean: (…)/(…) = 0.8556 → 86% [1.4 excluded: no scored child]". */
export function meanText(
  rule: string,
  core: MeanCore,
  formula: string | null,
  display: string | null,
  excluded: readonly ExcludedChild[],
): string {
  const suffix = excludedSuffix(excluded);
  if (core.status === 'invalid') return rule + ': invalid (' + core.errors.join(', ') + ')' + suffix;
  if (core.score === null) return rule + ': no scored child → blank' + suffix;
  return rule + ': ' + formula + ' = ' + f(core.score) + ' → ' + display + suffix;
}

/**
 * The result of `aggregate`: plain, read-only fields computed eagerly; `explanation` built on first access and
 * memoized (children used/excluded, formula and text cost more than the mean itself on large roll-ups), `display`
 * too. `JSON.stringify` includes both; use `toPlain` before structured cloning or spreading.
 */
export class AggregateRecord implements AggregateResult {
  readonly id: string;
  readonly code: string | undefined;
  readonly status: AggregateStatus;
  readonly score: number | null;
  readonly weightSum: number | null;
  readonly passMark: number | null;
  readonly achieved: boolean | null;
  readonly warnings: readonly string[];
  readonly errors: readonly string[];
  #children: readonly AggregateChild[];
  #weights: ReadonlyArray<number | null | undefined> | undefined;
  #options: AggregateOptions;
  #profile: ScoringProfile;
  #display: string | null | undefined;
  #explanation: AggregateExplanation | undefined;

  /** Reads the mean just computed by `meanInto(children, weights, profile, …)`. */
  constructor(
    children: readonly AggregateChild[],
    weights: ReadonlyArray<number | null | undefined> | undefined,
    options: AggregateOptions,
    profile: ScoringProfile,
  ) {
    const subject = options.subject;
    const score = meanScore();
    this.id = (subject && subject.id) || '';
    this.code = subject && subject.code;
    this.status = MEAN_STATE.status;
    this.score = score;
    this.weightSum = MEAN_STATE.weighted ? MEAN[1] : null;
    const passMark = options.passMark === undefined ? null : options.passMark;
    this.passMark = passMark;
    this.achieved = achievedOf(score, passMark);
    this.warnings = MEAN_STATE.warnings;
    this.errors = MEAN_STATE.errors;
    this.#children = children;
    this.#weights = weights;
    this.#options = options;
    this.#profile = profile;
    this.#display = undefined;
    this.#explanation = undefined;
  }

  /**
   * Integer % ("86%"), null when the score is null: formatted on first read and memoized. A getter like
   * `explanation`: JSON.stringify and toPlain include it, object spread does not.
   */
  get display(): string | null {
    let d = this.#display;
    if (d === undefined) {
      d = formatScore(this.score, this.#options.displayAs || 'aggregate', this.#profile);
      this.#display = d;
    }
    return d;
  }

  get explanation(): AggregateExplanation {
    let e = this.#explanation;
    if (!e) {
      const options = this.#options;
      // the mean again (pure, from the same copied lists): its sums are needed for the formula only
      const core = meanCore(this.#children, this.#weights, this.#profile, options.acceptedWeightSums || DEFAULT_SUMS);
      const { used, excluded } = meanDetails(
        this.#children,
        this.#weights,
        core.weighted,
        options.unscoredReason || 'no scored child',
      );
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
 * docs/scoring.md §5.5 aggregate of any level: operational objective (its indicators), perspective (its strategic objectives),
 * plan (its perspectives), dashboard group, unit, … IndicatorResult and AggregateResult objects are children as
 * they are (equal weights), or give weights through `child.weight` or `options.weights`.
 */
export function aggregate(children: readonly AggregateChild[], options: AggregateOptions = {}): AggregateResult {
  const profile = options.profile || DEFAULT_PROFILE;
  // copies of the lists (not of the children): the explanation is built later from them
  const kids = children.slice();
  const weights = options.weights ? options.weights.slice() : undefined;
  meanInto(kids, weights, profile, options.acceptedWeightSums || DEFAULT_SUMS);
  return new AggregateRecord(kids, weights, options, profile);
}
