import { Entity, OptionalProps, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';
import { OptionalString } from './columns';

/** Balanced-scorecard dimension; data, not an enum: plans do use others than the usual four. */
@ObjectType({ simpleResolvers: true, description: 'Prospettiva: a balanced-scorecard dimension of a plan' })
@Entity()
export class Perspective extends PlanOwned {
  declare [OptionalProps]?: PlanOwnedDefaults;

  @OptionalString(50) code?: string | null;

  @Field()
  @Property({ type: 'string', length: 500 })
  name!: string;
}
