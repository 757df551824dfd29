/**
 * Public types of the scoring engine's aggregates (docs/scoring.md §5.5 - §5.9): means, strategic objectives,
 * dashboards and managers, built on the indicator types of ./types.
 */
import type {
  AggregateStatus,
  ChildStatus,
  ExcludedChild,
  ExplainedScore,
  Identity,
  ScoredSubject,
  ScoringProfile,
  Subject,
  UsedChild,
} from './types';

/**
 * A child of an aggregate. IndicatorResult and AggregateResult are structurally children already (weight
 * optional), so `aggregate(results)` works for equal weights.
 */
export type AggregateChild = Identity & {
  /** weight on the edge child → parent; undefined/null = not declared */
  readonly weight?: number | null;
  readonly score: number | null;
  /** when absent, a finite score means scored and null means `empty` */
  readonly status?: ChildStatus;
  readonly errors?: readonly string[];
  /** overrides the exclusion reason shown in the explanation */
  readonly reason?: string;
};

export type AggregateExplanation = ExplainedScore<AggregateStatus, 'mean' | 'strategic' | 'dashboard' | 'manager'> & {
  readonly weighting: 'equal' | 'weighted';
  readonly used: readonly UsedChild[];
  readonly excluded: readonly ExcludedChild[];
  readonly passMark: number | null;
  readonly achieved: boolean | null;
};

export type AggregateResult = ScoredSubject<AggregateStatus> & {
  /** integer % ("86%"), null when the score is null (shown blank) */
  readonly display: string | null;
  /** sum of the declared weights of all children (null when none declared) */
  readonly weightSum: number | null;
  readonly passMark: number | null;
  /** docs/scoring.md §5.7: s ≥ p; null when s is null or there is no pass mark */
  readonly achieved: boolean | null;
  readonly explanation: AggregateExplanation;
};

export type AggregateOptions = {
  readonly subject?: Partial<Subject>;
  readonly profile?: ScoringProfile;
  /** weights parallel to `children`, overriding `child.weight` (avoids copying children) */
  readonly weights?: ReadonlyArray<number | null | undefined>;
  /** weight sums accepted without WEIGHT_SUM (percentage points); default [100] */
  readonly acceptedWeightSums?: readonly number[];
  /** docs/scoring.md §5.7 pass mark as a fraction (0.8 = 80%) */
  readonly passMark?: number | null;
  /** exclusion reason for null aggregates (default "no scored child") */
  readonly unscoredReason?: string;
  /** display precision; aggregates use integers (default) */
  readonly displayAs?: 'aggregate' | 'indicator';
  /** rule name shown in the explanation (default "mean") */
  readonly rule?: AggregateExplanation['rule'];
};

export type StrategicObjectiveInput = Identity & {
  /** own indicators (or any scored children) with their weights (relative: 15+15+5+5+10 = 50 is fine) */
  readonly own?: readonly AggregateChild[];
  /** linked operational objectives with link weights (equal if absent) */
  readonly contributions?: readonly AggregateChild[];
  /** the objective's own share, else the profile's */
  readonly ownShare?: number | null;
  readonly passMark?: number | null;
};

export type StrategicResult = AggregateResult & {
  readonly ownShare: number;
  readonly own: AggregateResult | null;
  readonly contributions: AggregateResult | null;
};

export type DashboardEntryInput = {
  readonly indicatorId: string;
  readonly indicatorCode?: string;
  /** the grouping objective (one group = one objective within this dashboard) */
  readonly objectiveId: string;
  readonly objectiveCode?: string;
  readonly weight?: number | null;
  readonly level?: 'strategic' | 'operational';
};

export type DashboardInput = Identity & {
  readonly entries: readonly DashboardEntryInput[];
  /** optional weights of the groups (objective id → weight); equal if absent */
  readonly groupWeights?: Readonly<Record<string, number>>;
};

/** What a dashboard needs from an indicator's result. */
export type ScoredLike = {
  readonly score: number | null;
  readonly status?: ChildStatus;
  readonly code?: string;
  readonly errors?: readonly string[];
};

export type ResultLookup = ReadonlyMap<string, ScoredLike> | Readonly<Record<string, ScoredLike>>;

export type DashboardResult = AggregateResult & { readonly groups: readonly AggregateResult[] };

export type Relevance = 'HIGH' | 'MEDIUM' | 'LOW';

export type FundInput = { readonly name: string; readonly unitValue: number };

/** An objective of a manager's portfolio: a child by its objective's id; its weight is the ManagerAssignment's. */
export type ManagerAssignmentInput = Pick<AggregateChild, 'code' | 'weight' | 'score' | 'status' | 'errors'> & {
  readonly objectiveId: string;
  readonly relevance?: Relevance | 'ALTA' | 'MEDIA' | 'BASSA' | null;
  /** YYYY-MM-DD, first day the assignment holds (null: from the start of the year) */
  readonly validFrom?: string | null;
  /** YYYY-MM-DD, last day the assignment holds (null: to the end of the year) */
  readonly validTo?: string | null;
};

export type ManagerInput = Identity & {
  /** portfolio of weighted objectives (Brescia) … */
  readonly assignments?: readonly ManagerAssignmentInput[];
  /** … or a dashboard whose aggregate is the manager's score (Bergamo SG and Dirigente) */
  readonly dashboard?: ScoredLike & { readonly id?: string };
  readonly funds?: readonly FundInput[];
};

export type IncentiveLine = { readonly fund: string; readonly value: number };

export type ManagerObjectiveLine = {
  readonly objectiveId: string;
  readonly code?: string;
  readonly weight: number | null;
  readonly score: number | null;
  readonly display: string | null;
  readonly relevance: Relevance | null;
  readonly coefficient: number | null;
  /** coefficient × fund unit value, reported with the score (payout policy is not computed) */
  readonly incentives: readonly IncentiveLine[];
};

/** A span of the year in which one set of a manager's assignments was in force, scored on its own weights. */
export type ManagerPeriod = {
  /** YYYY-MM-DD, both ends included */
  readonly from: string;
  readonly to: string;
  readonly days: number;
  /** true for the period that holds at the checkpoint's date */
  readonly inForce: boolean;
  readonly score: number | null;
  readonly display: string | null;
  readonly weightSum: number | null;
  readonly warnings: readonly string[];
  readonly objectives: readonly ManagerObjectiveLine[];
};

export type ManagerResult = AggregateResult & {
  readonly objectives: readonly ManagerObjectiveLine[];
  /** the periods of the year up to the checkpoint, when the manager's assignments carry validity dates */
  readonly periods?: readonly ManagerPeriod[];
};
