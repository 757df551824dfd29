import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, type ClassType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Node } from '../entities/base';
import { createEntity, deleteEntity, type EntitySpec, updateEntity } from '../services/crud';
import { type Connection, connectionOf } from './connection';
import type { Context } from './context';
import { ValidInput } from './valid-input';
import type { Paging } from './orders';
import { MAX_PAGE, OrderBy, PageArgs } from './paging';
import { AnswerType } from './answer-type';

@AnswerType('Esito di una cancellazione / Result of a delete mutation')
export class DeletePayload {
  @Field(() => ID, { description: 'Id della riga cancellata / Id of the deleted row' })
  id!: string;

  @Field({ description: 'Cancellata / Deleted' })
  deleted!: boolean;
}

/**
 * The GraphQL face of one entity: `x(id)`, `xs(filter)` (or a Relay connection for long lists) and
 * `createX` / `updateX` / `deleteX`. The resolvers only translate; the service holds the rules.
 */
export type CrudApi<E extends Node> = EntitySpec<E> & {
  names: { one: string; many: string };
  createInput: ClassType<object>;
  updateInput: ClassType<object>;
  filterInput: ClassType<object>;
  /** filter field → property path, where the default (`xId` → `x`, others as named) does not fit */
  filterPaths?: Record<string, string>;
  orderBy?: Record<string, 'asc' | 'desc'>;
  /** long lists are paged as Relay connections, in the orders given (server/graphql/orders.ts) */
  paging?: Paging<E>;
  /**
   * The connection's own field name, when the plain list stays beside it (deprecated) for the clients that read it;
   * without it, `many` itself is the connection.
   */
  connection?: string;
};

/** Translates a filter input into a query: `ids`, `organisationId` → org, `xId` → x, scalars by equality. */
export function whereOf(
  filter: Record<string, unknown> | null | undefined,
  paths: Record<string, string> = {},
): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === null) continue;
    if (field === 'ids') where.id = { $in: value };
    else if (paths[field]) where[paths[field]] = value;
    else if (field === 'organisationId') where.org = value;
    else if (field.endsWith('Id')) where[field.slice(0, -2)] = value;
    else where[field] = value;
  }
  return where;
}

function defaultOrder(api: CrudApi<any>): Record<string, 'asc' | 'desc'> {
  return api.orderBy ?? { createdAt: 'asc', id: 'asc' };
}

export function crudResolver<E extends Node>(api: CrudApi<E>): ClassType<object> {
  const entity: ClassType<E> = api.entity;
  const ConnectionType = api.paging ? connectionOf(entity, api.label) : null;
  const label = api.label;

  @Resolver(() => entity)
  class CrudResolver {
    @Query(() => entity, {
      name: api.names.one,
      nullable: true,
      description: `Un ${label} per id, o null / One ${label} by id, or null`,
    })
    one(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<E | null> {
      return ctx.loaders.byId(api.entity).load(id);
    }

    @Mutation(() => entity, { name: `create${label}`, description: `Crea un ${label} / Creates one ${label}` })
    create(@ValidInput(api.createInput) input: object, @Ctx() ctx: Context): Promise<E> {
      return createEntity(ctx, api, { ...input });
    }

    @Mutation(() => entity, {
      name: `update${label}`,
      description: `Cambia i campi dati (null svuota un campo facoltativo); con expectedVersion rifiuta una modifica su dati superati / Changes the fields given (null clears an optional field); with expectedVersion, refuses a stale edit`,
    })
    update(
      @Arg('id', () => ID) id: string,
      @ValidInput(api.updateInput) input: object,
      @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
      @Ctx() ctx: Context,
    ): Promise<E> {
      return updateEntity(ctx, api, id, { ...input }, expectedVersion);
    }

    @Mutation(() => DeletePayload, {
      name: `delete${label}`,
      description: `Cancella un ${label}; le righe che ne dipendono solo con cascade: true / Deletes one ${label}; rows that depend on it only with cascade: true`,
    })
    remove(
      @Arg('id', () => ID) id: string,
      @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
      @Arg('cascade', () => Boolean, { defaultValue: false }) cascade: boolean,
      @Ctx() ctx: Context,
    ): Promise<DeletePayload> {
      return deleteEntity(ctx, api, id, { expectedVersion, cascade });
    }
  }

  if (ConnectionType && api.paging) {
    const PageType = ConnectionType;
    const paging = api.paging;
    const connectionName = api.connection ?? api.names.many;
    // the list the connection replaces, kept for the clients that read it (CHANGELOG, issue 19)
    const Base = api.connection
      ? plainList(api, CrudResolver, `Usare ${connectionName} / Use ${connectionName}`)
      : CrudResolver;
    @Resolver(() => entity)
    class PagedList extends Base {
      @Query(() => PageType, {
        name: connectionName,
        description: `${label}: pagine Relay (first/after, last/before ≤ ${MAX_PAGE}), con totalCount / ${label} rows as a Relay connection`,
      })
      connection(
        @Arg('filter', () => api.filterInput, { nullable: true, validate: true, description: 'Filtro / Filter' })
        filter: object | null,
        @Args(() => PageArgs) page: PageArgs,
        @OrderBy(() => paging.orderInput)
        orderBy: object | null,
        @Ctx() ctx: Context,
      ): Promise<Connection<E>> {
        const where = whereOf(filter as Record<string, unknown>, api.filterPaths) as FilterQuery<E>;
        return paging.page(ctx, where, orderBy, page);
      }
    }
    return PagedList;
  }
  return plainList(api, CrudResolver);
}

/** `xs(filter)`: every matching row at once, for the entities whose lists stay short or that clients still read. */
function plainList<E extends Node>(
  api: CrudApi<E>,
  Base: ClassType<object>,
  deprecationReason?: string,
): ClassType<object> {
  @Resolver(() => api.entity)
  class PlainList extends Base {
    @Query(() => [api.entity], {
      name: api.names.many,
      description: `Righe di ${api.label} che rispondono al filtro, tutte insieme / ${api.label} rows matching the filter, all at once`,
      deprecationReason,
    })
    many(
      @Arg('filter', () => api.filterInput, { nullable: true, validate: true, description: 'Filtro / Filter' })
      filter: object | null,
      @Ctx() ctx: Context,
    ): Promise<E[]> {
      const where = whereOf(filter as Record<string, unknown>, api.filterPaths) as FilterQuery<E>;
      return ctx.em.find(api.entity, where, { orderBy: defaultOrder(api) });
    }
  }
  return PlainList;
}
