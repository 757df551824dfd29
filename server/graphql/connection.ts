import type { Cursor } from '@mikro-orm/core';
import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';
import { InputError } from '../errors';

@ObjectType({ simpleResolvers: true, description: 'Relay page information' })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export type Edge<T> = { cursor: string; node: T };
export type Connection<T> = { edges: Edge<T>[]; pageInfo: PageInfo; totalCount: number };

/** A Relay connection type for long lists (indicators, measurements, audit events). */
export function connectionOf<T extends object>(node: ClassType<T>, name: string): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field(() => String, {
      description: 'Cursore opaco: passarlo come `after` o `before` / Opaque cursor: pass it as `after` or `before`',
    })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Rows matching the filter, on all pages' })
    totalCount!: number;
  }
  return ConnectionType as ClassType<Connection<T>>;
}

/** A MikroORM cursor page as a Relay connection. */
export function toConnection<T extends object>(cursor: Cursor<T, any, any, any>): Connection<T> {
  return {
    edges: cursor.items.map((node) => ({ node: node as T, cursor: cursor.from(node) })),
    pageInfo: {
      hasNextPage: Boolean(cursor.hasNextPage),
      hasPreviousPage: Boolean(cursor.hasPrevPage),
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
    totalCount: cursor.totalCount ?? cursor.items.length,
  };
}

/**
 * A client's `after`, checked before MikroORM decodes it: a cursor is base64url JSON holding one value per sort key
 * (MikroORM's Cursor.encode). Anything else is the client's mistake (BAD_USER_INPUT on `after`), never an internal
 * error from JSON.parse deep in the ORM.
 */
export function checkedCursor(
  after: string | null | undefined,
  sortKeys: number,
  field: 'after' | 'before' = 'after',
): string | undefined {
  if (after == null || after === '') return undefined;
  let values: unknown;
  try {
    values = /^[A-Za-z0-9_-]+$/.test(after) ? JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) : null;
  } catch {
    values = null;
  }
  const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (!Array.isArray(values) || values.length !== sortKeys || !values.every(scalar)) {
    throw InputError.of(
      field,
      'INVALID_CURSOR',
      `is not a cursor of this list: pass ${field === 'after' ? 'an endCursor' : 'a startCursor'} of the same list`,
    );
  }
  return after;
}
