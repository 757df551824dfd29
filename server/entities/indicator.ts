import { Collection, Entity, Enum, ManyToMany, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { IndicatorCategory, IndicatorStatus, Polarity, ScoringRule, ValueKind } from '@core/vocabulary/enums';
import { OperationalObjective } from './operational-objective';
import { OrgUnit } from './org-unit';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';
import { Project } from './project';
import { StrategicObjective } from './strategic-objective';

/**
 * Indicatore / KPI (a Sondrio action, a Bergamo dashboard row, "Indicatore n" of a Brescia card). It hangs from an
 * operational objective, or directly from a strategic objective (own indicators).
 */
@ObjectType({ simpleResolvers: true, description: 'Indicator (KPI) with its polarity, rule and weight' })
@Entity()
export class Indicator extends PlanOwned {
  declare [OptionalProps]?:
    PlanOwnedDefaults | 'valueKind' | 'polarity' | 'polarityConfirmed' | 'monitoring' | 'categories' | 'status';

  @ManyToOne(() => StrategicObjective, { nullable: true, deleteRule: 'cascade' })
  strategicObjective?: StrategicObjective | null;

  @ManyToOne(() => OperationalObjective, { nullable: true, deleteRule: 'cascade' })
  operationalObjective?: OperationalObjective | null;

  @Field()
  @Property({ type: 'string', length: 50 })
  code!: string;

  @Field({ description: 'Title (the Sondrio action, the Brescia indicator name)' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Bergamo "Azione" label' })
  @Property({ type: 'text', nullable: true })
  actionLabel?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Formula / KPI text, e.g. "imprese iscritte al RASL / imprese attive"',
  })
  @Property({ type: 'text', nullable: true })
  formula?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  numerator?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  denominator?: string | null;

  @Field(() => String, { nullable: true, description: "Unit of measure: '%', 'EUR', 'days', 'persone', …" })
  @Property({ type: 'string', length: 50, nullable: true })
  unit?: string | null;

  @Field(() => ValueKind)
  @Enum({ items: () => ValueKind })
  valueKind: ValueKind = ValueKind.NUMBER;

  @Field(() => Polarity)
  @Enum({ items: () => Polarity })
  polarity: Polarity = Polarity.HIGHER;

  @Field({ description: 'False while the polarity is only inferred (POLARITY_UNCONFIRMED)' })
  @Property({ type: 'boolean' })
  polarityConfirmed: boolean = false;

  @Field(() => String, { nullable: true, description: 'Why this polarity: the evidence it was read from' })
  @Property({ type: 'text', nullable: true })
  polarityEvidence?: string | null;

  @Field(() => ScoringRule, { nullable: true, description: 'Explicit rule; null = from thresholds or polarity' })
  @Enum({ items: () => ScoringRule, nullable: true })
  rule?: ScoringRule | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Rule parameters overriding the profile, e.g. graceDays',
  })
  @Property({ type: 'json', nullable: true })
  ruleParams?: Record<string, unknown> | null;

  @Field(() => Float, { nullable: true, description: 'Weight in the parent objective, percent points' })
  @Property({ type: 'double', nullable: true })
  weight?: number | null;

  @Field({ description: 'Monitoring-only by default (never weighted, never scored)' })
  @Property({ type: 'boolean' })
  monitoring: boolean = false;

  @Field(() => String, { nullable: true, description: 'Fonte del dato' })
  @Property({ type: 'string', length: 300, nullable: true })
  dataSource?: string | null;

  @Field(() => [IndicatorCategory])
  @Property({ type: 'json' })
  categories: IndicatorCategory[] = [];

  @Field(() => IndicatorStatus)
  @Enum({ items: () => IndicatorStatus })
  status: IndicatorStatus = IndicatorStatus.ACTIVE;

  @ManyToOne(() => Indicator, { nullable: true, deleteRule: 'set null' })
  replacedBy?: Indicator | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Property({ type: 'string', length: 10, nullable: true })
  replacedOn?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  replacementReason?: string | null;

  @ManyToOne(() => Project, { nullable: true, deleteRule: 'set null' })
  project?: Project | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 36, nullable: true })
  previousId?: string | null;

  // a link has no position of its own: units are listed by name, the same through every path that reads them
  @ManyToMany({ entity: () => OrgUnit, orderBy: { name: 'asc', id: 'asc' } })
  responsibleUnits = new Collection<OrgUnit>(this);
}
