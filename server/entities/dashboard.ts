import { DashboardKind } from '@core/vocabulary/enums';
import { OrgUnit } from './org-unit';
import { Person } from './person';
import { PlanOwned } from './plan-owned';
import { OptionalInt, RequiredEnum, RequiredString } from './columns';
import { Reference } from './references';
import { NodeEntity, Scored } from './base';

/** A cruscotto: an independent selection of indicators, scored only over its own entries (docs/scoring.md §5.8). */
@NodeEntity(
  'Cruscotto strategico, del servizio, del SG, del dirigente o individuale / Cruscotto: strategic, service, SG, manager or individual dashboard',
  { implements: [Scored] },
)
export class Dashboard extends PlanOwned {
  @RequiredEnum(DashboardKind) kind!: DashboardKind;

  @RequiredString(300) name!: string;

  @Reference(() => OrgUnit) ownerUnit?: OrgUnit | null;

  @Reference(() => Person) ownerPerson?: Person | null;

  @OptionalInt() year?: number | null;
}
