import DataLoader from 'dataloader';
import type { EntityClass, EntityManager } from '@mikro-orm/core';
import { readCollection, readRowsIn } from '../speed/read-rows';

type Order = Record<string, 'asc' | 'desc'>;

/** Where the loaders read their rows: read-only rows (server/speed) or managed entities of the request's unit of work. */
type RowSource = {
  /** rows whose `property` (a column or a many-to-one) is one of `values` */
  rowsIn<E extends object>(
    entity: EntityClass<E>,
    property: string,
    values: readonly unknown[],
    orderBy?: Order,
  ): Promise<E[]>;
  /** owner id → the items of its many-to-many `property` */
  collection<T extends object>(
    entity: EntityClass<object>,
    property: string,
    ids: readonly string[],
  ): Promise<Map<string, T[]>>;
};

const fastRows = (em: EntityManager): RowSource => ({
  rowsIn: (entity, property, values, orderBy) => readRowsIn(em, entity, property, values, orderBy),
  collection: (entity, property, ids) => readCollection(em, entity, property, ids),
});

// The property is named at run time (a relation of whichever entity asks), which MikroORM's filter types cannot
// follow: the filters are cast, and checked by the contract tests (speed-contract.test.ts).
const managedRows = (em: EntityManager): RowSource => ({
  rowsIn: (entity, property, values, orderBy) =>
    em.find(entity, { [property]: { $in: [...values] } } as never, orderBy ? { orderBy: orderBy as never } : {}),
  async collection<T extends object>(entity: EntityClass<object>, property: string, ids: readonly string[]) {
    const owners = await em.find(entity, { id: { $in: [...ids] } } as never, { populate: [property] as never });
    return new Map(
      owners.map((owner) => {
        const row = owner as Record<string, unknown> & { id: string };
        return [row.id, (row[property] as { getItems(): T[] }).getItems()];
      }),
    );
  },
});

/**
 * Parents per statement. MikroORM 6 writes the values of a query into its SQL text (Platform.formatQuery) instead
 * of binding them, so the bind-parameter limits (SQLite 32,766, PostgreSQL 65,535) do not apply: 200,000 inlined
 * ids were read on better-sqlite3 11.10 and on PostgreSQL, where 32,767 and 65,536 bound ones fail. The chunk only
 * bounds one statement's text (~4 MB), far above any plan: the statements of a tree do not grow with its size.
 */
export const CHUNK = 100_000;

type WithId = { id: string };

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Request-scoped batch loaders: every relation of every row of a GraphQL level is fetched with one statement, so
 * a whole plan tree costs the same number of statements whatever its size. With the fast paths on, what they
 * return is read-only (server/speed/read-rows.ts): GraphQL only reads it, and a tree of thousands of rows stays
 * cheap; off, they are managed entities of the request's unit of work, found with `em.find`.
 */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<any, any>>();
  private readonly results = new Map<string, Promise<unknown>>();
  /** values already computed or read, by key: handed out without a promise */
  private readonly settled = new Map<string, unknown>();

  private readonly rows: RowSource;

  constructor(em: EntityManager, fastPaths: boolean) {
    this.rows = fastPaths ? fastRows(em) : managedRows(em);
  }

  /** Rows by id (a many-to-one reference). */
  byId<E extends WithId>(entity: EntityClass<E>): DataLoader<string, E | null> {
    return this.memo(
      `id:${entity.name}`,
      () =>
        new DataLoader<string, E | null>(async (ids) => {
          const rows: E[] = [];
          for (const part of chunks(ids)) {
            rows.push(...(await this.rows.rowsIn(entity, 'id', part)));
          }
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }

  /** Children of many parents at once, e.g. the targets of every indicator of the page. */
  childrenOf<E extends object>(
    entity: EntityClass<E>,
    foreignKey: string & keyof E,
    orderBy: Order,
  ): DataLoader<string, E[]> {
    const key = `children:${entity.name}.${foreignKey}`;
    return this.memo(
      key,
      () =>
        new DataLoader<string, E[]>(async (parentIds) => {
          const groups = new Map<string, E[]>(parentIds.map((id) => [id, []]));
          for (const part of chunks(parentIds)) {
            for (const row of await this.rows.rowsIn(entity, foreignKey, part, orderBy)) {
              const parent = (row as Record<string, unknown>)[foreignKey] as WithId;
              groups.get(parent.id)?.push(row);
            }
          }
          for (const [parent, rows] of groups) this.settled.set(`${key}:${parent}`, rows);
          return parentIds.map((id) => groups.get(id) ?? []);
        }),
    );
  }

  /**
   * The children of one parent: as they are if a batch already read them (see `prefetch`), else in a promise.
   * GraphQL completes an object whose fields are all values without a promise of its own, which is most of the
   * cost of a large tree.
   */
  children<E extends object>(
    entity: EntityClass<E>,
    foreignKey: string & keyof E,
    orderBy: Order,
    parentId: string,
  ): E[] | Promise<E[]> {
    const settled = this.settled.get(`children:${entity.name}.${foreignKey}:${parentId}`) as E[] | undefined;
    return settled ?? this.childrenOf(entity, foreignKey, orderBy).load(parentId);
  }

  /** Reads the children of these parents now (one batch with every other caller of this tick) so `children` has them. */
  async prefetch<E extends object>(
    entity: EntityClass<E>,
    foreignKey: string & keyof E,
    orderBy: Order,
    parentIds: readonly string[],
  ): Promise<void> {
    if (parentIds.length > 0) await this.childrenOf(entity, foreignKey, orderBy).loadMany(parentIds);
  }

  /** A many-to-many collection of many owners at once (one statement joining the pivot table). */
  collection<E extends WithId, T extends object>(
    entity: EntityClass<E>,
    property: string & keyof E,
  ): DataLoader<E, T[]> {
    return this.memo(
      `collection:${entity.name}.${property}`,
      () =>
        new DataLoader<E, T[]>(
          async (owners) => {
            const ids = owners.map((owner) => owner.id);
            const items = new Map<string, T[]>();
            for (const part of chunks(ids)) {
              for (const [owner, list] of await this.rows.collection<T>(entity, property, part)) items.set(owner, list);
            }
            return ids.map((id) => items.get(id) ?? []);
          },
          { cache: false },
        ),
    );
  }

  /** One computation per request and key, e.g. the scores of a plan for a year and checkpoint. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let value = this.results.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute().then((result) => {
        this.settled.set(key, result);
        return result;
      });
      this.results.set(key, value);
    }
    return value;
  }

  /**
   * The value of `once(key)` if it is already computed, else its promise: thousands of fields reading one
   * computed value then resolve without a promise each.
   */
  onceNow<T>(key: string, compute: () => Promise<T>): T | Promise<T> {
    return this.settled.has(key) ? (this.settled.get(key) as T) : this.once(key, compute);
  }

  private memo<L extends DataLoader<any, any>>(key: string, create: () => L): L {
    let loader = this.cache.get(key) as L | undefined;
    if (!loader) {
      loader = create();
      this.cache.set(key, loader);
    }
    return loader;
  }
}
