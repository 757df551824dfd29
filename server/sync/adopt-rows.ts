import type { EntityClass, EntityManager } from '@mikro-orm/core';
import type { PlanSnapshot } from '../services/plan-snapshot';
import { ConflictError, NotFoundError } from '../errors';
import { PlanState } from './plan-state';

type Row = { id: string; version: number };

/**
 * The sync reads the plan as read-only rows (validation, versions, parents and scores need all of it, the unit of
 * work none of it) and brings into the unit of work only the rows a batch changes or removes: one `em.find` by id
 * per kind of row, so the flush examines those alone instead of the whole plan (bench B4). The managed rows take
 * the place of their read-only twins in a new state, so what the batch changes is what its answer is scored from.
 * A row changed or deleted by someone else between the two reads fails the batch, as the flush's version check
 * would have: the batch was decided on what was read first.
 */
export async function adoptRows(em: EntityManager, state: PlanState, rows: object[]): Promise<PlanState> {
  if (rows.length === 0) return state;
  const idsByClass = new Map<EntityClass<object>, Set<string>>();
  for (const row of rows) {
    const type = row.constructor as EntityClass<object>;
    const ids = idsByClass.get(type) ?? new Set<string>();
    ids.add((row as Row).id);
    idsByClass.set(type, ids);
  }
  const managed = new Map<string, Row>();
  const found = await Promise.all([...idsByClass].map(([type, ids]) => em.find(type, { id: { $in: [...ids] } } as never)));
  for (const row of found.flat() as Row[]) managed.set(row.id, row);
  for (const row of rows as Row[]) {
    const now = managed.get(row.id);
    if (!now) throw new NotFoundError(row.constructor.name, row.id);
    if (now.version !== row.version) throw new ConflictError(row.constructor.name, row.id, row.version, now.version);
  }
  const swap = <T extends object>(list: T[]): T[] => list.map((row) => (managed.get((row as unknown as Row).id) as T | undefined) ?? row);
  const s = state.snapshot;
  const snapshot: PlanSnapshot = {
    ...s,
    perspectives: swap(s.perspectives),
    strategicObjectives: swap(s.strategicObjectives),
    operationalObjectives: swap(s.operationalObjectives),
    indicators: swap(s.indicators),
    targets: swap(s.targets),
    revisions: swap(s.revisions),
    measurements: swap(s.measurements),
    entries: swap(s.entries),
    assignments: swap(s.assignments),
  };
  return new PlanState(snapshot, state.year, state.checkpoint, [...state.unitsById.values()], state.locked ? [state.locked] : []);
}
