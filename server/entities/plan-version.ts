import { DateTimeType, Entity, Enum, ManyToOne, OptionalProps, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { PlanStatus } from '@core/vocabulary/enums';
import { Person } from './person';
import { PlanCycle } from './plan-cycle';
import { ScoringProfile } from './scoring-profile';
import { TenantOwned } from './tenant-owned';
import { NodeDefaults } from './base';

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

  @Field()
  @Property({ type: 'string', length: 200 })
  label!: string;

  @Field(() => String, { nullable: true, description: 'e.g. "Delibera di Giunta n. 2"' })
  @Property({ type: 'string', length: 300, nullable: true })
  adoptingAct?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Property({ type: 'string', length: 10, nullable: true })
  actDate?: string | null;

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

  @Field(() => String, { nullable: true, description: 'The user who approved it (approvePlanVersion)' })
  @Property({ type: 'string', length: 200, nullable: true })
  approvedByUser?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  closedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The user who closed it (closePlanVersion)' })
  @Property({ type: 'string', length: 200, nullable: true })
  closedByUser?: string | null;
}
