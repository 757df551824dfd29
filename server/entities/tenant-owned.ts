import { ManyToOne } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { Node } from './base';
import { Organisation } from './organisation';

/** Every tenant-owned row carries its organisation, so any query can be filtered by it. */
@ObjectType({ simpleResolvers: true })
export abstract class TenantOwned extends Node {
  @ManyToOne(() => Organisation, { deleteRule: 'cascade' })
  org!: Organisation;
}
