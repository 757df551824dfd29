/**
 * The format-independent result of reading a plan document: what a reader saw, before anything is written.
 *
 * Every value cell (targets, thresholds, baselines, weights) is the RAW text as printed ("3,25%", "luglio", "20%al 30/6"
 * → "20%"); write-plan parses it with core/values exactly like a user's typing, so an import and a sheet
 * edit can never disagree about what a cell means. Every element carries the 1-based source `line` it was read from,
 * so a reviewer can go back to the document.
 *
 * Elements refer to each other by `key` (unique within one draft), never by code: codes repeat and lie in damaged
 * documents (docs/domain.md §8.6), and the same indicator may be listed in several dashboards (docs/domain.md §8.5).
 */
import type {
  Checkpoint,
  DashboardKind,
  EntryLevel,
  FundKind,
  IndicatorCategory,
  ManagerRoleKind,
  Polarity,
  PurposeClass,
  Relevance,
  ScoringRule,
  TargetMode,
  UnitType,
} from '@core/vocabulary/enums';

export { ReviewReport } from './review';
export type { ReviewEntry, ReviewKind, ReviewCounts } from './review';
export { SourceText, collapseLetterSpacing, segmentWords, splitCells } from './source-text';
export type { SourceLine } from './source-text';

/** 1-based line number in the source text. */
export type SourceLineNo = number;

export interface PlanDraft {
  /** id of the importer that produced it (e.g. "sondrio") */
  format: string;
  organisation: { code: string; name: string };
  cycle: { name: string; firstYear: number; years: number[] };
  version: VersionDraft;
  /** scoring-profile preset of the family, see core/scoring/profiles */
  profilePreset: 'bergamo' | 'sondrio' | 'brescia';
  units: UnitDraft[];
  persons: PersonDraft[];
  perspectives: PerspectiveDraft[];
  projects: ProjectDraft[];
  dashboards: DashboardDraft[];
  assignments: AssignmentDraft[];
  funds: FundDraft[];
}

export interface VersionDraft {
  /** e.g. "Piano 2022-2024 REV. 0" */
  label: string;
  revision: number;
  status: 'draft' | 'approved';
  adoptingAct?: string | null;
  /** YYYY-MM-DD */
  actDate?: string | null;
  line?: SourceLineNo | null;
}

export interface UnitDraft {
  key: string;
  name: string;
  type: UnitType;
  code?: string | null;
  parentKey?: string | null;
  headKey?: string | null;
  line?: SourceLineNo | null;
}

export interface PersonDraft {
  key: string;
  fullName: string;
  roles: Array<{ role: ManagerRoleKind; unitKey?: string | null }>;
  line?: SourceLineNo | null;
}

export interface PerspectiveDraft {
  key: string;
  code?: string | null;
  name: string;
  line: SourceLineNo;
  strategicObjectives: StrategicObjectiveDraft[];
}

export interface StrategicObjectiveDraft {
  key: string;
  code: string;
  title: string;
  description?: string | null;
  kpi?: string | null;
  missionCode?: string | null;
  strategicArea?: string | null;
  /** in [0, 1]: Sondrio's OS target "80%" */
  passMark?: number | null;
  /** in [0, 1]: share of own indicators against the operational contribution (Brescia 0.5) */
  ownShare?: number | null;
  relevance?: Relevance | null;
  line: SourceLineNo;
  /** own indicators (Bergamo: all of them; Brescia: the strategic card's) */
  indicators: IndicatorDraft[];
  operationalObjectives: OperationalObjectiveDraft[];
}

export interface OperationalObjectiveDraft {
  key: string;
  code: string;
  title: string;
  description?: string | null;
  kpi?: string | null;
  /** raw, e.g. "20%"; null when the cell is lost (WEIGHT_MISSING, never guessed) */
  weight: string | null;
  /** counts in the parent's contribution component; objectives added mid-year do not (docs/domain.md §8.8) */
  contributes?: boolean;
  /** the perspective its own card prints (Brescia), which may differ from its strategic objective's */
  cardPerspective?: string | null;
  expectedBenefit?: string | null;
  plannedActions?: string | null;
  effort?: string | null;
  relevance?: Relevance | null;
  purposeClass?: PurposeClass | null;
  budgetLines?: string[];
  evidence?: string[];
  isNew?: boolean;
  unitKeys?: string[];
  personKeys?: string[];
  line: SourceLineNo;
  indicators: IndicatorDraft[];
}

/** A polarity the document states or the reader proposes; never confirmed by an import. */
export interface PolarityDraft {
  value: Polarity;
  evidence: string;
}

export interface IndicatorDraft {
  key: string;
  code: string;
  title: string;
  actionLabel?: string | null;
  formula?: string | null;
  numerator?: string | null;
  denominator?: string | null;
  /** raw, e.g. "25%"; null = not weighted (equal weights when no sibling is weighted) */
  weight: string | null;
  /** monitoring-only by default (Bergamo "monitoraggio") */
  monitoring?: boolean;
  dataSource?: string | null;
  categories?: IndicatorCategory[];
  /** left out → inferred by readSource from target and thresholds, reported as `inferred` */
  polarity?: PolarityDraft | null;
  rule?: ScoringRule | null;
  /** replaced mid-year ("Sostituzione Indicatore"): key of the successor */
  replacedByKey?: string | null;
  replacedOn?: string | null;
  replacementReason?: string | null;
  projectKey?: string | null;
  unitKeys?: string[];
  line: SourceLineNo;
  targets: TargetDraft[];
  baselines: BaselineDraft[];
}

export interface ThresholdDraft {
  /** raw, e.g. "3,00%" */
  raw: string;
  /** score reached at this point, e.g. 0.8 */
  score: number;
}

export interface TargetDraft {
  year: number;
  checkpoint: Checkpoint;
  /** raw original value as printed ("3,25%", "luglio", "monitoraggio", "-") */
  raw: string;
  /** left out → monitoring when the raw text is "monitoraggio", else scored */
  mode?: TargetMode;
  /** per-year override (1.1.4: a month in 2022, a count afterwards) */
  polarity?: PolarityDraft | null;
  rule?: ScoringRule | null;
  thresholds: ThresholdDraft[];
  /** "nuova previsione", in order; appended after the original */
  revisions: TargetRevisionDraft[];
  line: SourceLineNo;
}

export interface TargetRevisionDraft {
  raw: string;
  adoptingAct?: string | null;
  actDate?: string | null;
  note?: string | null;
  line: SourceLineNo;
}

export interface BaselineDraft {
  year: number;
  /** raw; null when not printed */
  target?: string | null;
  actual?: string | null;
  note?: string | null;
  line: SourceLineNo;
}

export interface ProjectDraft {
  key: string;
  name: string;
  responsibleKey?: string | null;
  line: SourceLineNo;
  activities: Array<{
    name: string;
    responsibleKey?: string | null;
    weight?: string | null;
    rule?: ScoringRule | null;
    target?: string | null;
    line: SourceLineNo;
  }>;
}

export interface DashboardDraft {
  key: string;
  kind: DashboardKind;
  name: string;
  ownerUnitKey?: string | null;
  ownerPersonKey?: string | null;
  year?: number | null;
  line: SourceLineNo;
  entries: DashboardEntryDraft[];
}

export interface DashboardEntryDraft {
  indicatorKey: string;
  /** grouping objective: a strategic or an operational objective key */
  strategicObjectiveKey?: string | null;
  operationalObjectiveKey?: string | null;
  weight?: string | null;
  level: EntryLevel;
  actionLabel?: string | null;
  /** overrides the indicator's data source in this dashboard */
  dataSource?: string | null;
  line: SourceLineNo;
}

/**
 * An objective in a manager's portfolio. Brescia prints the weight before and after the mid-year re-weighting
 * (docs/domain.md §8.3): both are kept, with the date the redefined one applies from.
 */
export interface AssignmentDraft {
  managerKey: string;
  strategicObjectiveKey?: string | null;
  operationalObjectiveKey?: string | null;
  /** raw; null when the objective was not in the portfolio before (a new objective) */
  weightBefore: string | null;
  /** raw; null when there was no re-weighting, or the objective left the portfolio */
  weightAfter: string | null;
  /** YYYY-MM-DD from which weightAfter applies */
  reweightedFrom?: string | null;
  /** label shared by the managers of a joint assignment */
  jointGroup?: string | null;
  line: SourceLineNo;
}

export interface FundDraft {
  fund: FundKind;
  /** raw, e.g. "3.106 €" */
  unitValue: string;
  note?: string | null;
  line: SourceLineNo;
}

/** An empty draft to fill: every list present, so readers and writers never test for undefined. */
export function emptyDraft(format: string, profilePreset: PlanDraft['profilePreset']): PlanDraft {
  return {
    format,
    organisation: { code: '', name: '' },
    cycle: { name: '', firstYear: 0, years: [] },
    version: { label: '', revision: 0, status: 'draft' },
    profilePreset,
    units: [],
    persons: [],
    perspectives: [],
    projects: [],
    dashboards: [],
    assignments: [],
    funds: [],
  };
}

/** Every indicator of the plan tree, own indicators of strategic objectives first, in document order. */
export function indicatorsOf(draft: PlanDraft): IndicatorDraft[] {
  return draft.perspectives.flatMap((p) =>
    p.strategicObjectives.flatMap((s) => [...s.indicators, ...s.operationalObjectives.flatMap((o) => o.indicators)]),
  );
}
