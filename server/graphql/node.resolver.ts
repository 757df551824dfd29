import type { EntityClass } from '@mikro-orm/core';
import { Arg, Ctx, getMetadataStorage, ID, Query, Resolver } from 'type-graphql';
import { ENTITIES } from '../entities';
import { type Node, NodeInterface } from '../entities/base';
import { InputError } from '../errors';
import { entitiesOf } from '../services/nodes';
import type { Context } from './context';

const MAX_NODES = 100;

let nodeEntities: Array<EntityClass<Node>> | null = null;

/** The entities the schema shows as `Node`: those with an object type of their own (users and tokens have not). */
function nodeEntityClasses(): Array<EntityClass<Node>> {
  nodeEntities ??= (ENTITIES as Array<EntityClass<Node>>).filter((entity) =>
    getMetadataStorage().objectTypes.some((t) => t.target === entity),
  );
  return nodeEntities;
}

/**
 * Relay's refetch by global id (issue 19). Authorised like every read: the rows come through the request's batch
 * loaders, on the unit of work narrowed to the caller's organisations, so another organisation's id is null.
 * Statements: one to find the tables, then one per kind of entity asked for, however many ids.
 */
@Resolver()
export class NodeResolver {
  @Query(() => NodeInterface, {
    nullable: true,
    description: "L'oggetto con questo id, o null / The object with this id, or null when there is none you may read",
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    return (await this.load([id], ctx))[0];
  }

  @Query(() => [NodeInterface], {
    nullable: 'items',
    description: `Gli oggetti con questi id, nello stesso ordine (null dove non c'è) / The objects with these ids, in their order (null where none); at most ${MAX_NODES}`,
  })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<Array<object | null>> {
    if (ids.length > MAX_NODES)
      throw InputError.of('ids', 'TOO_MANY', `al massimo ${MAX_NODES} id per richiesta / at most ${MAX_NODES} ids`);
    return this.load(ids, ctx);
  }

  private async load(ids: string[], ctx: Context): Promise<Array<object | null>> {
    const tables = await entitiesOf(ctx.em, nodeEntityClasses(), [...new Set(ids)]);
    return Promise.all(
      ids.map((id) => {
        const entity = tables.get(id);
        return entity ? ctx.loaders.byId(entity).load(id) : null;
      }),
    );
  }
}
