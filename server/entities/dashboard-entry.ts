import { OptionalProps } from '@mikro-orm/core';
import { EntryLevel } from '@core/vocabulary/enums';
import { Dashboard } from './dashboard';
import { Indicator } from './indicator';
import { OperationalObjective } from './operational-objective';
import { PlanOwned } from './plan-owned';
import { StrategicObjective } from './strategic-objective';
import { OptionalDouble, OptionalString, OptionalText, RequiredEnum } from './columns';
import { Owner, Reference } from './references';
import { NodeEntity } from './base';

/** One row of a dashboard. The same indicator may be listed in many dashboards, with different attributes. */
@NodeEntity(
  'Una riga di un cruscotto: un indicatore raggruppato sotto un obiettivo / A row of a dashboard: an indicator grouped under an objective',
)
export class DashboardEntry extends PlanOwned {
  declare [OptionalProps]?: 'level';

  @Owner(() => Dashboard) dashboard!: Dashboard;

  @Owner(() => Indicator) indicator!: Indicator;

  @Reference(() => StrategicObjective) strategicObjective?: StrategicObjective | null;

  @Reference(() => OperationalObjective) operationalObjective?: OperationalObjective | null;

  @OptionalDouble() weight?: number | null;

  @RequiredEnum(EntryLevel) level: EntryLevel = EntryLevel.STRATEGIC;

  @OptionalText() actionLabel?: string | null;

  @OptionalString(
    300,
    "Sostituisce la fonte del dato dell'indicatore in questo cruscotto / Overrides the indicator's data source in this dashboard",
  )
  dataSource?: string | null;
}
