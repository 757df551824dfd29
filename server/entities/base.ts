import { randomUUID } from 'node:crypto';
import { DateTimeType, Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, getMetadataStorage, ID, Int, InterfaceType, ObjectType, type ObjectTypeOptions } from 'type-graphql';
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
 * A row of a plan that has a realization of its own for a year and checkpoint: the plan, its perspectives,
 * objectives and indicators, its cruscotti. Its one field, `realization(year, checkpoint)`, is computed, so it is
 * declared by its resolver (ScoredRealization, server/graphql/realization.resolver.ts), once for every such type.
 */
@InterfaceType('Scored', {
  description:
    'Una riga del piano con il suo % di realizzazione: piano, prospettiva, obiettivo, indicatore, cruscotto / A row of the plan with a realization of its own: plan, perspective, objective, indicator, dashboard',
  resolveType: graphqlTypeOf,
  autoRegisterImplementations: false,
})
export abstract class Scored {}

/**
 * A table that is also a GraphQL object type of the same name, described in both languages: the pair every concrete
 * entity declares, under one name. Resolvers stay simple (no middlewares on plain fields), as on the bases above.
 * `implements`: the GraphQL interfaces it adds to `Node` (Scored).
 */
export function NodeEntity(
  description: string,
  { implements: interfaces }: Pick<ObjectTypeOptions, 'implements'> = {},
): ClassDecorator {
  return (target) => {
    Entity()(target);
    ObjectType({ simpleResolvers: true, description, implements: interfaces })(target);
  };
}
