/**
 * Every entity class, each from its own file: the one list of them. server/entities/index.ts gives them as ENTITIES to
 * the ORM, whose discovery needs no particular order.
 */
export { Activity } from './activity';
export { ApiToken } from './api-token';
export { AuditEvent } from './audit-event';
export { Baseline } from './baseline';
export { CheckpointLock } from './checkpoint-lock';
export { Dashboard } from './dashboard';
export { DashboardEntry } from './dashboard-entry';
export { FundParameter } from './fund-parameter';
export { Indicator } from './indicator';
export { ManagerAssignment } from './manager-assignment';
export { ManagerRole } from './manager-role';
export { Measurement } from './measurement';
export { Membership } from './membership';
export { OperationalObjective } from './operational-objective';
export { OrgUnit } from './org-unit';
export { Organisation } from './organisation';
export { Person } from './person';
export { Perspective } from './perspective';
export { PlanCycle } from './plan-cycle';
export { PlanCommit } from './plan-commit';
export { PlanVersion } from './plan-version';
export { Project } from './project';
export { ScoringProfile } from './scoring-profile';
export { StrategicObjective } from './strategic-objective';
export { SyncBatch } from './sync-batch';
export { Target } from './target';
export { TargetRevision } from './target-revision';
export { User } from './user';
