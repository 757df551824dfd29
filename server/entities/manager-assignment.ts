import { Entity, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { OperationalObjective } from './operational-objective';
import { Person } from './person';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';
import { StrategicObjective } from './strategic-objective';

/**
 * An objective in a manager's portfolio with its weight in that plan version. One objective may weigh
 * differently for several managers (docs/domain.md §8.4), so the weight lives here, not on the objective.
 */
@ObjectType({ simpleResolvers: true, description: 'Objective assigned to a manager with a weight, for a period' })
@Entity()
export class ManagerAssignment extends PlanOwned {
  declare [OptionalProps]?: PlanOwnedDefaults;

  @ManyToOne(() => Person, { deleteRule: 'cascade' })
  manager!: Person;

  @Field(() => String, { nullable: true, description: 'Label shared by the managers of a joint assignment' })
  @Property({ type: 'string', length: 200, nullable: true })
  jointGroup?: string | null;

  @ManyToOne(() => StrategicObjective, { nullable: true, deleteRule: 'cascade' })
  strategicObjective?: StrategicObjective | null;

  @ManyToOne(() => OperationalObjective, { nullable: true, deleteRule: 'cascade' })
  operationalObjective?: OperationalObjective | null;

  @Field(() => Float, { description: 'Weight in the manager portfolio, percent points' })
  @Property({ type: 'double' })
  weight!: number;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Property({ type: 'string', length: 10, nullable: true })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Property({ type: 'string', length: 10, nullable: true })
  validTo?: string | null;
}
