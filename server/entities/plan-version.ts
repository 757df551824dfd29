import { OptionalProps, Property, Unique } from '@mikro-orm/core';
import { PlanStatus } from '@core/vocabulary/enums';
import { Person } from './person';
import { PlanCycle } from './plan-cycle';
import { ScoringProfile } from './scoring-profile';
import { TenantOwned } from './tenant-owned';
import { NodeEntity, Scored } from './base';
import { OptionalDateTime, OptionalString, RequiredEnum, RequiredInt, RequiredString } from './columns';
import { Owner, Reference } from './references';

/**
 * One adopted text of a plan: REV.0 at the start of the year, then a new version for every revision
 * ("nuova previsione", new objectives, new weights). Objectives, indicators and targets belong to a version.
 */
@NodeEntity(
  'Una revisione del piano di un ciclo (REV. n), adottata con un atto / A revision of the plan of a cycle (REV. n), adopted by an act',
  { implements: [Scored] },
)
@Unique({ properties: ['cycle', 'revision'] })
export class PlanVersion extends TenantOwned {
  declare [OptionalProps]?: 'status' | 'changeCount';

  @Owner(() => PlanCycle) cycle!: PlanCycle;

  @RequiredInt() revision!: number;

  @RequiredString(200) label!: string;

  @OptionalString(300, 'es. "Delibera di Giunta n. 2" / e.g. "Delibera di Giunta n. 2"') adoptingAct?: string | null;

  @OptionalString(10, 'Data AAAA-MM-GG / Date YYYY-MM-DD') actDate?: string | null;

  @RequiredEnum(PlanStatus) status: PlanStatus = PlanStatus.DRAFT;

  @Reference(() => ScoringProfile) scoringProfile?: ScoringProfile | null;

  @Reference(() => PlanVersion) previousVersion?: PlanVersion | null;

  @OptionalDateTime() approvedAt?: Date | null;

  @Reference(() => Person) approvedBy?: Person | null;

  @OptionalString(
    200,
    "L'utente che l'ha approvata (approvePlanVersion) / The user who approved it (approvePlanVersion)",
  )
  approvedByUser?: string | null;

  @OptionalDateTime() closedAt?: Date | null;

  @OptionalString(200, "L'utente che l'ha chiusa (closePlanVersion) / The user who closed it (closePlanVersion)")
  closedByUser?: string | null;

  /**
   * Bumped once by every transaction that changes the plan's data (server/services/plan-change-counter.ts), in that
   * transaction: what the score cache's stamp reads (plan-stamp.ts) in constant time. Never in the API; lazy, so a
   * loaded plan never carries a copy that could be written back over a newer count.
   */
  @Property({ type: 'integer', default: 0, lazy: true, hidden: true })
  changeCount?: number;
}
