import { Entity, Enum, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { Relevance } from '@core/vocabulary/enums';
import { Perspective } from './perspective';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';

@ObjectType({ simpleResolvers: true, description: 'Obiettivo strategico' })
@Entity()
export class StrategicObjective extends PlanOwned {
  declare [OptionalProps]?: PlanOwnedDefaults;

  @ManyToOne(() => Perspective, { deleteRule: 'cascade' })
  perspective!: Perspective;

  @Field({ description: 'Label in this plan version; not an identity' })
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

  @Field(() => String, { nullable: true, description: 'National mission code: 011, 012, 016, 032…' })
  @Property({ type: 'string', length: 10, nullable: true })
  missionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Area strategica (Brescia)' })
  @Property({ type: 'string', length: 300, nullable: true })
  strategicArea?: string | null;

  @Field(() => Float, { nullable: true, description: 'Pass mark in [0, 1]; never rescales the score' })
  @Property({ type: 'double', nullable: true })
  passMark?: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of own indicators vs operational contribution, [0, 1]' })
  @Property({ type: 'double', nullable: true })
  ownShare?: number | null;

  @Field(() => Relevance, { nullable: true })
  @Enum({ items: () => Relevance, nullable: true })
  relevance?: Relevance | null;

  @Field(() => String, { nullable: true, description: 'Id of the objective this one continues from an earlier cycle' })
  @Property({ type: 'string', length: 36, nullable: true })
  previousId?: string | null;
}
