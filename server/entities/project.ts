import { Person } from './person';
import { PlanOwned } from './plan-owned';
import { RequiredText } from './columns';
import { Reference } from './references';
import { NodeEntity } from './base';

/** A project appears in dashboards as one indicator "Progetto: <name>" scored from its activities. */
@NodeEntity('Progetto, con le sue attività (scheda progetto) / Progetto, with its activities (scheda progetto)')
export class Project extends PlanOwned {
  @RequiredText() name!: string;

  @Reference(() => Person) responsible?: Person | null;
}
