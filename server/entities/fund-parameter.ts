import { Unique } from '@mikro-orm/core';
import { FundKind } from '@core/vocabulary/enums';
import { PlanCycle } from './plan-cycle';
import { TenantOwned } from './tenant-owned';
import { NodeEntity } from './base';
import { OptionalText, RequiredDouble, RequiredEnum } from './columns';
import { Owner } from './references';

/** Unit value per relevance point of an incentive fund in one cycle (docs/scoring.md §5.9). */
@NodeEntity(
  'Valore in euro di un punto di rilevanza di un fondo incentivante in un ciclo / Value in euro of one relevance point of an incentive fund in a cycle',
)
@Unique({ properties: ['cycle', 'fund'] })
export class FundParameter extends TenantOwned {
  @Owner(() => PlanCycle) cycle!: PlanCycle;

  @RequiredEnum(FundKind) fund!: FundKind;

  @RequiredDouble() unitValue!: number;

  @OptionalText() note?: string | null;
}
