import { OperationalObjective } from './operational-objective';
import { Person } from './person';
import { PlanOwned } from './plan-owned';
import { StrategicObjective } from './strategic-objective';
import { OptionalString, RequiredDouble } from './columns';
import { OptionalOwner, Owner } from './references';
import { NodeEntity } from './base';

/**
 * An objective in a manager's portfolio with its weight in that plan version. One objective may weigh
 * differently for several managers (docs/domain.md §8.4), so the weight lives here, not on the objective.
 */
@NodeEntity(
  'Obiettivo assegnato a un dirigente con un peso, per un periodo / Objective assigned to a manager with a weight, for a period',
)
export class ManagerAssignment extends PlanOwned {
  @Owner(() => Person) manager!: Person;

  @OptionalString(
    200,
    'Etichetta comune ai dirigenti di un incarico congiunto / Label shared by the managers of a joint assignment',
  )
  jointGroup?: string | null;

  @OptionalOwner(() => StrategicObjective) strategicObjective?: StrategicObjective | null;

  @OptionalOwner(() => OperationalObjective) operationalObjective?: OperationalObjective | null;

  @RequiredDouble(
    'Peso nel portafoglio del dirigente, in punti percentuali / Weight in the manager portfolio, percent points',
  )
  weight!: number;

  @OptionalString(10, 'Data AAAA-MM-GG / Date YYYY-MM-DD') validFrom?: string | null;

  @OptionalString(10, 'Data AAAA-MM-GG / Date YYYY-MM-DD') validTo?: string | null;
}
