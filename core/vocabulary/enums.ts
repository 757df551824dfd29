/**
 * Domain vocabularies (docs/domain.md §2). GraphQL shows the UPPER_CASE names (registered in
 * server/graphql/enums.ts); the database and the scoring engine store the lower-case values, which are the
 * engine's own string literals. Declared with vocabulary() (closed-set.ts), no library: the add-in bundles them.
 */
import { vocabulary, type WordOf } from './closed-set';

export const UnitType = vocabulary('area', 'servizio', 'ufficio', 'uo', 'staff', 'working_group', 'special_agency');
export type UnitType = WordOf<typeof UnitType>;

export const ManagerRoleKind = vocabulary(
  ['SECRETARY_GENERAL', 'sg'],
  'dirigente',
  'conservatore',
  ['POSIZIONE_ORGANIZZATIVA', 'po'],
  'responsabile',
  'consultant',
);
export type ManagerRoleKind = WordOf<typeof ManagerRoleKind>;

export const PlanStatus = vocabulary('draft', 'approved', 'superseded', 'closed');
export type PlanStatus = WordOf<typeof PlanStatus>;

export const ProfileStatus = vocabulary('draft', 'frozen');
export type ProfileStatus = WordOf<typeof ProfileStatus>;

export const Relevance = vocabulary('high', 'medium', 'low');
export type Relevance = WordOf<typeof Relevance>;

export const PurposeClass = vocabulary('a', 'b', 'c');
export type PurposeClass = WordOf<typeof PurposeClass>;

export const Polarity = vocabulary('higher', 'lower', 'deadline', 'boolean');
export type Polarity = WordOf<typeof Polarity>;

export const ScoringRule = vocabulary(
  'ratio',
  'inverse',
  'deadline',
  'boolean',
  'bands',
  'manual',
  'project',
  'monitoring',
);
export type ScoringRule = WordOf<typeof ScoringRule>;

export const ValueKind = vocabulary('number', 'percent', 'currency', 'days', 'date', 'boolean', 'text');
export type ValueKind = WordOf<typeof ValueKind>;

export const IndicatorCategory = vocabulary(
  'external_effectiveness',
  'internal_effectiveness',
  'efficiency',
  'quality',
);
export type IndicatorCategory = WordOf<typeof IndicatorCategory>;

export const IndicatorStatus = vocabulary('active', 'replaced');
export type IndicatorStatus = WordOf<typeof IndicatorStatus>;

export const Checkpoint = vocabulary(['MID_YEAR', '30/6'], ['YEAR_END', '31/12']);
export type Checkpoint = WordOf<typeof Checkpoint>;

export const TargetMode = vocabulary('scored', 'monitoring');
export type TargetMode = WordOf<typeof TargetMode>;

export const RevisionKind = vocabulary('original', 'revised');
export type RevisionKind = WordOf<typeof RevisionKind>;

export const DashboardKind = vocabulary(
  'strategic',
  'service',
  ['SECRETARY_GENERAL', 'sg'],
  ['MANAGER', 'dirigente'],
  'individual',
);
export type DashboardKind = WordOf<typeof DashboardKind>;

export const EntryLevel = vocabulary('strategic', 'operational');
export type EntryLevel = WordOf<typeof EntryLevel>;

export const FundKind = vocabulary('dirigenti', 'dipendenti');
export type FundKind = WordOf<typeof FundKind>;

export const AuditAction = vocabulary('create', 'update', 'delete');
export type AuditAction = WordOf<typeof AuditAction>;

export const ChangeSource = vocabulary('graphql', 'addin', 'import', 'system');
export type ChangeSource = WordOf<typeof ChangeSource>;
