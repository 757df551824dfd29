/**
 * The closed sets of what the server answers about values and scores (docs/scoring.md §3, §5.2, §5.12), as plain
 * enums so the GraphQL schema can offer them as enums (registered in server/graphql/enums.ts) while the engine keeps
 * its lower-case string literals. Each enum's values are exactly the engine's literals: a test compares them. A set
 * that is another with more values (a parsed value's kind, a score's rule, a moved score's level) is that set spread
 * into a constant object, which GraphQL registers like an enum, its values in the same order.
 */
import { ScoringRule, ValueKind } from './enums';

/** What a typed or imported cell turned out to be (docs/scoring.md §3): a value's kind, a placeholder or nothing. */
export const ParsedValueKind = { ...ValueKind, PLACEHOLDER: 'placeholder', EMPTY: 'empty' } as const;
export type ParsedValueKind = (typeof ParsedValueKind)[keyof typeof ParsedValueKind];

/** A comparison written before a number ("≥ 90%"). */
export enum Comparator {
  AT_MOST = '<=',
  AT_LEAST = '>=',
  LESS_THAN = '<',
  GREATER_THAN = '>',
}

/** A word that stands where a value would be ("monitoraggio", "n.d.", "n.a.", a qualitative target). */
export enum PlaceholderKind {
  MONITORING = 'monitoring',
  NOT_AVAILABLE = 'not_available',
  NOT_APPLICABLE = 'not_applicable',
  QUALITATIVE = 'qualitative',
}

/** The status of a score: indicators (§5.2.2) and aggregates (§5.5) share SCORED and INVALID. */
export enum ScoreStatus {
  SCORED = 'scored',
  MISSING = 'missing',
  MONITORING = 'monitoring',
  NEUTRALISED = 'neutralised',
  NOT_APPLICABLE = 'not_applicable',
  INVALID = 'invalid',
  EMPTY = 'empty',
}

/** The rule that produced a score: an indicator's (§5.3) or an aggregate's (§5.5 - §5.9). */
export const RealizationRule = {
  ...ScoringRule,
  MEAN: 'mean',
  STRATEGIC: 'strategic',
  DASHBOARD: 'dashboard',
  MANAGER: 'manager',
} as const;
export type RealizationRule = (typeof RealizationRule)[keyof typeof RealizationRule];

/** The variant of a rule that produced a score (core/scoring/types.ts RuleMode). */
export enum RuleMode {
  CAPPED = 'capped',
  UNCAPPED = 'uncapped',
  TARGET_OVER_ACTUAL = 'target/actual',
  ZERO = 'zero',
  LINEAR = 'linear',
  STEP = 'step',
  ACTIVITIES = 'activities',
  COMPLETION = 'completion',
}

/** Whether an aggregate's children weigh the same or by their declared weights (§5.5). */
export enum Weighting {
  EQUAL = 'equal',
  WEIGHTED = 'weighted',
}

/** The level of a row of a Relazione table. */
export enum ReportLevel {
  PERSPECTIVE = 'perspective',
  STRATEGIC_OBJECTIVE = 'strategic_objective',
  OPERATIONAL_OBJECTIVE = 'operational_objective',
  INDICATOR = 'indicator',
}

/** What a score a sync batch changed belongs to. */
export enum AffectedLevel {
  OPERATIONAL = 'operational',
  STRATEGIC = 'strategic',
  PERSPECTIVE = 'perspective',
  PLAN = 'plan',
  DASHBOARD = 'dashboard',
}

/** What a score a live update moved belongs to: an indicator, or one of the levels above it. */
export const MovedScoreLevel = { INDICATOR: 'indicator', ...AffectedLevel } as const;
export type MovedScoreLevel = (typeof MovedScoreLevel)[keyof typeof MovedScoreLevel];

/** A lint finding that stops a score (error) or only warns. */
export enum LintSeverity {
  ERROR = 'error',
  WARNING = 'warning',
}

/** What a lint finding is about. */
export enum LintSubjectType {
  INDICATOR = 'indicator',
  TARGET = 'target',
  OPERATIONAL_OBJECTIVE = 'operational_objective',
  STRATEGIC_OBJECTIVE = 'strategic_objective',
  PLAN = 'plan',
}
