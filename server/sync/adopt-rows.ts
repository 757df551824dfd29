import type { EntityManager } from '@mikro-orm/core';
import type { Node } from '../entities/base';
import { TREE_KINDS, withRowsOf } from '../services/plan-snapshot';
import { ConflictError, NotFoundError } from '../errors';
import { PlanState } from './plan-state';
import { readsTogether } from '../speed/reads-together';

/**
 * The sync reads the plan as read-only rows (validation, versions, parents and scores need all of it, the unit of
 * work none of it) and brings into the unit of work only the rows a batch changes or removes: one `em.find` by id
 * per kind of row, so the flush examines those alone instead of the whole plan (bench B4). The managed rows take
 * the place of their read-only twins in a new state, so what the batch changes is what its answer is scored from.
 * A row changed or deleted by someone else between the two reads fails the batch, as the flush's version check
 * would have: the batch was decided on what was read first.
 */
/** each adopted row's read-only twin, the row of the state it took the place of */
const twins = new WeakMap<Node, Node>();

/**
 * The read-only row an adopted row took the place of, while the two still hold the same row version (the batch did
 * not write it): undefined otherwise, or for a row not adopted here.
 */
export function unchangedTwin(row: Node): Node | undefined {
  const twin = twins.get(row);
  return twin && twin.version === row.version ? twin : undefined;
}

export async function adoptRows(em: EntityManager, state: PlanState, rows: Node[]): Promise<PlanState> {
  if (rows.length === 0) return state;
  const idsByEntity = new Map<string, Set<string>>();
  for (const row of rows) {
    const entity = row.constructor.name;
    const ids = idsByEntity.get(entity) ?? new Set<string>();
    ids.add(row.id);
    idsByEntity.set(entity, ids);
  }
  const managed = new Map<string, Node>();
  const found = await readsTogether(
    em,
    [...idsByEntity].map(
      ([entity, ids]) =>
        () =>
          em.find<Node>(entity, { id: { $in: [...ids] } }),
    ),
  );
  for (const row of found.flat()) managed.set(row.id, row);
  for (const row of rows) {
    const now = managed.get(row.id);
    if (!now) throw new NotFoundError(row.constructor.name, row.id);
    if (now.version !== row.version) throw new ConflictError(row.constructor.name, row.id, row.version, now.version);
    twins.set(now, row);
  }
  // a managed row has its read-only twin's class: it was found by that entity and id
  const snapshot = withRowsOf(state.snapshot, managed, [...TREE_KINDS, 'entries', 'assignments']);
  return state.patched(snapshot, managed.values());
}
