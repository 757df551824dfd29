/**
 * `project` (docs/scoring.md §5.3): a project with activities scores the weighted mean of its scored activities under docs/scoring.md §5.5
 * (renormalised, equal weights if none declared, null if none scored); each activity has its own rule.
 * A project indicator recording only an overall completion % (no activities) uses `ratio` against that year's
 * completion target (e.g. 30%).
 */
import { meanCore, type MeanCore } from '../aggregate';
import type { IndicatorResult, IndicatorStatus, ScoringProfile } from '../types';
import { addCode, EMPTY_LIST } from '../util';
import { withMode, type Rule, type RuleContext, type RuleOutcome } from './common';
import { ratioRule, ratioScore } from './ratio';

const SUMS: readonly number[] = Object.freeze([100]);

export const projectRule: Rule = { name: 'project', needs: ratioRule.needs, score: projectCompletion };

/** Without activities: `ratio` against the year's completion target, with mode `completion`. */
function projectCompletion(ctx: RuleContext): RuleOutcome {
  return withMode(ratioScore(ctx), 'completion');
}

export type ProjectOutcome = {
  core: MeanCore;
  status: Extract<IndicatorStatus, 'scored' | 'invalid' | 'missing' | 'not_applicable'>;
  errors: string[];
};

/**
 * Status of the project: scored when at least one activity is scored (invalid activities → CHILD_INVALID);
 * invalid on weight errors, or when no activity is scored and some are invalid (their errors are reported);
 * missing when no activity is scored and some lack an actual; not_applicable otherwise.
 */
export function projectActivities(
  results: readonly IndicatorResult[],
  weights: ReadonlyArray<number | null | undefined>,
  profile: ScoringProfile,
): ProjectOutcome {
  const core = meanCore(results, weights, profile, SUMS);
  if (core.status === 'scored') return { core, status: 'scored', errors: core.errors };
  if (core.status === 'invalid') return { core, status: 'invalid', errors: core.errors };
  let anyMissing = false;
  let childErrors = EMPTY_LIST;
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (r.status === 'missing') anyMissing = true;
    else if (r.status === 'invalid')
      for (let j = 0; j < r.errors.length; j++) childErrors = addCode(childErrors, r.errors[j]);
  }
  if (anyMissing) return { core, status: 'missing', errors: childErrors };
  if (childErrors.length > 0) return { core, status: 'invalid', errors: childErrors };
  return { core, status: 'not_applicable', errors: childErrors };
}
