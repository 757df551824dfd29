/**
 * Domain vocabularies (docs/domain.md §2). GraphQL shows the UPPER_CASE names (registered in
 * server/graphql/enums.ts); the database and the scoring engine store the lower-case values, which are the
 * engine's own string literals. Plain enums, no library: the add-in bundles them.
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
