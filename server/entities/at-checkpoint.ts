import { Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Checkpoint } from '@core/vocabulary/enums';
import { Indicator } from './indicator';
import { PlanOwned } from './plan-owned';

/**
 * Rows filed under an indicator, a year and a checkpoint: what is expected then (target) and what was obtained
 * (measurement). Each concrete entity keeps its own unique constraint on the three.
 */
@ObjectType({ simpleResolvers: true })
export abstract class AtCheckpoint extends PlanOwned {
  @ManyToOne(() => Indicator, { deleteRule: 'cascade' })
  indicator!: Indicator;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => Checkpoint)
  @Enum({ items: () => Checkpoint })
  checkpoint: Checkpoint = Checkpoint.YEAR_END;
}
