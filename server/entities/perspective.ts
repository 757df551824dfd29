import { Entity, OptionalProps, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';

/** Balanced-scorecard dimension; data, not an enum: plans do use others than the usual four. */
@ObjectType({ simpleResolvers: true, description: 'Prospettiva: a balanced-scorecard dimension of a plan' })
@Entity()
export class Perspective extends PlanOwned {
  declare [OptionalProps]?: PlanOwnedDefaults;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  code?: string | null;

  @Field()
  @Property({ type: 'string', length: 500 })
  name!: string;
}
