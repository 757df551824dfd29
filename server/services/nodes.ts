import type { EntityClass, EntityManager } from '@mikro-orm/core';
import type { Node } from '../entities/base';

/**
 * Which entity holds each id, in one statement: ids are random UUIDs unique across tables, so at most one table has
 * each. This lookup says only where to read; the read itself goes through the caller's unit of work and its tenant
 * filter, so an id of another organisation reads as "not found" like everywhere else.
 */
export async function entitiesOf(
  em: EntityManager,
  entities: ReadonlyArray<EntityClass<Node>>,
  ids: readonly string[],
): Promise<Map<string, EntityClass<Node>>> {
  const found = new Map<string, EntityClass<Node>>();
  if (ids.length === 0) return found;
  const marks = ids.map(() => '?').join(', ');
  const sql = entities
    .map(
      (entity, i) => `select ${i} as t, id from ${em.getMetadata().get(entity.name).tableName} where id in (${marks})`,
    )
    .join(' union all ');
  const rows = (await em.getConnection().execute(
    sql,
    entities.flatMap(() => ids),
    'all',
    em.getTransactionContext(),
  )) as Array<{ t: number; id: string }>;
  for (const row of rows) found.set(row.id, entities[Number(row.t)]);
  return found;
}
