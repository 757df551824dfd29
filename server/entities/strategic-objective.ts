import { Entity, Enum, ManyToOne, OptionalProps } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Relevance } from '@core/vocabulary/enums';
import { Perspective } from './perspective';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';
import { OptionalDouble, OptionalString, OptionalText, RequiredString, RequiredText } from './columns';

@ObjectType({ simpleResolvers: true, description: 'Obiettivo strategico' })
@Entity()
export class StrategicObjective extends PlanOwned {
  declare [OptionalProps]?: PlanOwnedDefaults;

  @ManyToOne(() => Perspective, { deleteRule: 'cascade' })
  perspective!: Perspective;

  @RequiredString(50, 'Label in this plan version; not an identity') code!: string;

  @RequiredText() title!: string;

  @OptionalText() description?: string | null;

  @OptionalText('KPI text as printed, e.g. "ponderazione"') kpi?: string | null;

  @OptionalString(10, 'National mission code: 011, 012, 016, 032…') missionCode?: string | null;

  @OptionalString(300, 'Area strategica (Brescia)') strategicArea?: string | null;

  @OptionalDouble('Pass mark in [0, 1]; never rescales the score') passMark?: number | null;

  @OptionalDouble('Share of own indicators vs operational contribution, [0, 1]') ownShare?: number | null;

  @Field(() => Relevance, { nullable: true })
  @Enum({ items: () => Relevance, nullable: true })
  relevance?: Relevance | null;

  @OptionalString(36, 'Id of the objective this one continues from an earlier cycle') previousId?: string | null;
}
