import { Property, Unique } from '@mikro-orm/core';
import { Field } from 'type-graphql';
import { Node, NodeEntity } from './base';
import { RequiredString } from './columns';

/** The tenant boundary: a chamber of commerce or any other public body. */
@NodeEntity(
  'Un ente pubblico: ogni altra riga appartiene a uno / A public body (tenant): every other row belongs to one',
)
export class Organisation extends Node {
  @RequiredString(300) name!: string;

  @Field({ description: 'Codice breve e unico, es. CCIAA-SO / Short unique code, e.g. CCIAA-SO' })
  @Unique()
  @Property({ type: 'string', length: 50 })
  code!: string;
}
