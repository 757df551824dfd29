/**
 * The closed sets of what the server answers about values and scores (docs/scoring.md §3, §5.2, §5.12), as
 * vocabularies (closed-set.ts) so the GraphQL schema can offer them as enums (registered in server/graphql/enums.ts)
 * while the engine keeps its lower-case string literals. Each set's values are exactly the engine's literals: a test
 * compares them; the server's services type their own answers (report levels, lint findings, moved scores) by these
 * sets. A set that is another with more values (a parsed value's kind, a score's rule, a moved score's
 * level) is that set spread into a constant object, its values in the same order.
 */
import { vocabulary, type WordOf } from './closed-set';
import { ScoringRule, ValueKind } from './enums';

/** What a typed or imported cell turned out to be (docs/scoring.md §3): a value's kind, a placeholder or nothing. */
export const ParsedValueKind = { ...ValueKind, PLACEHOLDER: 'placeholder', EMPTY: 'empty' } as const;
export type ParsedValueKind = WordOf<typeof ParsedValueKind>;

/** A comparison written before a number ("≥ 90%"). */
export const Comparator = vocabulary(['AT_MOST', '<='], ['AT_LEAST', '>='], ['LESS_THAN', '<'], ['GREATER_THAN', '>']);
export type Comparator = WordOf<typeof Comparator>;

/** A word that stands where a value would be ("monitoraggio", "n.d.", "n.a.", a qualitative target). */
export const PlaceholderKind = vocabulary('monitoring', 'not_available', 'not_applicable', 'qualitative');
export type PlaceholderKind = WordOf<typeof PlaceholderKind>;

/** The status of a score: indicators (§5.2.2) and aggregates (§5.5) share SCORED and INVALID. */
export const ScoreStatus = vocabulary(
  'scored',
  'missing',
  'monitoring',
  'neutralised',
  'not_applicable',
  'invalid',
  'empty',
);
export type ScoreStatus = WordOf<typeof ScoreStatus>;

/** The rule that produced a score: an indicator's (§5.3) or an aggregate's (§5.5 - §5.9). */
export const RealizationRule = {
  ...ScoringRule,
  MEAN: 'mean',
  STRATEGIC: 'strategic',
  DASHBOARD: 'dashboard',
  MANAGER: 'manager',
} as const;
export type RealizationRule = WordOf<typeof RealizationRule>;

/** The variant of a rule that produced a score (core/scoring/types.ts RuleMode). */
export const RuleMode = vocabulary(
  'capped',
  'uncapped',
  ['TARGET_OVER_ACTUAL', 'target/actual'],
  'zero',
  'linear',
  'step',
  'activities',
  'completion',
);
export type RuleMode = WordOf<typeof RuleMode>;

/** Whether an aggregate's children weigh the same or by their declared weights (§5.5). */
export const Weighting = vocabulary('equal', 'weighted');
export type Weighting = WordOf<typeof Weighting>;

/** The level of a row of a Relazione table. */
export const ReportLevel = vocabulary('perspective', 'strategic_objective', 'operational_objective', 'indicator');
export type ReportLevel = WordOf<typeof ReportLevel>;

/** What a score a sync batch changed belongs to. */
export const AffectedLevel = vocabulary('operational', 'strategic', 'perspective', 'plan', 'dashboard');
export type AffectedLevel = WordOf<typeof AffectedLevel>;

/** What a score a live update moved belongs to: an indicator, or one of the levels above it. */
export const MovedScoreLevel = { INDICATOR: 'indicator', ...AffectedLevel } as const;
export type MovedScoreLevel = WordOf<typeof MovedScoreLevel>;

/** A lint finding that stops a score (error) or only warns. */
export const LintSeverity = vocabulary('error', 'warning');
export type LintSeverity = WordOf<typeof LintSeverity>;

/** What a lint finding is about. */
export const LintSubjectType = vocabulary(
  'indicator',
  'target',
  'operational_objective',
  'strategic_objective',
  'plan',
);
export type LintSubjectType = WordOf<typeof LintSubjectType>;
