import { Entity, OptionalProps } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';
import { OptionalString, RequiredString } from './columns';

/** Balanced-scorecard dimension; data, not an enum: plans do use others than the usual four. */
@ObjectType({
  simpleResolvers: true,
  description:
    'Prospettiva: una dimensione della balanced scorecard di un piano / Prospettiva: a balanced-scorecard dimension of a plan',
})
@Entity()
export class Perspective extends PlanOwned {
  declare [OptionalProps]?: PlanOwnedDefaults;

  @OptionalString(50) code?: string | null;

  @RequiredString(500) name!: string;
}
