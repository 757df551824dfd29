/**
 * Public types of the scoring engine (docs/scoring.md §5).
 *
 * The engine is pure: plain data in, plain data out. It imports nothing outside `core/`, so the Excel
 * add-in can bundle it unchanged for offline provisional scores.
 */
import type { ParsedValue, Polarity } from '../values/types';

export type { ParsedValue, Polarity };

export type Checkpoint = '30/6' | '31/12';

export type RuleName = 'ratio' | 'inverse' | 'deadline' | 'boolean' | 'bands' | 'manual' | 'project' | 'monitoring';

/** docs/scoring.md §5.2.2: exactly one status per (indicator, year, checkpoint), tested in this order. */
export type IndicatorStatus = 'monitoring' | 'neutralised' | 'not_applicable' | 'missing' | 'invalid' | 'scored';

/** Status of an aggregate: `empty` = no scored child (score null, shown blank), `invalid` = an error (docs/scoring.md §5.13). */
export type AggregateStatus = 'scored' | 'empty' | 'invalid';

export type ChildStatus = IndicatorStatus | AggregateStatus;

/**
 * The variant of a rule that produced a score:
 * ratio `capped`/`uncapped`; inverse `target/actual`/`zero`; deadline `zero`/`linear`; bands `step`/`linear`;
 * project `activities`/`completion`. Boolean, manual and monitoring have no mode (null).
 */
export type RuleMode =
  'capped' | 'uncapped' | 'target/actual' | 'zero' | 'linear' | 'step' | 'activities' | 'completion';

/** docs/scoring.md §5.11. All rule parameters; attached to a plan version, frozen with it. */
export type ScoringProfile = {
  readonly name: string;
  readonly version: number;
  readonly status: 'draft' | 'frozen';
  /** true: ratio scores are capped at 1 */
  readonly capRatio: boolean;
  /** inverse rule when the actual is worse than the target */
  readonly inverseMiss: 'target/actual' | 'zero';
  /** deadline rule when late */
  readonly deadlineLate: 'zero' | 'linear';
  /** grace days of the `linear` deadline decay (must be > 0 for `linear` to decay; 0 behaves as `zero`) */
  readonly graceDays: number;
  readonly bandsMode: 'step' | 'linear';
  /** share of the own indicators in a strategic objective that also has contributing operational objectives */
  readonly ownShare: number;
  /** tolerance of the weight-sum check, in percentage points */
  readonly weightSumTolerance: number;
  /** attainment at or above which OVERACHIEVEMENT is raised */
  readonly overachievementWarnAt: number;
  readonly monthNameAs: 'end-of-month';
  /**
   * docs/scoring.md §5.9: a manager whose assignments changed during the year is scored on the assignments in force
   * at the checkpoint (`checkpoint`), or on every period of the year weighted by its days (`pro-rata`)
   */
  readonly managerPeriods: 'checkpoint' | 'pro-rata';
  readonly display: {
    readonly indicatorDecimals: 2;
    readonly aggregateDecimals: 0;
    readonly rounding: 'half-up';
  };
};

/** Errors (subject not scored), docs/scoring.md §5.13, plus two engine-specific codes documented below. */
export type ErrorCode =
  | 'TARGET_MISSING'
  | 'TARGET_NOT_POSITIVE'
  | 'TYPE_MISMATCH'
  | 'INVALID_DATE'
  | 'BANDS_NOT_MONOTONE'
  | 'MANUAL_JUSTIFICATION_MISSING'
  | 'MANUAL_SCORE_OUT_OF_RANGE'
  | 'NEUTRALISATION_REASON_MISSING'
  | 'WEIGHT_MISSING'
  | 'WEIGHT_NEGATIVE'
  | 'WEIGHT_SUM_ZERO'
  /** engine-specific: an explicit `bands` rule on a target that has no thresholds for that year */
  | 'THRESHOLDS_MISSING'
  /** engine-specific: an ownShare outside [0, 1] */
  | 'OWN_SHARE_OUT_OF_RANGE'
  /** engine-specific: a rule or polarity name the engine does not know (untyped callers) */
  | 'RULE_UNKNOWN';

/** Warnings (subject scored or merely reported), docs/scoring.md §5.13. Parsed-value warnings are passed through as well. */
export type WarningCode =
  | 'WEIGHT_SUM'
  | 'CHILD_INVALID'
  | 'COMPONENT_EMPTY'
  | 'NEGATIVE_ACTUAL_CLAMPED'
  | 'POLARITY_UNCONFIRMED'
  | 'OVERACHIEVEMENT'
  | 'AMBIGUOUS_DECIMAL_POINT'
  | 'SCALE_SUSPECT'
  | 'NO_TARGET'
  | 'INCENTIVE_MISMATCH';

// ---------------------------------------------------------------------------------------------------------------
// Indicator inputs
// ---------------------------------------------------------------------------------------------------------------

/** A threshold (soglia): reaching `value` earns `score` (a fraction in [0, 1), e.g. 0.8 for "soglia 80%"). */
export type ThresholdInput = { readonly value: ParsedValue; readonly score: number };

/**
 * The effective target of (indicator, year, checkpoint), i.e. the latest approved revision (docs/scoring.md §5.2.1; see
 * `effectiveTarget` in resolve.ts to pick it from a revision list), with the original kept for display.
 */
export type TargetInput = {
  readonly mode: 'scored' | 'monitoring';
  readonly value: ParsedValue;
  readonly revision: 'original' | 'revised';
  /** the original value when `revision` is `revised` ("nuova previsione"): kept and shown, never scored */
  readonly original?: ParsedValue;
  /** explicit rule for this year (wins over everything else, docs/scoring.md §5.2.3) */
  readonly rule?: RuleName;
  /** polarity override for this year */
  readonly polarity?: Polarity;
  /** thresholds of this year; the target itself is the point (t, 1) */
  readonly thresholds?: readonly ThresholdInput[];
};

export type ActualInput = {
  readonly value?: ParsedValue;
  readonly neutralised?: boolean;
  readonly neutralisationReason?: string;
  /** manual rule: the entered score, a fraction in [0, 1] */
  readonly manualScore?: number;
  /** manual rule: mandatory note */
  readonly justification?: string;
  /** manual rule: kept in the explanation */
  readonly author?: string;
  /** manual rule: timestamp (ISO), kept in the explanation */
  readonly at?: string;
  /** deadline rule: explicit "not completed" marker (scores 0); also accepted by boolean (false) */
  readonly notCompleted?: boolean;
};

/** Whom an input or a score is about: the caller's id, and the code the plan prints when there is one. */
export type Identity = { readonly id: string; readonly code?: string };

export type IndicatorInput = Identity & {
  readonly polarity: Polarity;
  /** false → POLARITY_UNCONFIRMED warning (an inferred polarity not yet confirmed by a user, docs/scoring.md §4) */
  readonly polarityConfirmed?: boolean;
  /** why this polarity, when it was inferred (shown in the explanation) */
  readonly polarityEvidence?: string | null;
  /** indicator-level rule; an indicator-level `bands` applies only in years that have thresholds (docs/scoring.md §5.2.3) */
  readonly rule?: RuleName;
  readonly target?: TargetInput;
  readonly actual?: ActualInput;
  /** project activities (rule `project`), each scored with its own rule */
  readonly activities?: readonly ActivityInput[];
};

/** An activity of a project: an indicator of its own plus its weight in the project. */
export type ActivityInput = IndicatorInput & { readonly weight?: number | null; readonly name?: string };

export type ScoreContext = {
  readonly year: number;
  readonly checkpoint: Checkpoint;
  /** defaults to DEFAULT_PROFILE */
  readonly profile?: ScoringProfile;
};

// ---------------------------------------------------------------------------------------------------------------
// Explanations (docs/scoring.md §5.12, §6.11)
// ---------------------------------------------------------------------------------------------------------------

export type SubjectType =
  | 'indicator'
  | 'activity'
  | 'objective'
  | 'strategic_objective'
  | 'perspective'
  | 'plan'
  | 'dashboard_group'
  | 'dashboard'
  | 'unit'
  | 'manager'
  | 'aggregate';

export type Subject = Identity & {
  readonly type: SubjectType;
  readonly year?: number;
  readonly checkpoint?: Checkpoint;
};

export type TargetExplanation = {
  readonly raw: string;
  readonly value: ParsedValue['value'];
  readonly kind: ParsedValue['kind'];
  readonly unit?: string;
  readonly comparator?: ParsedValue['comparator'];
  readonly mode: 'scored' | 'monitoring';
  readonly revision: 'original' | 'revised';
  /** the original target when revised (kept and shown, docs/scoring.md §5.2.1) */
  readonly original: ParsedValue | null;
};

export type ManualExplanation = {
  readonly score: number | undefined;
  readonly justification: string | undefined;
  readonly author: string | undefined;
  readonly at: string | undefined;
};

export type UsedChild = Identity & {
  /** declared weight; null when the children are equally weighted (none declared) */
  readonly weight: number | null;
  readonly score: number;
};

export type ExcludedChild = Identity & { readonly reason: string };

/**
 * What every explanation says, an indicator's or an aggregate's (docs/scoring.md §5.12): whose score it is, its
 * status and rule, the formula with the values substituted and a one-line text, the score and how it is shown, the
 * profile that produced it, and the warnings and errors that came with it.
 */
export type ExplainedScore<Status extends ChildStatus, Rule> = {
  readonly subject: Subject;
  readonly status: Status;
  readonly rule: Rule;
  /** e.g. `min(11/12, 1)`, `(20×0.75 + 30×1 + 40×0.8)/(20+30+40)`; null when nothing was computed */
  readonly formula: string | null;
  /** one line, e.g. `ratio: min(11/12, 1) = 91.67%`, `mean: (…) = 0.8556 → 86% [1.4 excluded: no scored child]` */
  readonly text: string;
  readonly score: number | null;
  readonly display: string | null;
  /** "name@version" of the profile that produced the result (docs/scoring.md §5.11) */
  readonly profile: string;
  readonly warnings: readonly string[];
  readonly errors: readonly string[];
  /** the children (an aggregate's, or a project's activities) used and excluded */
  readonly used?: readonly UsedChild[];
  readonly excluded?: readonly ExcludedChild[];
};

export type IndicatorExplanation = ExplainedScore<IndicatorStatus, RuleName | null> & {
  readonly mode: RuleMode | null;
  readonly polarity: Polarity;
  /** present when the polarity was inferred from the values and nobody confirmed it yet (docs/scoring.md §4) */
  readonly polarityInferred?: { readonly evidence: string | null };
  readonly inputs: {
    /** the parsed actual (raw + parsed), or null */
    readonly actual: ParsedValue | null;
    readonly target: TargetExplanation | null;
    /** bands as (value, score) points sorted by decreasing score, target first; null for other rules */
    readonly bands: ReadonlyArray<readonly [number | string, number]> | null;
    readonly manual: ManualExplanation | null;
    readonly notCompleted: boolean;
    readonly neutralisationReason: string | null;
  };
  readonly attainment: number | null;
};

/**
 * What every score says, an indicator's or an aggregate's: whose it is, its status, the score at full precision
 * (null unless scored), how it is shown, and the warnings and errors that came with it.
 */
export type ScoredSubject<Status extends ChildStatus> = Identity & {
  readonly status: Status;
  readonly score: number | null;
  readonly display: string | null;
  readonly warnings: readonly string[];
  readonly errors: readonly string[];
};

export type IndicatorResult = ScoredSubject<IndicatorStatus> & {
  /** uncapped ratio (ratio: a/t, inverse: t/a), informational; null for other rules */
  readonly attainment: number | null;
  /**
   * half-up display of the score ("91.67%"); for `monitoring` the measured value as is (a display convention,
   * not a score, docs/domain.md §7.2); null otherwise (shown blank)
   */
  readonly display: string | null;
  readonly rule: RuleName | null;
  readonly mode: RuleMode | null;
  readonly explanation: IndicatorExplanation;
  /** project rule with activities: each activity's own result */
  readonly activities?: readonly IndicatorResult[];
};
