/**
 * scoreIndicator: one (indicator, year, checkpoint) → one status, score and explanation (§5.2, §5.3, §5.12).
 * Never throws on bad data, never substitutes 0 for a missing or invalid value.
 *
 * Status, score, attainment, display, rule, mode, warnings and errors are computed eagerly; the explanation
 * (subject, inputs, formula with values substituted, text) is built on first access of `explanation` by re-running
 * the same pure rule with formula building on, and memoized. Inputs must therefore not be mutated after scoring.
 */
import { excludedSuffix, meanDetails, meanFormula, type MeanCore } from './aggregate';
import { formatNumber as f, formatScore } from './display';
import { DEFAULT_PROFILE, profileLabel } from './profiles';
import { resolvePolarity, resolveRule } from './resolve';
import { booleanRule } from './rules/boolean';
import { bandsRule } from './rules/bands';
import { fail, type RuleArgs, type RuleOutcome } from './rules/common';
import { deadlineRule } from './rules/deadline';
import { inverseRule } from './rules/inverse';
import { manualRule } from './rules/manual';
import { isMonitoring, monitoringDisplay } from './rules/monitoring';
import { projectActivities, projectCompletion } from './rules/project';
import { ratioRule } from './rules/ratio';
import { actualPresent, neutralisation, targetEmpty, targetPresent } from './status';
import type {
  ActualInput,
  IndicatorExplanation,
  IndicatorInput,
  IndicatorResult,
  IndicatorStatus,
  ManualExplanation,
  ParsedValue,
  Polarity,
  RuleMode,
  RuleName,
  ScoreContext,
  ScoringProfile,
  SubjectType,
  TargetExplanation,
  TargetInput,
  ThresholdInput,
} from './types';
import { addCode, EMPTY_LIST } from './util';

function runRule(rule: RuleName, args: RuleArgs): RuleOutcome {
  switch (rule) {
    case 'ratio':
      return ratioRule(args);
    case 'inverse':
      return inverseRule(args);
    case 'deadline':
      return deadlineRule(args);
    case 'boolean':
      return booleanRule(args);
    case 'bands':
      return bandsRule(args);
    case 'manual':
      return manualRule(args);
    case 'project':
      return projectCompletion(args);
    default:
      // an unknown rule name (or polarity) from an untyped caller: invalid, never a throw
      return fail('RULE_UNKNOWN');
  }
}

function ruleArgs(input: IndicatorInput, polarity: Polarity, profile: ScoringProfile, explain: boolean): RuleArgs {
  const target = input.target;
  return {
    target: targetPresent(target) ? target!.value : undefined,
    thresholds: target && target.thresholds,
    actual: input.actual,
    polarity,
    profile,
    explain,
  };
}

/** A project's activity roll-up, kept for its explanation. */
type ProjectDetail = {
  readonly results: readonly IndicatorResult[];
  readonly weights: ReadonlyArray<number | null | undefined>;
  readonly core: MeanCore;
};

/**
 * The result of `scoreIndicator`: plain, read-only fields; `explanation` is computed on first access and
 * memoized. `JSON.stringify` includes it; use `toPlain` before structured cloning or spreading.
 */
export class IndicatorRecord implements IndicatorResult {
  readonly id: string;
  readonly code: string | undefined;
  readonly status: IndicatorStatus;
  readonly score: number | null;
  readonly attainment: number | null;
  readonly display: string | null;
  readonly rule: RuleName | null;
  readonly mode: RuleMode | null;
  readonly warnings: readonly string[];
  readonly errors: readonly string[];
  readonly activities: readonly IndicatorResult[] | undefined;
  #input: IndicatorInput;
  #ctx: ScoreContext;
  #type: SubjectType;
  #project: ProjectDetail | undefined;
  #explanation: IndicatorExplanation | undefined;

  constructor(
    input: IndicatorInput,
    ctx: ScoreContext,
    type: SubjectType,
    status: IndicatorStatus,
    rule: RuleName | null,
    mode: RuleMode | null,
    score: number | null,
    attainment: number | null,
    display: string | null,
    warnings: readonly string[],
    errors: readonly string[],
    project?: ProjectDetail,
  ) {
    this.id = input.id;
    this.code = input.code;
    this.status = status;
    this.score = score;
    this.attainment = attainment;
    this.display = display;
    this.rule = rule;
    this.mode = mode;
    this.warnings = warnings;
    this.errors = errors;
    this.activities = project && project.results;
    this.#input = input;
    this.#ctx = ctx;
    this.#type = type;
    this.#project = project;
    this.#explanation = undefined;
  }

  get explanation(): IndicatorExplanation {
    let e = this.#explanation;
    if (!e) {
      const input = this.#input;
      const ctx = this.#ctx;
      e = explain(this, input, ctx, this.#type, resolvePolarity(input), ctx.profile || DEFAULT_PROFILE, this.#project);
      this.#explanation = e;
    }
    return e;
  }

  toJSON(): IndicatorResult {
    return plainIndicator(this);
  }
}

/** A plain-object copy of an indicator result (explanation materialized, activities converted too). */
export function plainIndicator(r: IndicatorResult): IndicatorResult {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    score: r.score,
    attainment: r.attainment,
    display: r.display,
    rule: r.rule,
    mode: r.mode,
    warnings: r.warnings,
    errors: r.errors,
    explanation: r.explanation,
    activities: r.activities && r.activities.map(plainIndicator),
  };
}

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

function explain(
  r: IndicatorRecord,
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
      text = 'neutralised: excluded (' + (actual && actual.neutralisationReason ? actual.neutralisationReason.trim() : '') + ')';
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
        const o = runRule(r.rule as RuleName, ruleArgs(input, polarity, profile, true));
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

/** Parsed-value warnings passed through (INVALID_DATE becomes an error where the value is used). */
function valueWarnings(v: ParsedValue | undefined, list: string[]): string[] {
  if (!v) return list;
  const w = v.warnings;
  if (!w || w.length === 0) return list;
  for (let i = 0; i < w.length; i++) if (w[i] !== 'INVALID_DATE') list = addCode(list, w[i]);
  return list;
}

function inputWarnings(input: IndicatorInput): string[] {
  let list = EMPTY_LIST;
  if (input.polarityConfirmed === false) list = addCode(list, 'POLARITY_UNCONFIRMED');
  const target = input.target;
  if (target) {
    list = valueWarnings(target.value, list);
    const th = target.thresholds;
    if (th) for (let i = 0; i < th.length; i++) list = valueWarnings(th[i].value, list);
  }
  if (input.actual) list = valueWarnings(input.actual.value, list);
  return list;
}

function addAll(list: string[], codes: readonly string[]): string[] {
  for (let i = 0; i < codes.length; i++) list = addCode(list, codes[i]);
  return list;
}

/**
 * Score one indicator for (year, checkpoint). Status order (§5.2.2): monitoring, neutralised, not_applicable,
 * missing, invalid, scored. Rule resolution: §5.2.3 (see resolveRule).
 */
export function scoreIndicator(input: IndicatorInput, ctx: ScoreContext): IndicatorResult {
  return scoreAs(input, ctx, 'indicator');
}

function scoreAs(input: IndicatorInput, ctx: ScoreContext, type: SubjectType): IndicatorResult {
  const profile = ctx.profile || DEFAULT_PROFILE;
  const target = input.target;
  const actual = input.actual;
  let warnings = inputWarnings(input);

  // 1. monitoring: never scored; the value is shown as is
  if (isMonitoring(input, target)) {
    return new IndicatorRecord(input, ctx, type, 'monitoring', 'monitoring', null, null, null, monitoringDisplay(actual), warnings, EMPTY_LIST);
  }
  // 2. neutralised: flag with a non-empty reason; excluded, not zero
  const neut = neutralisation(actual);
  if (neut === 'reason_missing') {
    return new IndicatorRecord(input, ctx, type, 'invalid', null, null, null, null, null, warnings, ['NEUTRALISATION_REASON_MISSING']);
  }
  if (neut === 'valid') return new IndicatorRecord(input, ctx, type, 'neutralised', null, null, null, null, null, warnings, EMPTY_LIST);

  const rule = resolveRule(input, target);
  if (rule === 'project' && input.activities && input.activities.length > 0) return scoreProject(input, ctx, type, profile, warnings);
  if (rule === 'monitoring') {
    return new IndicatorRecord(input, ctx, type, 'monitoring', rule, null, null, null, monitoringDisplay(actual), warnings, EMPTY_LIST);
  }

  const hasTarget = targetPresent(target);
  if (!hasTarget && ctx.checkpoint === '31/12' && targetEmpty(target)) warnings = addCode(warnings, 'NO_TARGET');
  const hasActual = actualPresent(actual, rule);
  // 3. not_applicable: no target and no actual
  if (!hasTarget && !hasActual) return new IndicatorRecord(input, ctx, type, 'not_applicable', rule, null, null, null, null, warnings, EMPTY_LIST);
  // 4. missing: target present, no actual
  if (!hasActual) return new IndicatorRecord(input, ctx, type, 'missing', rule, null, null, null, null, warnings, EMPTY_LIST);
  // 5. invalid: an actual without any target (manual needs none)
  if (!hasTarget && rule !== 'manual') {
    return new IndicatorRecord(input, ctx, type, 'invalid', rule, null, null, null, null, warnings, ['TARGET_MISSING']);
  }

  // 6. the rule (its preconditions may still make it invalid)
  const o = runRule(rule, ruleArgs(input, resolvePolarity(input, target), profile, false));
  if (o.errors !== null || o.score === null) {
    return new IndicatorRecord(input, ctx, type, 'invalid', rule, o.mode, null, null, null, warnings, addAll(EMPTY_LIST, o.errors || EMPTY_LIST));
  }
  if (o.warning !== null) warnings = addCode(warnings, o.warning);
  if (o.attainment !== null && o.attainment >= profile.overachievementWarnAt) warnings = addCode(warnings, 'OVERACHIEVEMENT');
  const display = formatScore(o.score, 'indicator', profile);
  return new IndicatorRecord(input, ctx, type, 'scored', rule, o.mode, o.score, o.attainment, display, warnings, EMPTY_LIST);
}

/** `project` with activities: weighted mean of the scored activities (§5.3, §5.5), each with its own rule. */
function scoreProject(input: IndicatorInput, ctx: ScoreContext, type: SubjectType, profile: ScoringProfile, warnings: string[]): IndicatorResult {
  const acts = input.activities!;
  const results: IndicatorResult[] = new Array(acts.length);
  const weights: Array<number | null | undefined> = new Array(acts.length);
  for (let i = 0; i < acts.length; i++) {
    results[i] = scoreAs(acts[i], ctx, 'activity');
    weights[i] = acts[i].weight;
  }
  const out = projectActivities(results, weights, profile);
  const core = out.core;
  warnings = addAll(warnings, core.warnings);
  const detail: ProjectDetail = { results, weights, core };
  if (out.status === 'scored') {
    const display = formatScore(core.score, 'indicator', profile);
    return new IndicatorRecord(input, ctx, type, 'scored', 'project', 'activities', core.score, null, display, warnings, EMPTY_LIST, detail);
  }
  return new IndicatorRecord(input, ctx, type, out.status, 'project', 'activities', null, null, null, warnings, addAll(EMPTY_LIST, out.errors), detail);
}
