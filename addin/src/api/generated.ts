// Generated from schema/schema.graphql and addin/src/api/queries.ts by `npm run codegen`
// (graphql-codegen --config codegen.ts). Do not edit: test/addin/codegen-drift.test.ts fails when it drifts.

export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** A che cosa appartiene un punteggio ricalcolato da una sincronizzazione / What a score a sync changed belongs to */
export type AffectedLevel =
  | 'DASHBOARD'
  | 'OPERATIONAL'
  | 'PERSPECTIVE'
  | 'PLAN'
  | 'STRATEGIC';

/** Where a change came from */
export type ChangeSource =
  | 'ADDIN'
  | 'GRAPHQL'
  | 'IMPORT'
  | 'SYSTEM';

/** Monitoring checkpoint: 30 June or 31 December */
export type Checkpoint =
  | 'MID_YEAR'
  | 'YEAR_END';

/** Che cosa è il valore letto / What a typed or imported value turned out to be */
export type ParsedValueKind =
  | 'BOOLEAN'
  | 'CURRENCY'
  | 'DATE'
  | 'DAYS'
  | 'EMPTY'
  | 'NUMBER'
  | 'PERCENT'
  | 'PLACEHOLDER'
  | 'TEXT';

/** Life cycle of a plan version */
export type PlanStatus =
  | 'APPROVED'
  | 'CLOSED'
  | 'DRAFT'
  | 'SUPERSEDED';

/** Which direction of the value is better */
export type Polarity =
  | 'BOOLEAN'
  | 'DEADLINE'
  | 'HIGHER'
  | 'LOWER';

/** A frozen scoring profile is immutable */
export type ProfileStatus =
  | 'DRAFT'
  | 'FROZEN';

/** ADMIN: everything in the organisation; CONTROLLER: edits the plan, locks checkpoints, approves; UNIT_EDITOR: actual values of their units; VIEWER (OIV): reads everything, edits nothing */
export type Role =
  | 'ADMIN'
  | 'CONTROLLER'
  | 'UNIT_EDITOR'
  | 'VIEWER';

/** What a sync did with one sheet row */
export type RowStatus =
  | 'CONFLICT'
  | 'CREATED'
  | 'DELETED'
  | 'REJECTED'
  | 'UNCHANGED'
  | 'UPDATED';

/** Stato del punteggio; indicatori: SCORED, MISSING, MONITORING, NEUTRALISED, NOT_APPLICABLE, INVALID; aggregati: SCORED, EMPTY, INVALID / Status of a score */
export type ScoreStatus =
  | 'EMPTY'
  | 'INVALID'
  | 'MISSING'
  | 'MONITORING'
  | 'NEUTRALISED'
  | 'NOT_APPLICABLE'
  | 'SCORED';

/** How an indicator is scored (docs/scoring.md §5.3) */
export type ScoringRule =
  | 'BANDS'
  | 'BOOLEAN'
  | 'DEADLINE'
  | 'INVERSE'
  | 'MANUAL'
  | 'MONITORING'
  | 'PROJECT'
  | 'RATIO';

export type SheetLevel =
  | 'INDICATOR'
  | 'OPERATIONAL'
  | 'PERSPECTIVE'
  | 'STRATEGIC';

/** A batch of sheet rows for one plan version, year and checkpoint */
export type SyncBatchInput = {
  /** Idempotency key: a retry with the same key returns the first answer */
  batchKey?: InputMaybe<Scalars['String']['input']>;
  checkpoint?: Checkpoint;
  mode?: SyncMode;
  planId: Scalars['ID']['input'];
  rows: Array<SheetRowInput>;
  source?: InputMaybe<SyncSourceInput>;
  year: Scalars['Int']['input'];
};

/** PARTIAL applies the valid rows and reports the others; ATOMIC applies all or nothing */
export type SyncMode =
  | 'ATOMIC'
  | 'PARTIAL';

/** One sheet row: a perspective, objective or indicator as the sheet shows it (docs/sheet-contract.md) */
export type SheetRowInput = {
  /** "Azione": the action label a cruscotto prints beside an indicator */
  actionLabel?: InputMaybe<Scalars['String']['input']>;
  /** As typed in the cell */
  actual?: InputMaybe<Scalars['String']['input']>;
  /** The client's key for this row, so new rows can name new parents */
  clientRef?: InputMaybe<Scalars['String']['input']>;
  /** As typed in the cell */
  code?: InputMaybe<Scalars['String']['input']>;
  /** The cruscotto this row appears in; the row is then (cruscotto, level, code), and the same code in another cruscotto is the same node */
  dashboard?: InputMaybe<Scalars['String']['input']>;
  /** strategico / servizio / segretario generale / dirigente / individuale; empty = from the name */
  dashboardKind?: InputMaybe<Scalars['String']['input']>;
  /** The unit or the manager the cruscotto belongs to, by name */
  dashboardOwner?: InputMaybe<Scalars['String']['input']>;
  /** Delete this row (explicitly) */
  delete?: InputMaybe<Scalars['Boolean']['input']>;
  /** strategico / operativo: how the cruscotto shows the indicator */
  entryLevel?: InputMaybe<Scalars['String']['input']>;
  futureTargets?: InputMaybe<Array<SheetFutureTargetInput>>;
  /** As typed in the cell */
  kpi?: InputMaybe<Scalars['String']['input']>;
  /** As typed in the cell */
  level?: InputMaybe<Scalars['String']['input']>;
  /** As typed in the cell */
  neutralisationReason?: InputMaybe<Scalars['String']['input']>;
  /** SI / NO */
  neutralised?: InputMaybe<Scalars['String']['input']>;
  /** As typed in the cell */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The parent's rowId, or the clientRef of a new parent in this batch */
  parentRef?: InputMaybe<Scalars['String']['input']>;
  /** As typed in the cell */
  polarity?: InputMaybe<Scalars['String']['input']>;
  /** Order in the cruscotto (1, 2, …); empty = order of the batch */
  position?: InputMaybe<Scalars['String']['input']>;
  /** Unit names as typed; several separated by ";" or " e " */
  responsibleUnit?: InputMaybe<Scalars['String']['input']>;
  /** Hidden id column; empty for a new row */
  rowId?: InputMaybe<Scalars['ID']['input']>;
  /** Hidden version column: the version the sheet last saw; required with rowId (VERSION_REQUIRED otherwise) */
  rowVersion?: InputMaybe<Scalars['Int']['input']>;
  /** As typed in the cell */
  rule?: InputMaybe<Scalars['String']['input']>;
  /** As typed in the cell */
  target?: InputMaybe<Scalars['String']['input']>;
  thresholds?: InputMaybe<Array<SheetThresholdInput>>;
  /** As typed in the cell */
  title?: InputMaybe<Scalars['String']['input']>;
  /** As typed in the cell */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** As typed in the cell */
  weight?: InputMaybe<Scalars['String']['input']>;
};

/** A target of a later year, as typed */
export type SheetFutureTargetInput = {
  value: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};

/** A threshold cell: its score (0.8 for "soglia 80%") and the value as typed */
export type SheetThresholdInput = {
  score: Scalars['Float']['input'];
  value: Scalars['String']['input'];
};

/** Where a batch comes from, for the audit trail */
export type SyncSourceInput = {
  /** Who is syncing (until authentication names the user) */
  author?: InputMaybe<Scalars['String']['input']>;
  kind: SyncSourceKind;
  sheet?: InputMaybe<Scalars['String']['input']>;
  workbook?: InputMaybe<Scalars['String']['input']>;
};

/** Where a synced batch came from */
export type SyncSourceKind =
  | 'ADDIN'
  | 'GRAPHQL'
  | 'IMPORT';

export type ParsedValueFieldsFragment = { raw: string, kind: ParsedValueKind, number: number | null };

export type RealizationFieldsFragment = { status: ScoreStatus, score: number | null, display: string | null, text: string };

export type SheetRowFieldsFragment = { rowId: string, rowVersion: number, level: SheetLevel, code: string | null, title: string, parentId: string | null, weight: number | null, kpi: string | null, unit: string | null, polarity: Polarity | null, rule: ScoringRule | null, neutralised: boolean, neutralisationReason: string | null, note: string | null, responsibleUnits: Array<string>, updatedAt: string, target: { raw: string, kind: ParsedValueKind, number: number | null } | null, thresholds: Array<{ score: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, futureTargets: Array<{ year: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, actual: { raw: string, kind: ParsedValueKind, number: number | null } | null };

export type ConflictRowFieldsFragment = { rowId: string, rowVersion: number, level: SheetLevel, code: string | null, title: string, parentId: string | null, weight: number | null, kpi: string | null, unit: string | null, polarity: Polarity | null, rule: ScoringRule | null, neutralised: boolean, neutralisationReason: string | null, note: string | null, responsibleUnits: Array<string>, updatedAt: string, target: { raw: string, kind: ParsedValueKind, number: number | null } | null, thresholds: Array<{ score: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, futureTargets: Array<{ year: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, actual: { raw: string, kind: ParsedValueKind, number: number | null } | null };

export type PlansQueryVariables = Exact<{ [key: string]: never; }>;


export type PlansQuery = { planVersions: Array<{ id: string, label: string, status: PlanStatus, organisation: { id: string, name: string }, cycle: { years: Array<number> } }> };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { systemAdmin: boolean, memberships: Array<{ organisationId: string, role: Role }> } };

export type PlanQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PlanQuery = { planVersion: { id: string, label: string, status: PlanStatus, organisation: { id: string, name: string }, cycle: { years: Array<number> }, scoringProfile: { name: string, profileVersion: number, status: ProfileStatus, parameters: Record<string, unknown> } | null } | null, strategicObjectives: Array<{ passMark: number | null }> };

export type SheetRowsQueryVariables = Exact<{
  planId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
  checkpoint: Checkpoint;
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
}>;


export type SheetRowsQuery = { sheetRows: { deletedRowIds: Array<string>, serverTime: string, rows: Array<{ rowId: string, rowVersion: number, level: SheetLevel, code: string | null, title: string, parentId: string | null, weight: number | null, kpi: string | null, unit: string | null, polarity: Polarity | null, rule: ScoringRule | null, neutralised: boolean, neutralisationReason: string | null, note: string | null, responsibleUnits: Array<string>, updatedAt: string, realization: { status: ScoreStatus, score: number | null, display: string | null, text: string } | null, target: { raw: string, kind: ParsedValueKind, number: number | null } | null, thresholds: Array<{ score: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, futureTargets: Array<{ year: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, actual: { raw: string, kind: ParsedValueKind, number: number | null } | null }> } };

export type RealizationsQueryVariables = Exact<{
  planId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
  checkpoint: Checkpoint;
}>;


export type RealizationsQuery = { sheetRows: { deletedRowIds: Array<string>, serverTime: string, rows: Array<{ rowId: string, realization: { status: ScoreStatus, score: number | null, display: string | null, text: string } | null }> } };

export type SyncRowsMutationVariables = Exact<{
  input: SyncBatchInput;
}>;


export type SyncRowsMutation = { syncRows: { replayed: boolean, applied: number, rows: Array<{ index: number, clientRef: string | null, rowId: string | null, status: RowStatus, rowVersion: number | null, errors: Array<{ column: string, code: string, message: string, messageIt: string }>, current: { changedBy: string | null, changedAt: string | null, rowId: string, rowVersion: number, level: SheetLevel, code: string | null, title: string, parentId: string | null, weight: number | null, kpi: string | null, unit: string | null, polarity: Polarity | null, rule: ScoringRule | null, neutralised: boolean, neutralisationReason: string | null, note: string | null, responsibleUnits: Array<string>, updatedAt: string, target: { raw: string, kind: ParsedValueKind, number: number | null } | null, thresholds: Array<{ score: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, futureTargets: Array<{ year: number, value: { raw: string, kind: ParsedValueKind, number: number | null } }>, actual: { raw: string, kind: ParsedValueKind, number: number | null } | null } | null, realization: { status: ScoreStatus, score: number | null, display: string | null, text: string } | null }>, affected: Array<{ id: string, level: AffectedLevel, code: string | null, realization: { status: ScoreStatus, score: number | null, display: string | null, text: string } | null }> } };

export type PolarityFindingsQueryVariables = Exact<{
  planId: Scalars['ID']['input'];
}>;


export type PolarityFindingsQuery = { planLint: Array<{ code: string, subjectId: string, subjectCode: string | null, messageIt: string, message: string }> };

export type ConfirmPolaritiesMutationVariables = Exact<{
  planId: Scalars['ID']['input'];
  acceptSuggestions: Scalars['Boolean']['input'];
}>;


export type ConfirmPolaritiesMutation = { confirmPolarities: Array<{ id: string, polarity: Polarity }> };

export type PlanChangedSubscriptionVariables = Exact<{
  planId: Scalars['ID']['input'];
  year: Scalars['Int']['input'];
  checkpoint: Checkpoint;
}>;


export type PlanChangedSubscription = { planChanged: { changedBy: string | null, at: string, source: ChangeSource, deletedRowIds: Array<string>, rows: Array<{ rowId: string, rowVersion: number }>, scores: Array<{ id: string, realization: { status: ScoreStatus, score: number | null, display: string | null, text: string } | null }> } };
