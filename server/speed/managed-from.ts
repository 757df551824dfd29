import { type EntityManager, ReferenceKind } from '@mikro-orm/core';

/** a value of a twin given to a managed row: its own copy of a date or an object, which the twin's readers share */
function ownCopy(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime());
  return value !== null && typeof value === 'object' ? structuredClone(value) : value;
}

/**
 * The managed row of a read-only row, made from it without a statement: what `em.find` would give at the row's
 * version (the columns a SELECT loads, references as unpopulated ones), merged into the unit of work with its
 * snapshot taken from those values. Read-only rows are converted as MikroORM hydrates (read-rows.ts), so their values
 * are the managed row's. MikroORM's own making of a managed row is most of its cost, read or not: ~100 µs a
 * measurement (ensurePropagation, hydrate), the SELECT's statement and result mapping ~60 µs more and a round trip
 * (session pgturn5).
 */
export function managedFrom<E extends object>(em: EntityManager, row: E): E {
  const meta = em.getMetadata().get(row.constructor.name);
  const data: Record<string, unknown> = {};
  const from = row as unknown as Record<string, unknown>;
  for (const prop of meta.props) {
    if (!prop.fieldNames?.length || prop.lazy) continue;
    const value = from[prop.name];
    if (prop.kind === ReferenceKind.SCALAR) data[prop.name] = ownCopy(value);
    else if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner))
      data[prop.name] = value == null ? value : (value as { id: string }).id;
  }
  // as em.merge makes it, without its cascade over the relations (a third of its time): managed, its snapshot its values
  return em.getEntityFactory().create<E>(row.constructor.name, data as never, { merge: true, recomputeSnapshot: true });
}
