import { randomUUID } from 'node:crypto';
import { DateTimeType, Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, getMetadataStorage, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { RequiredDateTime } from './columns';

const typeNames = new Map<unknown, string | undefined>();

/** The GraphQL type of a row: its class's object type (rows read outside the ORM keep their class's prototype). */
function graphqlTypeOf(value: object): string | undefined {
  const type = value.constructor;
  if (!typeNames.has(type)) typeNames.set(type, getMetadataStorage().objectTypes.find((t) => t.target === type)?.name);
  return typeNames.get(type);
}

/**
 * Relay's global object identification (issue 19): every entity with an id is a `Node`, refetched with
 * `node(id)` / `nodes(ids)`. Ids are random UUIDs, unique across every table, so they are already global and opaque:
 * no type prefix is needed, and the ids clients hold stay valid.
 */
@InterfaceType('Node', {
  description:
    'Oggetto con identificativo globale, rileggibile con node(id) / An object with a global id, refetched with node(id)',
  resolveType: graphqlTypeOf,
  // the abstract base below implements it too; only the entities, reachable from their own queries, belong in the schema
  autoRegisterImplementations: false,
})
export abstract class NodeInterface {
  @Field(() => ID, {
    description: 'Identificativo opaco e globale / Opaque global id (the same in node(id) and in every query)',
  })
  id!: string;
}

/**
 * Identity is an immutable opaque id, never a code: codes are labels of one plan version (docs/domain.md §8.6).
 * `version` counts committed changes; clients send it back to detect a colleague's newer edit.
 *
 * What every row fills itself (the version by the ORM, the timestamps by their initialisers) is typed `Opt`, so
 * `em.create` never asks for it: marked here, where it is declared, rather than in each entity's `[OptionalProps]`,
 * which then lists only the entity's own defaulted properties (a subclass cannot widen a union its base declared).
 * The id needs no mark: MikroORM already treats the primary key as optional.
 */
@ObjectType({ simpleResolvers: true, implements: NodeInterface })
export abstract class Node {
  @Field(() => ID, { description: 'Identificativo opaco e globale / Opaque global id' })
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = randomUUID();

  @Field(() => Int, {
    description:
      'Versione della riga: cresce di uno a ogni modifica / Row version: increases by one at every committed change',
  })
  @Property({ type: 'integer', version: true })
  version!: Opt<number>;

  @RequiredDateTime() createdAt: Opt<Date> = new Date();

  @Field(() => Date)
  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/**
 * A table that is also a GraphQL object type of the same name, described in both languages: the pair every concrete
 * entity declares, under one name. Resolvers stay simple (no middlewares on plain fields), as on the bases above.
 */
export function NodeEntity(description: string): ClassDecorator {
  return (target) => {
    Entity()(target);
    ObjectType({ simpleResolvers: true, description })(target);
  };
}
