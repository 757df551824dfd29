import { Entity, OptionalProps } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { Person } from './person';
import { PlanOwned, PlanOwnedDefaults } from './plan-owned';
import { RequiredText } from './columns';
import { Reference } from './references';

/** A project appears in dashboards as one indicator "Progetto: <name>" scored from its activities. */
@ObjectType({
  simpleResolvers: true,
  description: 'Progetto, con le sue attività (scheda progetto) / Progetto, with its activities (scheda progetto)',
})
@Entity()
export class Project extends PlanOwned {
  declare [OptionalProps]?: PlanOwnedDefaults;

  @RequiredText() name!: string;

  @Reference(() => Person) responsible?: Person | null;
}
