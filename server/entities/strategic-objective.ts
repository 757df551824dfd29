import { Relevance } from '@core/vocabulary/enums';
import { Perspective } from './perspective';
import { PlanOwned } from './plan-owned';
import { OptionalDouble, OptionalEnum, OptionalString, OptionalText, RequiredString, RequiredText } from './columns';
import { Owner } from './references';
import { NodeEntity, Scored } from './base';

@NodeEntity('Obiettivo strategico / Strategic objective', { implements: [Scored] })
export class StrategicObjective extends PlanOwned {
  @Owner(() => Perspective) perspective!: Perspective;

  @RequiredString(
    50,
    "Etichetta in questa versione del piano; non un'identità / Label in this plan version; not an identity",
  )
  code!: string;

  @RequiredText() title!: string;

  @OptionalText() description?: string | null;

  @OptionalText('Testo del KPI come stampato, es. "ponderazione" / KPI text as printed, e.g. "ponderazione"') kpi?:
    string | null;

  @OptionalString(
    10,
    'Codice della missione nazionale: 011, 012, 016, 032… / National mission code: 011, 012, 016, 032…',
  )
  missionCode?: string | null;

  @OptionalString(300, 'Area strategica (Brescia) / Strategic area (Brescia)') strategicArea?: string | null;

  @OptionalDouble(
    'Soglia di sufficienza in [0, 1]; non riscala il punteggio / Pass mark in [0, 1]; never rescales the score',
  )
  passMark?: number | null;

  @OptionalDouble(
    'Quota degli indicatori propri rispetto al contributo operativo, [0, 1] / Share of own indicators vs operational contribution, [0, 1]',
  )
  ownShare?: number | null;

  @OptionalEnum(Relevance) relevance?: Relevance | null;

  @OptionalString(
    36,
    "Id dell'obiettivo di un ciclo precedente che questo continua / Id of the objective this one continues from an earlier cycle",
  )
  previousId?: string | null;
}
