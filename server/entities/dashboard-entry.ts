import { Entity, Enum, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { EntryLevel } from '@core/vocabulary/enums';
import { Dashboard } from './dashboard';
import { Indicator } from './indicator';
import { OperationalObjective } from './operational-objective';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';
import { StrategicObjective } from './strategic-objective';

/** One row of a dashboard. The same indicator may be listed in many dashboards, with different attributes. */
@ObjectType({ simpleResolvers: true, description: 'A row of a dashboard: an indicator grouped under an objective' })
@Entity()
export class DashboardEntry extends PlanOwned {
  declare [OptionalProps]?: PlanOwnedDefaults | 'level';

  @ManyToOne(() => Dashboard, { deleteRule: 'cascade' })
  dashboard!: Dashboard;

  @ManyToOne(() => Indicator, { deleteRule: 'cascade' })
  indicator!: Indicator;

  @ManyToOne(() => StrategicObjective, { nullable: true, deleteRule: 'set null' })
  strategicObjective?: StrategicObjective | null;

  @ManyToOne(() => OperationalObjective, { nullable: true, deleteRule: 'set null' })
  operationalObjective?: OperationalObjective | null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  weight?: number | null;

  @Field(() => EntryLevel)
  @Enum({ items: () => EntryLevel })
  level: EntryLevel = EntryLevel.STRATEGIC;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  actionLabel?: string | null;

  @Field(() => String, { nullable: true, description: "Overrides the indicator's data source in this dashboard" })
  @Property({ type: 'string', length: 300, nullable: true })
  dataSource?: string | null;
}
