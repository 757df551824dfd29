import { Entity, OptionalProps, Unique } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { Checkpoint } from '@core/vocabulary/enums';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';
import { OptionalString, OptionalText, RequiredEnum, RequiredInt } from './columns';

/** A closed monitoring period: actual values of (year, checkpoint) can no longer change. */
@ObjectType({
  simpleResolvers: true,
  description:
    'Una scadenza chiusa: i suoi valori non possono cambiare / A locked checkpoint: its actual values cannot change',
})
@Entity()
@Unique({ properties: ['plan', 'year', 'checkpoint'] })
export class CheckpointLock extends PlanOwned {
  declare [OptionalProps]?: PlanOwnedDefaults;

  @RequiredInt() year!: number;

  @RequiredEnum(Checkpoint) checkpoint!: Checkpoint;

  @OptionalText() reason?: string | null;

  @OptionalString(200) lockedBy?: string | null;
}
