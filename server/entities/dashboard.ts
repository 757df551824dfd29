import { Entity, Enum, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DashboardKind } from '@core/vocabulary/enums';
import { OrgUnit } from './org-unit';
import { Person } from './person';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';
import { RequiredString } from './columns';

/** A cruscotto: an independent selection of indicators, scored only over its own entries (docs/scoring.md §5.8). */
@ObjectType({
  simpleResolvers: true,
  description: 'Cruscotto: strategic, service, SG, manager or individual dashboard',
})
@Entity()
export class Dashboard extends PlanOwned {
  declare [OptionalProps]?: PlanOwnedDefaults;

  @Field(() => DashboardKind)
  @Enum({ items: () => DashboardKind })
  kind!: DashboardKind;

  @RequiredString(300) name!: string;

  @ManyToOne(() => OrgUnit, { nullable: true, deleteRule: 'set null' })
  ownerUnit?: OrgUnit | null;

  @ManyToOne(() => Person, { nullable: true, deleteRule: 'set null' })
  ownerPerson?: Person | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  year?: number | null;
}
