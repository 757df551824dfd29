/**
 * Strategic objective (docs/scoring.md §5.6): own indicators plus contributing operational objectives, and pass mark (docs/scoring.md §5.7).
 *
 * Own = A(own children, their weights); Ops = A(linked operational objectives, link weights, equal if absent).
 * Both non-null → s = ownShare·Own + (1 − ownShare)·Ops, ownShare from the objective, else the profile (0.5).
 * One null (both kinds present) → the other stands alone + COMPONENT_EMPTY. Only one kind of child → that
 * component is the score (Bergamo: own indicators; Sondrio: operational objectives).
 * Own weights may be written as shares of the whole objective (15+15+5+5+10 = 50): they are relative, and the sum
 * check of that component accepts 100 or ownShare × 100.
 * Weight errors inside a component (WEIGHT_MISSING, …) are errors of this objective's own edges: it is invalid.
 */
import { achievedOf, aggregate, excludedSuffix, plainAggregate } from './aggregate';
import { formatNumber as f, formatScore } from './display';
import { DEFAULT_PROFILE, profileLabel } from './profiles';
import type {
  AggregateExplanation,
  AggregateResult,
  StrategicObjectiveInput,
  StrategicResult,
} from './aggregate-types';
import type { AggregateStatus, Checkpoint, ExcludedChild, ScoringProfile, UsedChild } from './types';
import { pushUnique } from './util';

export type StrategicOptions = {
  readonly profile?: ScoringProfile;
  readonly year?: number;
  readonly checkpoint?: Checkpoint;
};

/** The warnings and errors of a component, each once. */
function addCodes(warnings: string[], errors: string[], c: AggregateResult): void {
  const w = c.warnings;
  for (let i = 0; i < w.length; i++) pushUnique(warnings, w[i]);
  const e = c.errors;
  for (let i = 0; i < e.length; i++) pushUnique(errors, e[i]);
}

export function scoreStrategicObjective(
  input: StrategicObjectiveInput,
  options: StrategicOptions = {},
): StrategicResult {
  const profile = options.profile || DEFAULT_PROFILE;
  const ownShare = input.ownShare === undefined || input.ownShare === null ? profile.ownShare : input.ownShare;
  const warnings: string[] = [];
  const errors: string[] = [];
  const passMark = input.passMark === undefined ? null : input.passMark;

  const hasOwn = !!input.own && input.own.length > 0;
  const hasOps = !!input.contributions && input.contributions.length > 0;
  const own = hasOwn
    ? aggregate(input.own!, {
        profile,
        subject: { type: 'aggregate', id: input.id + '#own', code: input.code ? input.code + ' own' : undefined },
        acceptedWeightSums: [100, ownShare * 100],
        displayAs: 'aggregate',
      })
    : null;
  const ops = hasOps
    ? aggregate(input.contributions!, {
        profile,
        subject: {
          type: 'aggregate',
          id: input.id + '#contributions',
          code: input.code ? input.code + ' contributions' : undefined,
        },
      })
    : null;

  if (!(ownShare >= 0 && ownShare <= 1)) errors.push('OWN_SHARE_OUT_OF_RANGE');
  if (own) addCodes(warnings, errors, own);
  if (ops) addCodes(warnings, errors, ops);

  let score: number | null = null;
  let status: AggregateStatus;
  const ownS = own ? own.score : null;
  const opsS = ops ? ops.score : null;
  if (errors.length > 0) {
    status = 'invalid';
  } else if (ownS !== null && opsS !== null) {
    score = ownShare * ownS + (1 - ownShare) * opsS;
    status = 'scored';
  } else if (ownS !== null || opsS !== null) {
    score = (ownS !== null ? ownS : opsS) as number;
    if (hasOwn && hasOps) warnings.push('COMPONENT_EMPTY');
    status = 'scored';
  } else {
    status = 'empty';
  }

  return new StrategicRecord(input, options, profile, ownShare, passMark, status, score, warnings, errors, own, ops);
}

/**
 * The result of `scoreStrategicObjective`: plain, read-only data fields computed eagerly (object spread copies
 * them); `explanation` (children used and excluded, formula, text) is built on first read and memoized. A class
 * and not an object literal with an accessor: such a literal is a dictionary-mode object with two new closures per
 * objective, which cost ten times the mean itself on a large roll-up. `JSON.stringify` (toJSON) and `toPlain`
 * include the explanation, in the key order of the former literal.
 */
export class StrategicRecord implements StrategicResult {
  readonly id: string;
  readonly code: string | undefined;
  readonly status: AggregateStatus;
  readonly score: number | null;
  readonly display: string | null;
  readonly weightSum: null;
  readonly passMark: number | null;
  readonly achieved: boolean | null;
  readonly warnings: readonly string[];
  readonly errors: readonly string[];
  readonly ownShare: number;
  readonly own: AggregateResult | null;
  readonly contributions: AggregateResult | null;
  #year: number | undefined;
  #checkpoint: Checkpoint | undefined;
  #profile: ScoringProfile;
  #explanation: AggregateExplanation | undefined;

  constructor(
    input: StrategicObjectiveInput,
    options: StrategicOptions,
    profile: ScoringProfile,
    ownShare: number,
    passMark: number | null,
    status: AggregateStatus,
    score: number | null,
    warnings: string[],
    errors: string[],
    own: AggregateResult | null,
    ops: AggregateResult | null,
  ) {
    this.id = input.id;
    this.code = input.code;
    this.status = status;
    this.score = score;
    this.display = formatScore(score, 'aggregate', profile);
    this.weightSum = null;
    this.passMark = passMark;
    this.achieved = achievedOf(score, passMark);
    this.warnings = warnings;
    this.errors = errors;
    this.ownShare = ownShare;
    this.own = own;
    this.contributions = ops;
    this.#year = options.year;
    this.#checkpoint = options.checkpoint;
    this.#profile = profile;
    this.#explanation = undefined;
  }

  get explanation(): AggregateExplanation {
    let e = this.#explanation;
    if (e === undefined) {
      e = strategicExplanation(this, this.#year, this.#checkpoint, this.#profile);
      this.#explanation = e;
    }
    return e;
  }

  set explanation(value: AggregateExplanation) {
    this.#explanation = value;
  }

  toJSON(): StrategicResult {
    return plainStrategic(this);
  }
}

/**
 * A plain-object copy of a strategic result, explanation materialized, keys in the order of the former literal;
 * the two components stay as they are (JSON.stringify and toPlain convert them).
 */
export function plainStrategic(r: StrategicResult): StrategicResult {
  return { ...plainAggregate(r), ownShare: r.ownShare, own: r.own, contributions: r.contributions };
}

/** The explanation of a strategic objective (children used and excluded, formula, text), from its result. */
function strategicExplanation(
  r: StrategicResult,
  year: number | undefined,
  checkpoint: Checkpoint | undefined,
  profile: ScoringProfile,
): AggregateExplanation {
  const { status, score, display, passMark, achieved, warnings, errors, ownShare, own } = r;
  const ops = r.contributions;
  const hasOwn = own !== null;
  const hasOps = ops !== null;
  const ownS = own ? own.score : null;
  const opsS = ops ? ops.score : null;
  const used: UsedChild[] = [];
  const excluded: ExcludedChild[] = [];
  let formula: string | null = null;
  if (status === 'invalid') {
    // nothing used
  } else if (ownS !== null && opsS !== null) {
    used.push({ id: 'own', weight: ownShare, score: ownS }, { id: 'contributions', weight: 1 - ownShare, score: opsS });
    formula = f(ownShare) + '×' + f(ownS) + ' + ' + f(1 - ownShare) + '×' + f(opsS);
  } else if (ownS !== null || opsS !== null) {
    const alone = ownS !== null ? 'own' : 'contributions';
    if (hasOwn && hasOps) {
      used.push({ id: alone, weight: null, score: score as number });
      formula = alone + ' = ' + f(score as number);
      excluded.push({ id: ownS !== null ? 'contributions' : 'own', reason: 'no scored child' });
    } else {
      // One kind of child only (docs/scoring.md §5.6): that component is the score, so its children are this objective's children.
      const component = (own ?? ops)!.explanation;
      used.push(...component.used);
      excluded.push(...component.excluded);
      formula = component.formula;
    }
  } else if (hasOwn && hasOps) {
    if (own) excluded.push({ id: 'own', reason: 'no scored child' });
    if (ops) excluded.push({ id: 'contributions', reason: 'no scored child' });
  } else if (own ?? ops) {
    excluded.push(...(own ?? ops)!.explanation.excluded);
  }
  const suffix = excludedSuffix(excluded);
  const text =
    status === 'invalid'
      ? 'strategic: invalid (' + errors.join(', ') + ')'
      : score === null
        ? 'strategic: no scored child → blank' + suffix
        : 'strategic: ' + formula + ' = ' + f(score) + ' → ' + display + suffix;
  return {
    subject: { type: 'strategic_objective', id: r.id, code: r.code, year, checkpoint },
    status,
    rule: 'strategic',
    weighting: 'weighted',
    used,
    excluded,
    formula,
    text,
    score,
    display,
    passMark,
    achieved,
    profile: profileLabel(profile),
    warnings,
    errors,
  };
}

/**
 * Pass mark of any aggregate (docs/scoring.md §5.7): a plain copy with achieved = s ≥ p (null when s is null); s is never
 * rescaled.
 */
export function withPassMark(result: AggregateResult, passMark: number | null): AggregateResult {
  const achieved = achievedOf(result.score, passMark);
  const plain = plainAggregate(result);
  return { ...plain, passMark, achieved, explanation: { ...plain.explanation, passMark, achieved } };
}
