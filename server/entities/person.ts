import { Entity, OptionalProps, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from './tenant-owned';
import { NodeDefaults } from './base';
import { OptionalString } from './columns';

@ObjectType({ simpleResolvers: true, description: 'A person: manager, unit head, responsible, consultant' })
@Entity()
export class Person extends TenantOwned {
  declare [OptionalProps]?: NodeDefaults;

  @Field()
  @Property({ type: 'string', length: 200 })
  fullName!: string;

  @OptionalString(320) email?: string | null;
}
