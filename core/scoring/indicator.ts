/**
 * scoreIndicator: one (indicator, year, checkpoint) → one status, score and explanation (docs/scoring.md §5.2, §5.3, §5.12).
 * Never throws on bad data, never substitutes 0 for a missing or invalid value.
 *
 * Status, score, attainment, rule, mode, warnings and errors are computed eagerly; the explanation (subject,
 * inputs, formula with values substituted, text) is built on first access of `explanation` by re-running the same
 * pure rule with formula building on, and memoized; the display of a score is formatted on first access of
 * `display`. Inputs must therefore not be mutated after scoring.
 */
import { IndicatorRecord, RecordSource } from './indicator-record';
import { addAll, inputWarnings, quietInput, quietThresholds } from './indicator-warnings';
import {
  numericRow,
  plainNumber,
  ROW_GENERAL,
  ROW_NUM,
  ROW_POINTS,
  ROW_SCORES,
  ROW_VALS,
  RULE_OF_ROW,
  scoreNumeric,
} from './numeric-row';
import { DEFAULT_PROFILE } from './profiles';
import { resolvePolarity, resolveRule } from './resolve';
import { needsTarget, RULES, ruleContext, runRule } from './rules';
import { outcomeAttainment, outcomeScore, type RuleOutcome } from './rules/common';
import { isMonitoring, monitoringDisplay } from './rules/monitoring';
import { projectActivities } from './rules/project';
import { actualPresent, neutralisation, targetEmpty, targetPresent } from './status';
import type {
  IndicatorStatus,
  IndicatorInput,
  IndicatorResult,
  RuleName,
  ScoreContext,
  ScoringProfile,
  SubjectType,
} from './types';
import { addCode, EMPTY_LIST } from './util';

/** The rules of the fast path of `scoreAs`, looked up once. */
const scoreBands = RULES.bands.score!;
const scoreRatio = RULES.ratio.score!;
const scoreInverse = RULES.inverse.score!;

/**
 * Score one indicator for (year, checkpoint). Status order (docs/scoring.md §5.2.2): monitoring, neutralised, not_applicable,
 * missing, invalid, scored. Rule resolution: docs/scoring.md §5.2.3 (see resolveRule).
 */
export function scoreIndicator(input: IndicatorInput, ctx: ScoreContext): IndicatorResult {
  return scoreAs(input, ctx, 'indicator');
}

/**
 * Scoring of one (indicator or activity). A numeric row (numeric-row.ts: a scored numeric target and actual, no
 * rule or flag, a ratio / inverse / bands rule whose preconditions hold) is scored from its numbers, as the column
 * engine scores it; the status tests it skips (docs/scoring.md §5.2.2 steps 1–5) cannot apply to it:
 * - monitoring: mode is not `monitoring`, the target is a number (not the "monitoraggio" placeholder), no rule;
 * - neutralised: no flag; not_applicable / missing: target and actual are both numbers (present, not a "-", "n.d."
 *   or empty cell) and there is no "not completed" marker; invalid for lack of a target: there is one.
 * The same common case with a precondition that fails goes straight to its rule (which gives the error); everything
 * else (and every such case's explanation) goes through `scoreGeneral`, the sequence of docs/scoring.md §5.2.2 as
 * written.
 */
function scoreAs(input: IndicatorInput, ctx: ScoreContext, type: SubjectType): IndicatorResult {
  const kind = numericRow(input);
  if (kind !== ROW_GENERAL) {
    const profile = ctx.profile || DEFAULT_PROFILE;
    const o = scoreNumeric(kind, ROW_NUM[0], ROW_NUM[1], ROW_VALS, ROW_SCORES, 0, ROW_POINTS[0], profile);
    return recordOf(
      input,
      type === 'indicator' ? ctx : new RecordSource(ctx, type, undefined),
      profile,
      RULE_OF_ROW[kind]!,
      o,
      quietInput(input) ? EMPTY_LIST : inputWarnings(input),
    );
  }
  // the common case's inputs that a rule refuses (an error), or with a polarity no numeric rule has
  const target = input.target;
  const actual = input.actual;
  if (target === undefined || actual === undefined) return scoreGeneral(input, ctx, type);
  // the values and their warning lists are read together, early: on a large roll-up the inputs are not in cache,
  // and independent reads issued close together overlap their latencies
  const tv = target.value;
  const av = actual.value;
  if (
    target.mode !== 'monitoring' &&
    !target.rule &&
    !input.rule &&
    !actual.neutralised &&
    !actual.notCompleted &&
    plainNumber(tv) &&
    plainNumber(av)
  ) {
    const tw = tv.warnings;
    const aw = av.warnings;
    const quiet = (!tw || tw.length === 0) && (!aw || aw.length === 0) && input.polarityConfirmed !== false;
    const polarity = target.polarity || input.polarity;
    const th = target.thresholds;
    const profile = ctx.profile || DEFAULT_PROFILE;
    let o: RuleOutcome | undefined;
    let rule: RuleName;
    if (th && th.length > 0) {
      rule = 'bands';
      o = scoreBands(ruleContext(tv, th, actual, polarity, profile, false));
    } else if (polarity === 'higher') {
      rule = 'ratio';
      o = scoreRatio(ruleContext(tv, th, actual, polarity, profile, false));
    } else if (polarity === 'lower') {
      rule = 'inverse';
      o = scoreInverse(ruleContext(tv, th, actual, polarity, profile, false));
    } else {
      return scoreGeneral(input, ctx, type);
    }
    // inputWarnings, without re-reading what is known to be empty
    const warnings = quiet && quietThresholds(th) ? EMPTY_LIST : inputWarnings(input);
    return recordOf(
      input,
      type === 'indicator' ? ctx : new RecordSource(ctx, type, undefined),
      profile,
      rule,
      o,
      warnings,
    );
  }
  return scoreGeneral(input, ctx, type);
}

/**
 * The record of a rule's outcome (scored, or invalid with the rule's errors). `o` is the shared scratch outcome:
 * its fields are read here, before anything else runs a rule.
 */
function recordOf(
  input: IndicatorInput,
  source: ScoreContext | RecordSource,
  profile: ScoringProfile,
  rule: RuleName,
  o: RuleOutcome,
  warnings: string[],
): IndicatorResult {
  const score = outcomeScore();
  const mode = o.mode;
  if (o.errors !== null || score === null) {
    return new IndicatorRecord(
      input,
      source,
      'invalid',
      rule,
      mode,
      null,
      null,
      null,
      warnings,
      addAll(EMPTY_LIST, o.errors || EMPTY_LIST),
      undefined,
    );
  }
  const attainment = outcomeAttainment();
  if (o.warning !== null) warnings = addCode(warnings, o.warning);
  if (attainment !== null && attainment >= profile.overachievementWarnAt)
    warnings = addCode(warnings, 'OVERACHIEVEMENT');
  return new IndicatorRecord(
    input,
    source,
    'scored',
    rule,
    mode,
    score,
    attainment,
    undefined,
    warnings,
    EMPTY_LIST,
    undefined,
  );
}

/** A result without a score (monitoring, neutralised, not applicable, missing, invalid): no mode, score or attainment */
function unscored(
  input: IndicatorInput,
  source: ScoreContext | RecordSource,
  status: IndicatorStatus,
  rule: RuleName | null,
  warnings: readonly string[],
  errors: readonly string[] = EMPTY_LIST,
  display: string | null = null,
): IndicatorRecord {
  return new IndicatorRecord(input, source, status, rule, null, null, null, display, warnings, errors, undefined);
}

/** docs/scoring.md §5.2.2 in order, for every input. */
function scoreGeneral(input: IndicatorInput, ctx: ScoreContext, type: SubjectType): IndicatorResult {
  const profile = ctx.profile || DEFAULT_PROFILE;
  const target = input.target;
  const actual = input.actual;
  const source = type === 'indicator' ? ctx : new RecordSource(ctx, type, undefined);
  let warnings = inputWarnings(input);

  // 1. monitoring: never scored; the value is shown as is
  if (isMonitoring(input, target)) {
    return unscored(input, source, 'monitoring', 'monitoring', warnings, EMPTY_LIST, monitoringDisplay(actual));
  }
  // 2. neutralised: flag with a non-empty reason; excluded, not zero
  const neut = neutralisation(actual);
  if (neut === 'reason_missing') {
    return unscored(input, source, 'invalid', null, warnings, ['NEUTRALISATION_REASON_MISSING']);
  }
  if (neut === 'valid') return unscored(input, source, 'neutralised', null, warnings);

  const rule = resolveRule(input, target);
  if (rule === 'project' && input.activities && input.activities.length > 0)
    return scoreProject(input, ctx, type, profile, warnings);
  if (rule === 'monitoring') {
    return unscored(input, source, 'monitoring', rule, warnings, EMPTY_LIST, monitoringDisplay(actual));
  }

  const hasTarget = targetPresent(target);
  if (!hasTarget && ctx.checkpoint === '31/12' && targetEmpty(target)) warnings = addCode(warnings, 'NO_TARGET');
  const hasActual = actualPresent(actual, rule);
  // 3. not_applicable: no target and no actual
  if (!hasTarget && !hasActual) return unscored(input, source, 'not_applicable', rule, warnings);
  // 4. missing: target present, no actual
  if (!hasActual) return unscored(input, source, 'missing', rule, warnings);
  // 5. invalid: an actual without any target (manual needs none)
  if (!hasTarget && needsTarget(rule)) {
    return unscored(input, source, 'invalid', rule, warnings, ['TARGET_MISSING']);
  }

  // 6. the rule (its preconditions may still make it invalid)
  const o = runRule(
    rule,
    ruleContext(
      hasTarget ? target!.value : undefined,
      target && target.thresholds,
      actual,
      resolvePolarity(input, target),
      profile,
      false,
    ),
  );
  return recordOf(input, source, profile, rule, o, warnings);
}

/** `project` with activities: weighted mean of the scored activities (docs/scoring.md §5.3, §5.5), each with its own rule. */
function scoreProject(
  input: IndicatorInput,
  ctx: ScoreContext,
  type: SubjectType,
  profile: ScoringProfile,
  warnings: string[],
): IndicatorResult {
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
  const source = new RecordSource(ctx, type, { results, weights, core });
  if (out.status === 'scored') {
    return new IndicatorRecord(
      input,
      source,
      'scored',
      'project',
      'activities',
      core.score,
      null,
      undefined,
      warnings,
      EMPTY_LIST,
      results,
    );
  }
  return new IndicatorRecord(
    input,
    source,
    out.status,
    'project',
    'activities',
    null,
    null,
    null,
    warnings,
    addAll(EMPTY_LIST, out.errors),
    results,
  );
}
