import { Collection, Entity, ManyToMany, OptionalProps, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { IndicatorCategory, IndicatorStatus, Polarity, ScoringRule, ValueKind } from '@core/vocabulary/enums';
import { OperationalObjective } from './operational-objective';
import { OrgUnit } from './org-unit';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';
import { Project } from './project';
import { StrategicObjective } from './strategic-objective';
import { OptionalOwner, Reference } from './references';
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
@ObjectType({ simpleResolvers: true, description: 'Indicator (KPI) with its polarity, rule and weight' })
@Entity()
export class Indicator extends PlanOwned {
  declare [OptionalProps]?:
    PlanOwnedDefaults | 'valueKind' | 'polarity' | 'polarityConfirmed' | 'monitoring' | 'categories' | 'status';

  @OptionalOwner(() => StrategicObjective) strategicObjective?: StrategicObjective | null;

  @OptionalOwner(() => OperationalObjective) operationalObjective?: OperationalObjective | null;

  @RequiredString(50) code!: string;

  @RequiredText('Title (the Sondrio action, the Brescia indicator name)') title!: string;

  @OptionalText('Bergamo "Azione" label') actionLabel?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Formula / KPI text, e.g. "imprese iscritte al RASL / imprese attive"',
  })
  @Property({ type: 'text', nullable: true })
  formula?: string | null;

  @OptionalText() numerator?: string | null;

  @OptionalText() denominator?: string | null;

  @OptionalString(50, "Unit of measure: '%', 'EUR', 'days', 'persone', …") unit?: string | null;

  @RequiredEnum(ValueKind) valueKind: ValueKind = ValueKind.NUMBER;

  @RequiredEnum(Polarity) polarity: Polarity = Polarity.HIGHER;

  @RequiredBoolean('False while the polarity is only inferred (POLARITY_UNCONFIRMED)') polarityConfirmed: boolean =
    false;

  @OptionalText('Why this polarity: the evidence it was read from') polarityEvidence?: string | null;

  @OptionalEnum(ScoringRule, 'Explicit rule; null = from thresholds or polarity') rule?: ScoringRule | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Rule parameters overriding the profile, e.g. graceDays',
  })
  @Property({ type: 'json', nullable: true })
  ruleParams?: Record<string, unknown> | null;

  @OptionalDouble('Weight in the parent objective, percent points') weight?: number | null;

  @RequiredBoolean('Monitoring-only by default (never weighted, never scored)') monitoring: boolean = false;

  @OptionalString(300, 'Fonte del dato') dataSource?: string | null;

  @Field(() => [IndicatorCategory])
  @Property({ type: 'json' })
  categories: IndicatorCategory[] = [];

  @RequiredEnum(IndicatorStatus) status: IndicatorStatus = IndicatorStatus.ACTIVE;

  @Reference(() => Indicator) replacedBy?: Indicator | null;

  @OptionalString(10, 'YYYY-MM-DD') replacedOn?: string | null;

  @OptionalText() replacementReason?: string | null;

  @Reference(() => Project) project?: Project | null;

  @OptionalString(36) previousId?: string | null;

  // a link has no position of its own: units are listed by name, the same through every path that reads them
  @ManyToMany({ entity: () => OrgUnit, orderBy: { name: 'asc', id: 'asc' } })
  responsibleUnits = new Collection<OrgUnit>(this);
}
