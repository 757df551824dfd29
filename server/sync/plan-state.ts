import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Checkpoint } from '@core/vocabulary/enums';
import {
  CheckpointLock,
  Indicator,
  OperationalObjective,
  OrgUnit,
  Perspective,
  StrategicObjective,
  Target,
  Measurement,
  TargetRevision,
} from '../entities';
import { readRows } from '../speed/read-rows';
import { readsTogether } from '../speed/reads-together';
import { groupBy } from '../services/group-by';
import { loadPlanSnapshot, type PlanSnapshot } from '../services/plan-snapshot';
import type { SheetLevel } from '@core/sheet/row';
import { foldName } from '@core/vocabulary/fold';

export type PlanNode = Perspective | StrategicObjective | OperationalObjective | Indicator;

export function levelOfNode(node: PlanNode): SheetLevel {
  if (node instanceof Indicator) return 'indicator';
  if (node instanceof OperationalObjective) return 'operational';
  if (node instanceof StrategicObjective) return 'strategic';
  return 'perspective';
}

export function parentIdOf(node: PlanNode): string | null {
  if (node instanceof Indicator) return node.operationalObjective?.id ?? node.strategicObjective?.id ?? null;
  if (node instanceof OperationalObjective) return node.strategicObjective?.id ?? null;
  if (node instanceof StrategicObjective) return node.perspective.id;
  return null;
}

export function codeOf(node: PlanNode): string | null {
  return node instanceof Perspective ? (node.code ?? null) : node.code;
}

export function titleOf(node: PlanNode): string {
  return node instanceof Perspective ? node.name : node.title;
}

/** A plan version as the sheet sees it for one (year, checkpoint): every node, indexed, read in bounded statements. */
export class PlanState {
  readonly nodes = new Map<string, PlanNode>();
  readonly targetsOf: Map<string, Target[]>;
  readonly revisionsOf: Map<string, TargetRevision[]>;
  readonly measurementOf: Map<string, Measurement>;
  readonly unitsByName: Map<string, OrgUnit>;
  readonly unitsById: Map<string, OrgUnit>;
  readonly locked: CheckpointLock | null;

  constructor(
    readonly snapshot: PlanSnapshot,
    readonly year: number,
    readonly checkpoint: Checkpoint,
    units: OrgUnit[],
    locks: CheckpointLock[],
    /**
     * The state this one differs from by a few rows (`touched`: those added, removed or put in another's place, old
     * and new): its indexes are copied and only the entries of the touched rows' owners rebuilt, in the snapshot's
     * order as a whole build gives them. A sync's states before and after its writes (adopt-rows.ts, after-state.ts)
     * differ from the plan by the rows it wrote: indexing the whole plan again held the writer's turn.
     */
    patch?: { base: PlanState; touched: Iterable<object> },
  ) {
    for (const n of [
      ...snapshot.perspectives,
      ...snapshot.strategicObjectives,
      ...snapshot.operationalObjectives,
      ...snapshot.indicators,
    ])
      this.nodes.set(n.id, n);
    const inPeriod = (m: Measurement) => m.year === year && m.checkpoint === checkpoint;
    if (patch && patch.base.year === year && patch.base.checkpoint === checkpoint) {
      const indicators = new Set<string>();
      const targets = new Set<string>();
      for (const row of patch.touched) {
        if (row instanceof Target || row instanceof Measurement) indicators.add(row.indicator.id);
        else if (row instanceof TargetRevision) targets.add(row.target.id);
      }
      this.targetsOf = regrouped(patch.base.targetsOf, snapshot.targets, indicators, (t) => t.indicator.id);
      this.revisionsOf = regrouped(patch.base.revisionsOf, snapshot.revisions, targets, (r) => r.target.id);
      this.measurementOf = new Map(patch.base.measurementOf);
      for (const id of indicators) this.measurementOf.delete(id);
      for (const m of snapshot.measurements)
        if (indicators.has(m.indicator.id) && inPeriod(m)) this.measurementOf.set(m.indicator.id, m);
    } else {
      this.targetsOf = groupBy(snapshot.targets, (t) => t.indicator.id);
      this.revisionsOf = groupBy(snapshot.revisions, (r) => r.target.id);
      this.measurementOf = new Map(snapshot.measurements.filter(inPeriod).map((m) => [m.indicator.id, m]));
    }
    this.unitsByName = new Map(units.map((u) => [unitKey(u.name), u]));
    this.unitsById = new Map(units.map((u) => [u.id, u]));
    this.locked = locks.find((l) => l.year === year && l.checkpoint === checkpoint) ?? null;
  }

  get plan() {
    return this.snapshot.plan;
  }

  /**
   * This state's plan with some rows in other places (`touched`: the rows added, removed or replaced, old and new),
   * for the same period, lock and units (with `units` added): indexed from this one, as the constructor's patch says.
   */
  patched(snapshot: PlanSnapshot, touched: Iterable<object>, units: OrgUnit[] = []): PlanState {
    const locks = this.locked ? [this.locked] : [];
    return new PlanState(snapshot, this.year, this.checkpoint, [...this.unitsById.values(), ...units], locks, {
      base: this,
      touched,
    });
  }

  target(indicatorId: string, year: number): Target | undefined {
    return this.targetsOf.get(indicatorId)?.find((t) => t.year === year && t.checkpoint === this.checkpoint);
  }

  /** The latest approved revision of a target: what the sheet shows and scoring uses. */
  effective(target: Target | undefined): TargetRevision | undefined {
    if (!target) return undefined;
    return (this.revisionsOf.get(target.id) ?? []).filter((r) => r.approved).at(-1);
  }

  /**
   * The version of a sheet row. A row spans the node, its targets and revisions and its actual for the period;
   * each of those only counts up, so their sum changes whenever any of them does.
   */
  rowVersion(node: PlanNode): number {
    let v = node.version;
    if (node instanceof Indicator) {
      for (const t of this.targetsOf.get(node.id) ?? []) v += t.version + (this.revisionsOf.get(t.id)?.length ?? 0);
      v += this.measurementOf.get(node.id)?.version ?? 0;
    }
    return v;
  }

  /** Ids of the rows whose change is part of this sheet row (for history and "who changed it"). */
  memberIds(node: PlanNode): string[] {
    const ids = [node.id];
    if (node instanceof Indicator) {
      for (const t of this.targetsOf.get(node.id) ?? [])
        ids.push(t.id, ...(this.revisionsOf.get(t.id) ?? []).map((r) => r.id));
      const m = this.measurementOf.get(node.id);
      if (m) ids.push(m.id);
    }
    return ids;
  }

  unitNames(indicatorId: string): string[] {
    return (this.snapshot.unitsOf.get(indicatorId) ?? []).map((id) => this.unitsById.get(id)?.name ?? id);
  }
}

/** `base` with the groups of `keys` built again from `rows` (in their order); every other group is base's. */
function regrouped<T>(
  base: Map<string, T[]>,
  rows: T[],
  keys: Set<string>,
  keyOf: (row: T) => string,
): Map<string, T[]> {
  if (keys.size === 0) return base;
  const out = new Map(base);
  for (const key of keys) out.delete(key);
  for (const row of rows) {
    const key = keyOf(row);
    if (!keys.has(key)) continue;
    const group = out.get(key);
    if (group) group.push(row);
    else out.set(key, [row]);
  }
  return out;
}

/** Units are matched by name as typed: accents, quotes and spacing do not make another unit. */
export const unitKey = foldName;

/** The name of the kept read-only plan states (ScoreSnapshots.keep) in the metrics. */
export const SHEET_STATES = 'sheet-states';

/**
 * `readOnly`: rows outside the unit of work (server/speed/read-rows.ts); the sync adopts the few it writes
 * (adopt-rows.ts). `sliced`: read-only reads outside a transaction go a thousand rows per turn (plan-snapshot.ts).
 */
export async function loadPlanState(
  em: EntityManager,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
  options: { readOnly?: boolean; sliced?: boolean } = {},
): Promise<PlanState> {
  const read = <E extends object>(entity: EntityClass<E>, where: FilterQuery<E>) =>
    options.readOnly ? readRows(em, entity, where) : em.find(entity, where);
  const snapshot = await loadPlanSnapshot(em, planId, null, options);
  const [units, locks] = await readsTogether(em, [
    () => read(OrgUnit, { org: snapshot.plan.org.id }),
    () => read(CheckpointLock, { plan: planId }),
  ] as const);
  return new PlanState(snapshot, year, checkpoint, units, locks);
}
