/**
 * Cruscotto scoring engine (docs/scoring.md §5): pure functions, plain data in and out, no dependencies outside
 * core/. Bundled unchanged by the Excel add-in for offline provisional scores.
 *
 * Results are immutable records whose `explanation` and `display` are built on first access and memoized (JSON
 * includes them; use `toPlain` before structuredClone or spreading). See README.md.
 */
export type * from './types';
export type * from './aggregate-types';
export { scoreIndicator } from './indicator';
export { aggregate, isScoredChild } from './aggregate';
export { toPlain } from './toplain';
export { scoreStrategicObjective, withPassMark, type StrategicOptions } from './strategic';
export { scoreDashboard, type DashboardOptions } from './dashboard';
export {
  scoreManager,
  incentiveValue,
  checkIncentive,
  relevanceCoefficient,
  normaliseRelevance,
  RELEVANCE_COEFFICIENT,
  type ManagerOptions,
} from './manager';
export { scoreManagerByPeriod, assignmentPeriods, checkpointDate, type AssignmentPeriod } from './manager-periods';
export { formatScore, formatPercent, formatNumber, formatEuro, roundHalfUp } from './display';
export {
  DEFAULT_PROFILE,
  PROFILE_PRESETS,
  freezeProfile,
  nextProfileVersion,
  editProfile,
  validateProfile,
  profileLabel,
  storedProfile,
  type ProfileChanges,
} from './profiles';
export {
  resolveRule,
  resolvePolarity,
  effectiveTarget,
  hasThresholds,
  POLARITY_DEFAULT_RULE,
  type TargetRevision,
} from './resolve';
export { STATUS_ORDER } from './status';
export { dayNumber } from './util';
export { indicatorColumns, type IndicatorColumns } from './columns';
export { scoreColumns, IndicatorScores, STATUS_CODES, statusCode, type ScoreColumns } from './score-columns';
export { rollUp, childIndex, AggregateScores, type ChildIndex, type RollUpOptions } from './rollup-columns';
