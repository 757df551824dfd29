import DataLoader from 'dataloader';
import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';

/** Keeps every IN list below the bind-parameter limits of SQLite (32,766) and PostgreSQL (65,535). */
const CHUNK = 5000;

type WithId = { id: string };

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Request-scoped batch loaders: every relation of every row of a GraphQL level is fetched with one statement
 * (per 5,000 parents), so a whole plan tree costs the same number of statements whatever its size.
 */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<any, any>>();
  private readonly results = new Map<string, Promise<unknown>>();

  constructor(private readonly em: EntityManager) {}

  /** Rows by id (a many-to-one reference). */
  byId<E extends WithId>(entity: EntityClass<E>): DataLoader<string, E | null> {
    return this.memo(`id:${entity.name}`, () =>
      new DataLoader<string, E | null>(async (ids) => {
        const rows: E[] = [];
        for (const part of chunks(ids)) {
          rows.push(...(await this.em.find(entity, { id: { $in: part } } as unknown as FilterQuery<E>)));
        }
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    );
  }

  /** Children of many parents at once, e.g. the targets of every indicator of the page. */
  childrenOf<E extends object>(entity: EntityClass<E>, foreignKey: string & keyof E, orderBy: Record<string, 'asc' | 'desc'>): DataLoader<string, E[]> {
    return this.memo(`children:${entity.name}.${foreignKey}`, () =>
      new DataLoader<string, E[]>(async (parentIds) => {
        const groups = new Map<string, E[]>(parentIds.map((id) => [id, []]));
        for (const part of chunks(parentIds)) {
          const where = { [foreignKey]: { $in: part } } as FilterQuery<E>;
          for (const row of await this.em.find(entity, where, { orderBy: orderBy as never })) {
            const parent = (row as Record<string, unknown>)[foreignKey] as WithId;
            groups.get(parent.id)?.push(row);
          }
        }
        return parentIds.map((id) => groups.get(id) ?? []);
      }),
    );
  }

  /** A many-to-many collection of many owners at once (one statement joining the pivot table). */
  collection<E extends object, T extends object>(entity: EntityClass<E>, property: string & keyof E): DataLoader<E, T[]> {
    return this.memo(`collection:${entity.name}.${property}`, () =>
      new DataLoader<E, T[]>(async (owners) => {
        for (const part of chunks(owners)) await this.em.populate(part as E[], [property] as never);
        return owners.map((owner) => ((owner as Record<string, unknown>)[property] as { getItems(): T[] }).getItems());
      }, { cache: false }),
    );
  }

  /** One computation per request and key, e.g. the scores of a plan for a year and checkpoint. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let value = this.results.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      this.results.set(key, value);
    }
    return value;
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
