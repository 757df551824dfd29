import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';
import { Arg, ArgsType, type ClassType, Field, Int, registerEnumType } from 'type-graphql';
import { InputError } from '../errors';
import { checkedCursor, type Connection, toConnection } from './connection';

/**
 * Relay cursor connections (issue 19): `first`/`after` forwards, `last`/`before` backwards, an order the client may
 * choose and a stable default. Lists whose order SQL can keep (time, year) page in SQL through MikroORM's cursors;
 * code order ("1.2" before "1.10") is not an order SQL knows, so those lists sort their keys in memory — one
 * statement for the ids and keys of every matching row, then the page's rows through the batch loaders.
 */
import { DEFAULT_PAGE, MAX_PAGE } from '../config/api-limits';
import { Optional } from './inputs/fields';

export { DEFAULT_PAGE, MAX_PAGE };

export enum OrderDirection {
  ASC = 'asc',
  DESC = 'desc',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Crescente o decrescente / Ascending or descending',
});

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Le prime N righe dopo \`after\` (≤ ${MAX_PAGE}; ${DEFAULT_PAGE} senza first né last) / The first N rows after \`after\``,
  })
  first?: number | null;

  @Optional(String, 'Cursore di un bordo: le righe dopo / A cursor: the rows after it')
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `Le ultime N righe prima di \`before\` (≤ ${MAX_PAGE}) / The last N rows before \`before\``,
  })
  last?: number | null;

  @Optional(String, 'Cursore di un bordo: le righe prima / A cursor: the rows before it')
  before?: string | null;
}

/** A connection's `orderBy` argument, beside its PageArgs: optional, none keeps the list's default order. */
export function OrderBy(order: () => ClassType<object>): ReturnType<typeof Arg> {
  return Arg('orderBy', order, { nullable: true, description: 'Ordine / Order' });
}

/** The page size asked for, checked: 0 to MAX_PAGE; neither `first` nor `last` means the first DEFAULT_PAGE. */
export function pageSize(page: PageArgs): { first?: number; last?: number } {
  for (const field of ['first', 'last'] as const) {
    const n = page[field];
    if (n != null && (n < 0 || n > MAX_PAGE))
      throw InputError.of(field, 'OUT_OF_RANGE', `must be between 0 and ${MAX_PAGE}`);
  }
  if (page.first == null && page.last == null) return { first: DEFAULT_PAGE };
  return { first: page.first ?? undefined, last: page.last ?? undefined };
}

/** A page in SQL order (each key with its direction, the id last so the order is total). */
export async function sqlPage<E extends object>(
  em: EntityManager,
  entity: EntityClass<E>,
  where: FilterQuery<E>,
  orderBy: Record<string, 'asc' | 'desc'>,
  page: PageArgs,
): Promise<Connection<E>> {
  const keys = Object.keys(orderBy).length;
  const cursor = await em.findByCursor(entity, where, {
    ...pageSize(page),
    after: checkedCursor(page.after, keys, 'after'),
    before: checkedCursor(page.before, keys, 'before'),
    orderBy: orderBy as never,
    includeCount: true,
  });
  return toConnection(cursor);
}

export type Key = string | number | boolean | null;
/** One sort key of an in-memory order: the entity's property and how two of its values compare. */
export type SortKey = { property: string; compare: (a: Key, b: Key) => number };

const keyOf = (value: unknown): Key => (value instanceof Date ? value.toISOString() : ((value ?? null) as Key));
const encode = (values: Key[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Key[];

/**
 * A page in an order only JavaScript knows. The keys of every matching row are read (one statement, through the
 * request's unit of work and so its organisation filter), sorted, and cut at the cursors, which hold the keys of a
 * row (a row deleted meanwhile still marks its place); `load` reads the page's rows, in order.
 */
export async function memoryPage<E extends { id: string }>(
  em: EntityManager,
  entity: EntityClass<E>,
  where: FilterQuery<E>,
  sort: readonly SortKey[],
  direction: OrderDirection,
  page: PageArgs,
  load: (ids: string[]) => Promise<Array<E | null>>,
): Promise<Connection<E>> {
  const rows = await em.find(entity, where, {
    fields: [...sort.map((k) => k.property), 'id'] as never,
    disableIdentityMap: true,
  });
  const keyed = rows.map((row) => ({
    row,
    key: [...sort.map((k) => keyOf((row as Record<string, unknown>)[k.property])), row.id] as Key[],
  }));
  const { chosen, pageInfo, totalCount } = cutPage(keyed, sort, direction, page);
  const found = await load(chosen.map((k) => String(k.key[sort.length])));
  const edges = chosen.flatMap((k, i) => (found[i] ? [{ node: found[i] as E, cursor: encode(k.key) }] : []));
  return {
    edges,
    pageInfo: { ...pageInfo, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/**
 * A page of a list already in memory (members of an organisation, rows of a report, lint findings): each item's
 * keys are its place in the order, the last key a tie-breaker unique in the list. No statement is run.
 */
export function arrayPage<T>(
  items: readonly T[],
  keysOf: (item: T, index: number) => Key[],
  sort: readonly SortKey[],
  direction: OrderDirection,
  page: PageArgs,
): Connection<T> {
  const keyed = items.map((row, index) => ({ row, key: keysOf(row, index) }));
  const { chosen, pageInfo, totalCount } = cutPage(keyed, sort, direction, page);
  const edges = chosen.map((k) => ({ node: k.row, cursor: encode(k.key) }));
  return {
    edges,
    pageInfo: { ...pageInfo, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/** Sorts keyed rows and cuts the page the arguments ask for; cursors hold keys, so a row gone still marks its place. */
function cutPage<T>(
  keyed: Array<{ row: T; key: Key[] }>,
  sort: readonly SortKey[],
  direction: OrderDirection,
  page: PageArgs,
) {
  const { first, last } = pageSize(page);
  const sign = direction === OrderDirection.DESC ? -1 : 1;
  const compare = (a: Key[], b: Key[]) => {
    for (let i = 0; i < sort.length; i++) {
      const c = sort[i].compare(a[i], b[i]);
      if (c !== 0) return sign * c;
    }
    return sign * String(a[sort.length]).localeCompare(String(b[sort.length]));
  };
  const after = checkedCursor(page.after, sort.length + 1, 'after');
  const before = checkedCursor(page.before, sort.length + 1, 'before');
  keyed.sort((a, b) => compare(a.key, b.key));
  let start = 0;
  let end = keyed.length;
  if (after) {
    const mark = decode(after);
    while (start < end && compare(keyed[start].key, mark) <= 0) start++;
  }
  if (before) {
    const mark = decode(before);
    end = start;
    while (end < keyed.length && compare(keyed[end].key, mark) < 0) end++;
  }
  let from = start;
  let to = end;
  if (first !== undefined) to = Math.min(to, from + first);
  if (last !== undefined) from = Math.max(from, to - last);
  return {
    chosen: keyed.slice(from, to),
    pageInfo: { hasNextPage: to < keyed.length, hasPreviousPage: from > 0 },
    totalCount: keyed.length,
  };
}
