import { DateTimeType, Entity, Enum, ManyToOne, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { PlanStatus } from '@core/vocabulary/enums';
import { Person } from './person';
import { PlanCycle } from './plan-cycle';
import { ScoringProfile } from './scoring-profile';
import { TenantOwned } from './tenant-owned';
import { NodeDefaults } from './base';
import { OptionalString, RequiredString } from './columns';

/**
 * One adopted text of a plan: REV.0 at the start of the year, then a new version for every revision
 * ("nuova previsione", new objectives, new weights). Objectives, indicators and targets belong to a version.
 */
@ObjectType({ simpleResolvers: true, description: 'A revision of the plan of a cycle (REV. n), adopted by an act' })
@Entity()
@Unique({ properties: ['cycle', 'revision'] })
export class PlanVersion extends TenantOwned {
  declare [OptionalProps]?: NodeDefaults | 'status';

  @ManyToOne(() => PlanCycle, { deleteRule: 'cascade' })
  cycle!: PlanCycle;

  @Field(() => Int)
  @Property({ type: 'integer' })
  revision!: number;

  @RequiredString(200) label!: string;

  @OptionalString(300, 'e.g. "Delibera di Giunta n. 2"') adoptingAct?: string | null;

  @OptionalString(10, 'YYYY-MM-DD') actDate?: string | null;

  @Field(() => PlanStatus)
  @Enum({ items: () => PlanStatus })
  status: PlanStatus = PlanStatus.DRAFT;

  @ManyToOne(() => ScoringProfile, { nullable: true, deleteRule: 'set null' })
  scoringProfile?: ScoringProfile | null;

  @ManyToOne(() => PlanVersion, { nullable: true, deleteRule: 'set null' })
  previousVersion?: PlanVersion | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  approvedAt?: Date | null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  approvedBy?: Person | null;

  @OptionalString(200, 'The user who approved it (approvePlanVersion)') approvedByUser?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  closedAt?: Date | null;

  @OptionalString(200, 'The user who closed it (closePlanVersion)') closedByUser?: string | null;
}
