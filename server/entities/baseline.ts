import { Unique } from '@mikro-orm/core';
import type { ParsedValue } from '@core/values/types';
import { Indicator } from './indicator';
import { TenantOwned } from './tenant-owned';
import { NodeEntity } from './base';
import { OptionalText, OptionalValue, RequiredInt } from './columns';
import { Owner } from './references';

/** Previous year's target and actual as printed in the plan ("consuntivo … o ultimo dato disponibile"). */
@NodeEntity(
  'Valore di partenza di un indicatore: un anno di riferimento con target e valore come stampati / Baseline of an indicator: a reference year with its target and actual as printed',
)
@Unique({ properties: ['indicator', 'year'] })
export class Baseline extends TenantOwned {
  @Owner(() => Indicator) indicator!: Indicator;

  @RequiredInt() year!: number;

  @OptionalValue() target?: ParsedValue | null;

  @OptionalValue() actual?: ParsedValue | null;

  @OptionalText() note?: string | null;
}
