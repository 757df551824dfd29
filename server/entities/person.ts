import { Entity, OptionalProps } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { TenantOwned } from './tenant-owned';
import { NodeDefaults } from './base';
import { OptionalString, RequiredString } from './columns';

@ObjectType({
  simpleResolvers: true,
  description:
    "Una persona: dirigente, responsabile d'unità, responsabile, consulente / A person: manager, unit head, responsible, consultant",
})
@Entity()
export class Person extends TenantOwned {
  declare [OptionalProps]?: NodeDefaults;

  @RequiredString(200) fullName!: string;

  @OptionalString(320) email?: string | null;
}
