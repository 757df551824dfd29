import { Collection, Index, ManyToMany, OptionalProps, Property } from '@mikro-orm/core';
import { Field } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { IndicatorCategory, IndicatorStatus, Polarity, ScoringRule, ValueKind } from '@core/vocabulary/enums';
import { OperationalObjective } from './operational-objective';
import { OrgUnit } from './org-unit';
import { PlanOwned } from './plan-owned';
import { Project } from './project';
import { StrategicObjective } from './strategic-objective';
import { OptionalOwner, Reference } from './references';
import { NodeEntity, Scored } from './base';
import {
  OptionalDouble,
  OptionalEnum,
  OptionalString,
  OptionalText,
  RequiredBoolean,
  RequiredEnum,
  RequiredString,
  RequiredText,
} from './columns';

/**
 * Indicatore / KPI (a Sondrio action, a Bergamo dashboard row, "Indicatore n" of a Brescia card). It hangs from an
 * operational objective, or directly from a strategic objective (own indicators).
 */
@NodeEntity('Indicatore (KPI) con polarità, regola e peso / Indicator (KPI) with its polarity, rule and weight', {
  implements: [Scored],
})
// the plan's sliced reads (server/speed/read-slices.ts) go by primary key within the plan: `plan_id = ? and id > ?
// order by id limit n` seeks here; on the plan's index alone each slice sorted all the plan's rows (bench B4)
@Index({ properties: ['plan', 'id'] })
// the price of a plan-wide read counts the plan's indicators through the tenant filter (server/http/plan-cost.ts,
// planSize: `plan_id = ? and org_id in (…)`), five requests in six under B4: on (plan, id) each indicator's row was
// read for its organisation (SQLite 2.5 ms, PostgreSQL a scan of the table per read; session readcpu)
@Index({ properties: ['plan', 'org'] })
export class Indicator extends PlanOwned {
  declare [OptionalProps]?: 'valueKind' | 'polarity' | 'polarityConfirmed' | 'monitoring' | 'categories' | 'status';

  @OptionalOwner(() => StrategicObjective) strategicObjective?: StrategicObjective | null;

  @OptionalOwner(() => OperationalObjective) operationalObjective?: OperationalObjective | null;

  @RequiredString(50) code!: string;

  @RequiredText(
    "Titolo (l'azione di Sondrio, il nome dell'indicatore di Brescia) / Title (the Sondrio action, the Brescia indicator name)",
  )
  title!: string;

  @OptionalText('Etichetta "Azione" di Bergamo / Bergamo "Azione" label') actionLabel?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Formula / KPI text, e.g. "imprese iscritte al RASL / imprese attive"',
  })
  @Property({ type: 'text', nullable: true })
  formula?: string | null;

  @OptionalText() numerator?: string | null;

  @OptionalText() denominator?: string | null;

  @OptionalString(
    50,
    "Unità di misura: '%', 'EUR', 'giorni', 'persone', … / Unit of measure: '%', 'EUR', 'days', 'persone', …",
  )
  unit?: string | null;

  @RequiredEnum(ValueKind) valueKind: ValueKind = ValueKind.NUMBER;

  @RequiredEnum(Polarity) polarity: Polarity = Polarity.HIGHER;

  @RequiredBoolean(
    'Falso finché la polarità è solo dedotta (POLARITY_UNCONFIRMED) / False while the polarity is only inferred (POLARITY_UNCONFIRMED)',
  )
  polarityConfirmed: boolean = false;

  @OptionalText('Perché questa polarità: da che cosa è stata letta / Why this polarity: the evidence it was read from')
  polarityEvidence?: string | null;

  @OptionalEnum(
    ScoringRule,
    'Regola esplicita; null = dalle soglie o dalla polarità / Explicit rule; null = from thresholds or polarity',
  )
  rule?: ScoringRule | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Parametri della regola che sostituiscono il profilo, es. graceDays / Rule parameters overriding the profile, e.g. graceDays',
  })
  @Property({ type: 'json', nullable: true })
  ruleParams?: Record<string, unknown> | null;

  @OptionalDouble("Peso nell'obiettivo padre, in punti percentuali / Weight in the parent objective, percent points")
  weight?: number | null;

  @RequiredBoolean(
    'Solo monitoraggio in partenza (mai pesato, mai valutato) / Monitoring-only by default (never weighted, never scored)',
  )
  monitoring: boolean = false;

  @OptionalString(300, 'Fonte del dato / Data source') dataSource?: string | null;

  @Field(() => [IndicatorCategory])
  @Property({ type: 'json' })
  categories: IndicatorCategory[] = [];

  @RequiredEnum(IndicatorStatus) status: IndicatorStatus = IndicatorStatus.ACTIVE;

  @Reference(() => Indicator) replacedBy?: Indicator | null;

  @OptionalString(10, 'Data AAAA-MM-GG / Date YYYY-MM-DD') replacedOn?: string | null;

  @OptionalText() replacementReason?: string | null;

  @Reference(() => Project) project?: Project | null;

  @OptionalString(36) previousId?: string | null;

  // a link has no position of its own: units are listed by name, the same through every path that reads them
  @ManyToMany({ entity: () => OrgUnit, orderBy: { name: 'asc', id: 'asc' } })
  responsibleUnits = new Collection<OrgUnit>(this);
}
