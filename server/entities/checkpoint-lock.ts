import { Unique } from '@mikro-orm/core';
import { Checkpoint } from '@core/vocabulary/enums';
import { PlanOwned } from './plan-owned';
import { OptionalString, OptionalText, RequiredEnum, RequiredInt } from './columns';
import { NodeEntity } from './base';

/** A closed monitoring period: actual values of (year, checkpoint) can no longer change. */
@NodeEntity(
  'Una scadenza chiusa: i suoi valori non possono cambiare / A locked checkpoint: its actual values cannot change',
)
@Unique({ properties: ['plan', 'year', 'checkpoint'] })
export class CheckpointLock extends PlanOwned {
  @RequiredInt() year!: number;

  @RequiredEnum(Checkpoint) checkpoint!: Checkpoint;

  @OptionalText() reason?: string | null;

  @OptionalString(200) lockedBy?: string | null;
}
