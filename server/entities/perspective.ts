import { PlanOwned } from './plan-owned';
import { OptionalString, RequiredString } from './columns';
import { NodeEntity, Scored } from './base';

/** Balanced-scorecard dimension; data, not an enum: plans do use others than the usual four. */
@NodeEntity(
  'Prospettiva: una dimensione della balanced scorecard di un piano / Prospettiva: a balanced-scorecard dimension of a plan',
  { implements: [Scored] },
)
export class Perspective extends PlanOwned {
  @OptionalString(50) code?: string | null;

  @RequiredString(500) name!: string;
}
