import type { Cursor } from '@mikro-orm/core';
import type { ClassType } from 'type-graphql';
import { Field, Int } from 'type-graphql';
import { InputError } from '../errors';
import { Nullable } from './nullable';
import { AnswerType } from './answer-type';

@AnswerType('Dove si trova la pagina / Relay page information')
export class PageInfo {
  @Field({ description: 'Ci sono righe dopo questa pagina / There are rows after this page' })
  hasNextPage!: boolean;

  @Field({ description: 'Ci sono righe prima di questa pagina / There are rows before this page' })
  hasPreviousPage!: boolean;

  @Nullable(String, 'Cursore della prima riga, per `before` / Cursor of the first row, for `before`')
  startCursor!: string | null;

  @Nullable(String, "Cursore dell'ultima riga, per `after` / Cursor of the last row, for `after`")
  endCursor!: string | null;
}

export type Edge<T> = { cursor: string; node: T };
export type Connection<T> = { edges: Edge<T>[]; pageInfo: PageInfo; totalCount: number };

const CONNECTIONS = new Map<string, ClassType<Connection<any>>>();

/**
 * A Relay connection type for a list that grows (indicators, targets, audit events, members, report rows…). One type
 * per name: the root list and the same rows under their parent (`Dashboard.entriesConnection`) share it.
 */
export function connectionOf<T extends object>(node: ClassType<T>, name: string): ClassType<Connection<T>> {
  const known = CONNECTIONS.get(name);
  if (known) return known as ClassType<Connection<T>>;
  const made = newConnection(node, name);
  CONNECTIONS.set(name, made);
  return made;
}

function newConnection<T extends object>(node: ClassType<T>, name: string): ClassType<Connection<T>> {
  @AnswerType(`Una riga di ${name}Connection col suo cursore / One ${name} row of a page, with its cursor`, {
    name: `${name}Edge`,
  })
  class EdgeType {
    @Field(() => String, {
      description: 'Cursore opaco: passarlo come `after` o `before` / Opaque cursor: pass it as `after` or `before`',
    })
    cursor!: string;

    @Field(() => node, { description: 'La riga / The row' })
    node!: T;
  }

  @AnswerType(`Una pagina di ${name} (connessione Relay) / A page of ${name} rows (Relay connection)`, {
    name: `${name}Connection`,
  })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'Le righe della pagina, in ordine / The rows of the page, in order' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Dove si trova la pagina / Where the page is' })
    pageInfo!: PageInfo;

    @Field(() => Int, {
      description: 'Righe che rispondono al filtro, in tutte le pagine / Rows matching the filter, on all pages',
    })
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
