import { ObjectType } from 'type-graphql';
import { Node } from './base';
import { Organisation } from './organisation';
import { Owner } from './references';

/** Every tenant-owned row carries its organisation, so any query can be filtered by it. */
@ObjectType({ simpleResolvers: true })
export abstract class TenantOwned extends Node {
  @Owner(() => Organisation) org!: Organisation;
}
