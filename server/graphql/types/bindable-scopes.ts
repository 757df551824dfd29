import { Field } from 'type-graphql';
import { Dashboard, OrgUnit } from '../../entities';
import { AnswerType } from '../answer-type';

/** What a new sheet of a plan may be scoped to, for the caller (server/sync/bindable-scopes.ts). */
@AnswerType(
  'Le unità e i cruscotti a cui chi chiama può limitare un foglio del piano (sheetRows e syncRows con scope li accettano, gli altri no) / The units and cruscotti the caller may scope a sheet of the plan to (sheetRows and syncRows accept them as scope, refuse the others)',
)
export class BindableScopes {
  @Field({
    description:
      "Vero quando i fogli di chi chiama sono limitati alle proprie unità (un editor di unità): liste vuote vogliono dire nessuna unità assegnata / True when the caller's sheets are limited to their own units (a unit editor): empty lists then mean no unit assigned",
  })
  limitedToOwnUnits!: boolean;

  @Field(() => [OrgUnit], { description: 'Per nome / By name' })
  units!: OrgUnit[];

  @Field(() => [Dashboard], {
    description:
      "Nell'ordine del piano; per chi è limitato alle proprie unità, quelli di cui una di esse è titolare / In the plan's order; for a caller limited to their units, those one of them owns",
  })
  dashboards!: Dashboard[];
}
