import { Entity, OptionalProps } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { Relevance } from '@core/vocabulary/enums';
import { Perspective } from './perspective';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';
import { OptionalDouble, OptionalEnum, OptionalString, OptionalText, RequiredString, RequiredText } from './columns';
import { Owner } from './references';

@ObjectType({ simpleResolvers: true, description: 'Obiettivo strategico' })
@Entity()
export class StrategicObjective extends PlanOwned {
  declare [OptionalProps]?: PlanOwnedDefaults;

  @Owner(() => Perspective) perspective!: Perspective;

  @RequiredString(50, 'Label in this plan version; not an identity') code!: string;

  @RequiredText() title!: string;

  @OptionalText() description?: string | null;

  @OptionalText('KPI text as printed, e.g. "ponderazione"') kpi?: string | null;

  @OptionalString(10, 'National mission code: 011, 012, 016, 032…') missionCode?: string | null;

  @OptionalString(300, 'Area strategica (Brescia)') strategicArea?: string | null;

  @OptionalDouble('Pass mark in [0, 1]; never rescales the score') passMark?: number | null;

  @OptionalDouble('Share of own indicators vs operational contribution, [0, 1]') ownShare?: number | null;

  @OptionalEnum(Relevance) relevance?: Relevance | null;

  @OptionalString(36, 'Id of the objective this one continues from an earlier cycle') previousId?: string | null;
}
