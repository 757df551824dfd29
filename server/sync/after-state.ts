import type { OrgUnit, Target } from '../entities';
import { noTreeRows, type PlanSnapshot, type TreeRows } from '../services/plan-snapshot';
import { PlanState } from './plan-state';

/**
 * What a batch wrote, kept in memory so that its answer (row versions, scores) is computed from the plan as it now
 * is without reading the plan again: rows created (new instances, inserted set-based), rows removed, and the
 * responsible units of every indicator whose units were set. Rows updated in place are the adopted instances
 * themselves (adopt-rows.ts), which the unit of work has brought up to date (versions, change times) when it flushed.
 */
export type BatchWrites = TreeRows & {
  units: OrgUnit[];
  /** (indicator id, unit id) rows of the link table for created indicators */
  unitLinks: Array<[string, string]>;
  /** indicator id → its responsible units after the batch (created and updated indicators) */
  unitsOf: Map<string, string[]>;
  /** loaded rows the batch deletes, with the rows the database deletes with them */
  removed: Set<object>;
};

export function emptyWrites(): BatchWrites {
  return { ...noTreeRows(), units: [], unitLinks: [], unitsOf: new Map(), removed: new Set() };
}

type Positioned = { position: number; id: string };
const byPosition = (a: Positioned, b: Positioned) =>
  a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byPeriod = (a: Target, b: Target) =>
  a.year - b.year ||
  (a.checkpoint < b.checkpoint ? -1 : a.checkpoint > b.checkpoint ? 1 : 0) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The kept rows of a loaded list plus the created ones, in the order the loader reads them. */
function merged<T extends object>(
  loaded: T[],
  created: T[],
  removed: Set<object>,
  order?: (a: T, b: T) => number,
): T[] {
  // nothing removed or created: the loaded list itself (lists are never changed in place), so that what a batch left
  // as it was is seen to be so by identity (kept-state.ts) and not copied
  if (removed.size === 0 && created.length === 0) return loaded;
  const kept = removed.size > 0 ? loaded.filter((row) => !removed.has(row)) : loaded;
  if (created.length === 0) return kept;
  const out = kept.concat(created);
  return order ? out.sort(order) : out;
}

/** The plan state after the batch, as loadPlanState would read it once the transaction commits. */
export function stateAfter(before: PlanState, writes: BatchWrites): PlanState {
  const s = before.snapshot;
  const { removed } = writes;
  // the links of the loaded indicators are the loaded map itself when the batch set and removed none (B4's syncs of
  // values): a copy of the 4,800 indicators' map per sync was most of this function's time, and no map of a snapshot
  // is changed in place
  let unitsOf = s.unitsOf;
  if (writes.unitsOf.size > 0 || removed.size > 0) {
    unitsOf = new Map(s.unitsOf);
    for (const [indicatorId, units] of writes.unitsOf) unitsOf.set(indicatorId, units);
    for (const row of removed) unitsOf.delete((row as { id: string }).id);
  }
  const snapshot: PlanSnapshot = {
    ...s,
    perspectives: merged(s.perspectives, writes.perspectives, removed, byPosition),
    strategicObjectives: merged(s.strategicObjectives, writes.strategicObjectives, removed, byPosition),
    operationalObjectives: merged(s.operationalObjectives, writes.operationalObjectives, removed, byPosition),
    indicators: merged(s.indicators, writes.indicators, removed, byPosition),
    targets: merged(s.targets, writes.targets, removed, byPeriod),
    revisions: merged(s.revisions, writes.revisions, removed, (a, b) => a.seq - b.seq),
    measurements: merged(s.measurements, writes.measurements, removed),
    entries: merged(s.entries, [], removed),
    assignments: merged(s.assignments, [], removed),
    unitsOf,
  };
  const touched: object[] = [...removed];
  for (const kind of ['targets', 'revisions', 'measurements'] as const) touched.push(...writes[kind]);
  return before.patched(snapshot, touched, writes.units);
}
