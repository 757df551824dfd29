import { registerEnumType } from 'type-graphql';

/**
 * Domain vocabularies (docs/domain.md §2). GraphQL shows the UPPER_CASE names; the database and the
 * scoring engine store the lower-case values, which are the engine's own string literals.
 */
export enum UnitType {
  AREA = 'area',
  SERVIZIO = 'servizio',
  UFFICIO = 'ufficio',
  UO = 'uo',
  STAFF = 'staff',
  WORKING_GROUP = 'working_group',
  SPECIAL_AGENCY = 'special_agency',
}

export enum ManagerRoleKind {
  SECRETARY_GENERAL = 'sg',
  DIRIGENTE = 'dirigente',
  CONSERVATORE = 'conservatore',
  POSIZIONE_ORGANIZZATIVA = 'po',
  RESPONSABILE = 'responsabile',
  CONSULTANT = 'consultant',
}

export enum PlanStatus {
  DRAFT = 'draft',
  APPROVED = 'approved',
  SUPERSEDED = 'superseded',
  CLOSED = 'closed',
}

export enum ProfileStatus {
  DRAFT = 'draft',
  FROZEN = 'frozen',
}

export enum Relevance {
  HIGH = 'high',
  MEDIUM = 'medium',
  LOW = 'low',
}

export enum PurposeClass {
  A = 'a',
  B = 'b',
  C = 'c',
}

export enum Polarity {
  HIGHER = 'higher',
  LOWER = 'lower',
  DEADLINE = 'deadline',
  BOOLEAN = 'boolean',
}

export enum ScoringRule {
  RATIO = 'ratio',
  INVERSE = 'inverse',
  DEADLINE = 'deadline',
  BOOLEAN = 'boolean',
  BANDS = 'bands',
  MANUAL = 'manual',
  PROJECT = 'project',
  MONITORING = 'monitoring',
}

export enum ValueKind {
  NUMBER = 'number',
  PERCENT = 'percent',
  CURRENCY = 'currency',
  DAYS = 'days',
  DATE = 'date',
  BOOLEAN = 'boolean',
  TEXT = 'text',
}

export enum IndicatorCategory {
  EXTERNAL_EFFECTIVENESS = 'external_effectiveness',
  INTERNAL_EFFECTIVENESS = 'internal_effectiveness',
  EFFICIENCY = 'efficiency',
  QUALITY = 'quality',
}

export enum IndicatorStatus {
  ACTIVE = 'active',
  REPLACED = 'replaced',
}

export enum Checkpoint {
  MID_YEAR = '30/6',
  YEAR_END = '31/12',
}

export enum TargetMode {
  SCORED = 'scored',
  MONITORING = 'monitoring',
}

export enum RevisionKind {
  ORIGINAL = 'original',
  REVISED = 'revised',
}

export enum DashboardKind {
  STRATEGIC = 'strategic',
  SERVICE = 'service',
  SECRETARY_GENERAL = 'sg',
  MANAGER = 'dirigente',
  INDIVIDUAL = 'individual',
}

export enum EntryLevel {
  STRATEGIC = 'strategic',
  OPERATIONAL = 'operational',
}

export enum FundKind {
  DIRIGENTI = 'dirigenti',
  DIPENDENTI = 'dipendenti',
}

export enum AuditAction {
  CREATE = 'create',
  UPDATE = 'update',
  DELETE = 'delete',
}

export enum ChangeSource {
  GRAPHQL = 'graphql',
  ADDIN = 'addin',
  IMPORT = 'import',
  SYSTEM = 'system',
}

const described: Array<[object, string, string]> = [
  [UnitType, 'UnitType', 'Kind of organisational unit (area, servizio, ufficio, U.O., staff, working group, special agency)'],
  [ManagerRoleKind, 'ManagerRoleKind', 'Role a person holds (SG, dirigente, conservatore, P.O., responsabile, consultant)'],
  [PlanStatus, 'PlanStatus', 'Life cycle of a plan version'],
  [ProfileStatus, 'ProfileStatus', 'A frozen scoring profile is immutable'],
  [Relevance, 'Relevance', 'Rilevanza oggettiva: HIGH = 5, MEDIUM = 3, LOW = 1'],
  [PurposeClass, 'PurposeClass', 'Finalità: a policy and cost containment, b new services, c continuous improvement'],
  [Polarity, 'Polarity', 'Which direction of the value is better'],
  [ScoringRule, 'ScoringRule', 'How an indicator is scored (docs/scoring.md §5.3)'],
  [ValueKind, 'ValueKind', 'What kind of value an indicator measures'],
  [IndicatorCategory, 'IndicatorCategory', 'Tipo indicatore (multi-select)'],
  [IndicatorStatus, 'IndicatorStatus', 'A replaced indicator is shown but not scored'],
  [Checkpoint, 'Checkpoint', 'Monitoring checkpoint: 30 June or 31 December'],
  [TargetMode, 'TargetMode', 'A monitoring target is never scored'],
  [RevisionKind, 'RevisionKind', 'Original target or "nuova previsione"'],
  [DashboardKind, 'DashboardKind', 'Cruscotto strategico, del servizio, del SG, del dirigente, individuale'],
  [EntryLevel, 'EntryLevel', 'Whether a dashboard row is a strategic or an operational indicator'],
  [FundKind, 'FundKind', 'Incentive fund: Fondo Dirigenti or Fondo Dipendenti'],
  [AuditAction, 'AuditAction', 'What a change did'],
  [ChangeSource, 'ChangeSource', 'Where a change came from'],
];
for (const [enumObj, name, description] of described) registerEnumType(enumObj, { name, description });
