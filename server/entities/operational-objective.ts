import { Collection, ManyToMany, OptionalProps, Property } from '@mikro-orm/core';
import { Field } from 'type-graphql';
import { PurposeClass, Relevance } from '@core/vocabulary/enums';
import { OrgUnit } from './org-unit';
import { Person } from './person';
import { PlanOwned } from './plan-owned';
import { StrategicObjective } from './strategic-objective';
import { OptionalOwner } from './references';
import { NodeEntity, Scored } from './base';
import {
  OptionalDouble,
  OptionalEnum,
  OptionalString,
  OptionalText,
  RequiredBoolean,
  RequiredString,
  RequiredText,
} from './columns';

/**
 * Obiettivo operativo (a Brescia objective card, a Sondrio OO). `contributes` says whether it counts in its
 * strategic objective's contribution component: objectives added mid-year are not linked automatically (docs/domain.md §8.8).
 */
@NodeEntity(
  'Obiettivo operativo, pesato nel suo obiettivo strategico / Obiettivo operativo, weighted in its strategic objective',
  { implements: [Scored] },
)
export class OperationalObjective extends PlanOwned {
  declare [OptionalProps]?: 'contributes' | 'budgetLines' | 'evidence' | 'isNew';

  @OptionalOwner(() => StrategicObjective) strategicObjective?: StrategicObjective | null;

  @RequiredString(50) code!: string;

  @RequiredText() title!: string;

  @OptionalText() description?: string | null;

  @OptionalText('Testo del KPI come stampato, es. "ponderazione" / KPI text as printed, e.g. "ponderazione"') kpi?:
    string | null;

  @OptionalDouble(
    'Peso nel livello sopra, in punti percentuali (20 = 20%) / Weight in the parent, in percent points (20 = 20%)',
  )
  weight?: number | null;

  @RequiredBoolean("Conta nel contributo del livello sopra / Counts in the parent's contribution component")
  contributes: boolean = true;

  @OptionalText('Beneficio atteso / Expected benefit') expectedBenefit?: string | null;

  @OptionalText('Azioni previste / Planned actions') plannedActions?: string | null;

  @OptionalString(300, 'Impegno richiesto (people / FTE), as written') effort?: string | null;

  @OptionalEnum(Relevance) relevance?: Relevance | null;

  @OptionalEnum(PurposeClass) purposeClass?: PurposeClass | null;

  @Field(() => [String], {
    description:
      'Voci di bilancio: importo, conto, codice, come scritte / Budget lines: amount, account, budget code, as written',
  })
  @Property({ type: 'json' })
  budgetLines: string[] = [];

  @Field(() => [String], { description: "Evidenze per l'OIV / Evidence for the OIV" })
  @Property({ type: 'json' })
  evidence: string[] = [];

  @RequiredBoolean('"NUOVO OBIETTIVO": aggiunto da una revisione / "NUOVO OBIETTIVO": added by a revision')
  isNew: boolean = false;

  @OptionalString(36) previousId?: string | null;

  // declared after the older columns: the migration adds it as the table's last column
  @OptionalString(
    300,
    'Prospettiva strategica stampata sulla scheda dell\'obiettivo, anche quando diversa da quella del suo obiettivo strategico (Brescia: la 2.4 "Tutela della legalità" sotto un obiettivo trasversale) / The strategic perspective printed on the objective\'s card, also when it differs from its strategic objective\'s (Brescia: 2.4 "Tutela della legalità" under a cross-cutting objective)',
  )
  cardPerspective?: string | null;

  // a link has no position of its own: units and people are listed by name, through every path that reads them
  @ManyToMany({ entity: () => OrgUnit, orderBy: { name: 'asc', id: 'asc' } })
  responsibleUnits = new Collection<OrgUnit>(this);

  @ManyToMany({ entity: () => Person, orderBy: { fullName: 'asc', id: 'asc' } })
  responsiblePersons = new Collection<Person>(this);
}
