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
  for (const c of [own, ops]) {
    if (!c) continue;
    for (const w of c.warnings) pushUnique(warnings, w);
    for (const e of c.errors) pushUnique(errors, e);
  }

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

  const display = formatScore(score, 'aggregate', profile);
  const achieved = achievedOf(score, passMark);

  const id = input.id;
  const code = input.code;
  const year = options.year;
  const checkpoint = options.checkpoint;
  /** The explanation (children used and excluded, formula, text): built on first read, see below. */
  const build = (): AggregateExplanation => {
    const used: UsedChild[] = [];
    const excluded: ExcludedChild[] = [];
    let formula: string | null = null;
    if (status === 'invalid') {
      // nothing used
    } else if (ownS !== null && opsS !== null) {
      used.push(
        { id: 'own', weight: ownShare, score: ownS },
        { id: 'contributions', weight: 1 - ownShare, score: opsS },
      );
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
      subject: { type: 'strategic_objective', id, code, year, checkpoint },
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
  };
  let explanation: AggregateExplanation | undefined;

  // A plain object, as before, whose `explanation` is an own enumerable accessor that builds it on first read and
  // memoizes it: JSON.stringify, toPlain, structuredClone and object spread all read it like a data property.
  return {
    id,
    code,
    status,
    score,
    display,
    weightSum: null,
    passMark,
    achieved,
    warnings,
    errors,
    get explanation(): AggregateExplanation {
      if (explanation === undefined) explanation = build();
      return explanation;
    },
    set explanation(value: AggregateExplanation) {
      explanation = value;
    },
    ownShare,
    own,
    contributions: ops,
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
