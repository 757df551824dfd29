import type { Opt } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { Checkpoint } from '@core/vocabulary/enums';
import { Indicator } from './indicator';
import { PlanOwned } from './plan-owned';
import { RequiredEnum, RequiredInt } from './columns';
import { Owner } from './references';

/**
 * Rows filed under an indicator, a year and a checkpoint: what is expected then (target) and what was obtained
 * (measurement). Each concrete entity keeps its own unique constraint on the three.
 */
@ObjectType({ simpleResolvers: true })
export abstract class AtCheckpoint extends PlanOwned {
  @Owner(() => Indicator) indicator!: Indicator;

  @RequiredInt() year!: number;

  @RequiredEnum(Checkpoint) checkpoint: Opt<Checkpoint> = Checkpoint.YEAR_END;
}
