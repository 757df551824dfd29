/**
 * The explanation of an indicator's result (§5.12): subject, inputs, formula with values substituted, and text.
 * Built on first access of a result's `explanation`, by re-running the same pure rule with formula building on.
 */
import { excludedSuffix, meanDetails, meanFormula, type MeanCore } from './aggregate';
import { formatNumber as f } from './display';
import { profileLabel } from './profiles';
import { ruleContext, runRule } from './rules';
import { targetPresent } from './status';
import type {
  ActualInput,
  IndicatorExplanation,
  IndicatorInput,
  IndicatorResult,
  ManualExplanation,
  Polarity,
  RuleMode,
  RuleName,
  ScoreContext,
  ScoringProfile,
  SubjectType,
  TargetExplanation,
  TargetInput,
} from './types';

/** A project's activity roll-up, kept for its explanation. */
export type ProjectDetail = {
  readonly results: readonly IndicatorResult[];
  readonly weights: ReadonlyArray<number | null | undefined>;
  readonly core: MeanCore;
};

function targetExplanation(t: TargetInput | undefined): TargetExplanation | null {
  if (!t) return null;
  const v = t.value;
  return {
    raw: v.raw,
    value: v.value,
    kind: v.kind,
    unit: v.unit,
    comparator: v.comparator,
    mode: t.mode,
    revision: t.revision,
    original: t.original || null,
  };
}

function manualExplanation(a: ActualInput | undefined, rule: RuleName | null): ManualExplanation | null {
  if (rule !== 'manual' || !a) return null;
  return { score: a.manualScore, justification: a.justification, author: a.author, at: a.at };
}

/** The rule prefix of the explanation text: "ratio", "bands/linear", … */
function rulePrefix(rule: RuleName, mode: RuleMode | null): string {
  return rule === 'bands' && mode ? 'bands/' + mode : rule;
}

export function explain(
  r: IndicatorResult,
  input: IndicatorInput,
  ctx: ScoreContext,
  type: SubjectType,
  polarity: Polarity,
  profile: ScoringProfile,
  project: ProjectDetail | undefined,
): IndicatorExplanation {
  const actual = input.actual;
  let formula: string | null = null;
  let bands: ReadonlyArray<readonly [number | string, number]> | null = null;
  let text: string;
  let details: { used: IndicatorExplanation['used']; excluded: IndicatorExplanation['excluded'] } | undefined;
  let suffix = '';
  if (project) {
    const d = meanDetails(project.results, project.weights, project.core.weighted, 'not scored');
    details = d;
    suffix = excludedSuffix(d.excluded);
    formula = meanFormula(d.used, project.core);
  }
  switch (r.status) {
    case 'monitoring':
      text = 'monitoring: not scored' + (r.display !== null ? ' (value ' + r.display + ')' : '');
      break;
    case 'neutralised':
      text =
        'neutralised: excluded (' +
        (actual && actual.neutralisationReason ? actual.neutralisationReason.trim() : '') +
        ')';
      break;
    case 'not_applicable':
      text = (project ? 'not applicable: no scored activity' : 'not applicable: no target and no actual') + suffix;
      break;
    case 'missing':
      text = (project ? 'missing: no scored activity' : 'missing: no actual') + suffix;
      break;
    case 'invalid':
      text = 'invalid: ' + r.errors.join(', ') + suffix;
      break;
    default:
      if (project) {
        text = 'project: ' + formula + ' = ' + f(r.score as number) + ' → ' + r.display + suffix;
      } else {
        const target = input.target;
        const o = runRule(
          r.rule as RuleName,
          ruleContext(
            targetPresent(target) ? target!.value : undefined,
            target && target.thresholds,
            actual,
            polarity,
            profile,
            true,
          ),
        );
        formula = o.formula;
        bands = o.bands || null;
        text = rulePrefix(r.rule as RuleName, r.mode) + ': ' + formula + ' = ' + r.display;
      }
  }
  return {
    subject: { type, id: input.id, code: input.code, year: ctx.year, checkpoint: ctx.checkpoint },
    status: r.status,
    rule: r.rule,
    mode: r.mode,
    polarity,
    ...(input.polarityConfirmed === false ? { polarityInferred: { evidence: input.polarityEvidence ?? null } } : {}),
    inputs: {
      actual: (actual && actual.value) || null,
      target: targetExplanation(input.target),
      bands,
      manual: manualExplanation(actual, r.rule),
      notCompleted: !!(actual && actual.notCompleted),
      neutralisationReason: (actual && actual.neutralised && actual.neutralisationReason) || null,
    },
    formula,
    text,
    score: r.score,
    attainment: r.attainment,
    display: r.display,
    profile: profileLabel(profile),
    warnings: r.warnings,
    errors: r.errors,
    used: details && details.used,
    excluded: details && details.excluded,
  };
}
