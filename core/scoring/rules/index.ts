/**
 * The registry of the scoring rules (§5.3): one entry per rule name, which the engine dispatches through. A new
 * rule is one file exporting its `Rule` and one line here; the type makes a missing name a compile error.
 */
import { DEFAULT_PROFILE } from '../profiles';
import type { ActualInput, ParsedValue, Polarity, RuleName, ScoringProfile, ThresholdInput } from '../types';
import { bandsRule } from './bands';
import { booleanRule } from './boolean';
import { fail, type Rule, type RuleContext, type RuleOutcome } from './common';
import { deadlineRule } from './deadline';
import { inverseRule } from './inverse';
import { manualRule } from './manual';
import { monitoringRule } from './monitoring';
import { projectRule } from './project';
import { ratioRule } from './ratio';

export type { Rule, RuleContext, RuleInput } from './common';

export const RULES: Readonly<Record<RuleName, Rule>> = Object.freeze({
  ratio: ratioRule,
  inverse: inverseRule,
  deadline: deadlineRule,
  boolean: booleanRule,
  bands: bandsRule,
  manual: manualRule,
  project: projectRule,
  monitoring: monitoringRule,
});

/** The rule of that name; undefined for a name that is not one (from an untyped caller), never an inherited key. */
export function ruleNamed(name: string): Rule | undefined {
  return Object.hasOwn(RULES, name) ? RULES[name as RuleName] : undefined;
}

/**
 * The one context every rule call is given, filled in place: nothing allocated per scored indicator. Valid until
 * the next call (rules are synchronous and a rule never asks for a context of its own).
 */
const CONTEXT: RuleContext = {
  target: undefined,
  thresholds: undefined,
  actual: undefined,
  polarity: 'higher',
  profile: DEFAULT_PROFILE,
  explain: false,
};

/** The shared rule context, filled with these inputs. */
export function ruleContext(
  target: ParsedValue | undefined,
  thresholds: readonly ThresholdInput[] | undefined,
  actual: ActualInput | undefined,
  polarity: Polarity,
  profile: ScoringProfile,
  explain: boolean,
): RuleContext {
  const c = CONTEXT;
  c.target = target;
  c.thresholds = thresholds;
  c.actual = actual;
  c.polarity = polarity;
  c.profile = profile;
  c.explain = explain;
  return c;
}

/** Scores with the rule of that name; an unknown name (or polarity) from an untyped caller is invalid, never a throw. */
export function runRule(name: RuleName, ctx: RuleContext): RuleOutcome {
  const rule = ruleNamed(name);
  return rule && rule.score ? rule.score(ctx) : fail('RULE_UNKNOWN');
}

/** Whether an indicator under this rule is invalid without a target (an unknown rule is: it cannot score anyway). */
export function needsTarget(name: RuleName): boolean {
  const rule = ruleNamed(name);
  return !rule || rule.needs.includes('target');
}
