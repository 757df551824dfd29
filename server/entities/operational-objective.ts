import { Collection, Entity, Enum, ManyToMany, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { PurposeClass, Relevance } from '@core/vocabulary/enums';
import { OrgUnit } from './org-unit';
import { Person } from './person';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';
import { StrategicObjective } from './strategic-objective';

/**
 * Obiettivo operativo (a Brescia objective card, a Sondrio OO). `contributes` says whether it counts in its
 * strategic objective's contribution component: objectives added mid-year are not linked automatically (docs/domain.md §8.8).
 */
@ObjectType({ simpleResolvers: true, description: 'Obiettivo operativo, weighted in its strategic objective' })
@Entity()
export class OperationalObjective extends PlanOwned {
  declare [OptionalProps]?: PlanOwnedDefaults | 'contributes' | 'budgetLines' | 'evidence' | 'isNew';

  @ManyToOne(() => StrategicObjective, { nullable: true, deleteRule: 'cascade' })
  strategicObjective?: StrategicObjective | null;

  @Field()
  @Property({ type: 'string', length: 50 })
  code!: string;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'KPI text as printed, e.g. "ponderazione"' })
  @Property({ type: 'text', nullable: true })
  kpi?: string | null;

  @Field(() => Float, { nullable: true, description: 'Weight in the parent, in percent points (20 = 20%)' })
  @Property({ type: 'double', nullable: true })
  weight?: number | null;

  @Field({ description: "Counts in the parent's contribution component" })
  @Property({ type: 'boolean' })
  contributes: boolean = true;

  @Field(() => String, { nullable: true, description: 'Beneficio atteso' })
  @Property({ type: 'text', nullable: true })
  expectedBenefit?: string | null;

  @Field(() => String, { nullable: true, description: 'Azioni previste' })
  @Property({ type: 'text', nullable: true })
  plannedActions?: string | null;

  @Field(() => String, { nullable: true, description: 'Impegno richiesto (people / FTE), as written' })
  @Property({ type: 'string', length: 300, nullable: true })
  effort?: string | null;

  @Field(() => Relevance, { nullable: true })
  @Enum({ items: () => Relevance, nullable: true })
  relevance?: Relevance | null;

  @Field(() => PurposeClass, { nullable: true })
  @Enum({ items: () => PurposeClass, nullable: true })
  purposeClass?: PurposeClass | null;

  @Field(() => [String], { description: 'Budget lines: amount, account, budget code, as written' })
  @Property({ type: 'json' })
  budgetLines: string[] = [];

  @Field(() => [String], { description: 'Evidence for the OIV' })
  @Property({ type: 'json' })
  evidence: string[] = [];

  @Field({ description: '"NUOVO OBIETTIVO": added by a revision' })
  @Property({ type: 'boolean' })
  isNew: boolean = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 36, nullable: true })
  previousId?: string | null;

  // a link has no position of its own: units and people are listed by name, through every path that reads them
  @ManyToMany({ entity: () => OrgUnit, orderBy: { name: 'asc', id: 'asc' } })
  responsibleUnits = new Collection<OrgUnit>(this);

  @ManyToMany({ entity: () => Person, orderBy: { fullName: 'asc', id: 'asc' } })
  responsiblePersons = new Collection<Person>(this);
}
