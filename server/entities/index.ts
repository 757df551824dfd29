import { Activity } from './activity';
import { ApiToken } from './api-token';
import { AuditEvent } from './audit-event';
import { Baseline } from './baseline';
import { CheckpointLock } from './checkpoint-lock';
import { Dashboard } from './dashboard';
import { DashboardEntry } from './dashboard-entry';
import { FundParameter } from './fund-parameter';
import { Indicator } from './indicator';
import { ManagerAssignment } from './manager-assignment';
import { ManagerRole } from './manager-role';
import { Membership } from './membership';
import { Measurement } from './measurement';
import { OperationalObjective } from './operational-objective';
import { OrgUnit } from './org-unit';
import { Organisation } from './organisation';
import { Person } from './person';
import { Perspective } from './perspective';
import { PlanCycle } from './plan-cycle';
import { PlanVersion } from './plan-version';
import { Project } from './project';
import { ScoringProfile } from './scoring-profile';
import { StrategicObjective } from './strategic-objective';
import { SyncBatch } from './sync-batch';
import { Target } from './target';
import { TargetRevision } from './target-revision';
import { User } from './user';

export {
  Activity,
  AuditEvent,
  Baseline,
  CheckpointLock,
  Dashboard,
  DashboardEntry,
  FundParameter,
  Indicator,
  ManagerAssignment,
  ManagerRole,
  Measurement,
  OperationalObjective,
  OrgUnit,
  Organisation,
  Person,
  Perspective,
  PlanCycle,
  PlanVersion,
  Project,
  ScoringProfile,
  StrategicObjective,
  SyncBatch,
  Target,
  TargetRevision,
  User,
  ApiToken,
  Membership,
};

/** Every entity, for the ORM configuration (no folder scanning: the same list works from TS and compiled JS). */
export const ENTITIES = [
  Organisation,
  OrgUnit,
  Person,
  ManagerRole,
  PlanCycle,
  FundParameter,
  ScoringProfile,
  PlanVersion,
  Perspective,
  StrategicObjective,
  OperationalObjective,
  Project,
  Indicator,
  Target,
  TargetRevision,
  Baseline,
  Measurement,
  Activity,
  Dashboard,
  DashboardEntry,
  ManagerAssignment,
  AuditEvent,
  CheckpointLock,
  SyncBatch,
  User,
  ApiToken,
  Membership,
];
