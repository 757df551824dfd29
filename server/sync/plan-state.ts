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
import { loadPlanSnapshot, placesReplaced, type PlanSnapshot } from '../services/plan-snapshot';
import type { SheetLevel } from '@core/sheet/row';
import { foldName, foldWords } from '@core/vocabulary/fold';
import { LayeredMap } from '../speed/layered-map';
import { buildNodeKeys, keysHold, type NodeKeys } from './node-keys';

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

/** the keys a sheet row names a node with: `level:code`, and a perspective's `perspective~title` folded */
function keysOfNode(node: PlanNode): string[] {
  const level = levelOfNode(node);
  const code = codeOf(node);
  const keys = code ? [`${level}:${code}`] : [];
  if (level === 'perspective') keys.push(`perspective~${foldWords(titleOf(node))}`);
  return keys;
}

/** A plan version as the sheet sees it for one (year, checkpoint): every node, indexed, read in bounded statements. */
export class PlanState {
  readonly nodes: ReadonlyMap<string, PlanNode>;
  readonly targetsOf: ReadonlyMap<string, Target[]>;
  readonly revisionsOf: ReadonlyMap<string, TargetRevision[]>;
  readonly measurementOf: ReadonlyMap<string, Measurement>;
  readonly unitsByName: Map<string, OrgUnit>;
  readonly unitsById: Map<string, OrgUnit>;
  readonly locked: CheckpointLock | null;
  /** nodeKeys' index: built once, then handed on by patches */
  private keys: NodeKeys | undefined;
  /**
   * The nodes put in by patches (swapped in or added) since the plan was read whole or settled: the only ones whose
   * keys may differ from an index handed on, a managed row being changed in place by the sync that adopted it.
   */
  private readonly moved: ReadonlySet<string>;
  /**
   * The states this one was patched from, nearest first (its base, its base's base…, at most PATCHES_KEPT), each while
   * it lives (a WeakRef: a chain of states is not kept alive), with the ids of the nodes whose sheet row may differ
   * from it: the nodes put in others' places, the indicators whose targets or actual of the period were touched.
   * Each patch of the chain put nodes in place (none added or removed), touched no revision, and had no managed rows
   * (a sync changes those in place); any other patch starts the chain anew. What a reader works out per state over
   * every node (sheet-rows.ts: the tree order, each row's change time) is carried from the nearest one it worked out
   * for: under B4 every commit makes a new state (a sync's read, adopted and after states between two commits), and
   * each worked that out again for 4,800 rows.
   */
  readonly patchedFrom: ReadonlyArray<{ base: WeakRef<PlanState>; changed: ReadonlySet<string> }> = [];

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
    patch?: { base: PlanState; touched: Iterable<object>; settled?: boolean },
    /** its nodes are managed rows, which a sync changes in place: every one is checked against an index kept */
    private readonly managed = false,
  ) {
    const nodes = nodesOf(snapshot, patch?.base);
    this.nodes = nodes.map;
    this.moved = managed ? new Set(this.nodes.keys()) : new Set();
    if (patch) {
      const { base } = patch;
      const moved = new Set([...base.moved, ...nodes.put]);
      // the base's index, not the base: a chain of patched states is not kept alive by the last
      if (!nodes.whole) this.keys = base.keys;
      if (!patch.settled) this.moved = moved;
      else if (this.keys && !keysHold(this.keys, moved, (id) => this.nodes.get(id), keysOfNode)) this.keys = undefined;
    }
    const inPeriod = (m: Measurement) => m.year === year && m.checkpoint === checkpoint;
    if (patch && patch.base.year === year && patch.base.checkpoint === checkpoint) {
      const { base } = patch;
      const indicators = new Set<string>();
      const targets = new Set<string>();
      for (const row of patch.touched) {
        if (row instanceof Target || row instanceof Measurement) indicators.add(row.indicator.id);
        else if (row instanceof TargetRevision) targets.add(row.target.id);
      }
      const was = base.snapshot;
      this.targetsOf = regrouped(base.targetsOf, was.targets, snapshot.targets, indicators, (t) => t.indicator.id);
      this.revisionsOf = regrouped(base.revisionsOf, was.revisions, snapshot.revisions, targets, (r) => r.target.id);
      this.measurementOf = remeasured(
        base.measurementOf,
        was.measurements,
        snapshot.measurements,
        indicators,
        inPeriod,
      );
      if (!nodes.whole && targets.size === 0 && !managed && !base.managed) {
        const changed = [...nodes.put, ...indicators];
        this.patchedFrom = [
          { base: new WeakRef(base), changed: new Set(changed) },
          ...base.patchedFrom
            .slice(0, PATCHES_KEPT - 1)
            .map((from) => ({ base: from.base, changed: new Set([...from.changed, ...changed]) })),
        ];
      }
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
  patched(snapshot: PlanSnapshot, touched: Iterable<object>, units: OrgUnit[] = [], settled = false): PlanState {
    const locks = this.locked ? [this.locked] : [];
    return new PlanState(snapshot, this.year, this.checkpoint, [...this.unitsById.values(), ...units], locks, {
      base: this,
      touched,
      settled,
    });
  }

  /**
   * The nodes' ids by the keys a sheet row names them with (node-keys.ts). Indexed once per plan read: a patch that
   * puts nodes in others' places with the same codes and titles (a sync's adopt and after states) keeps its base's,
   * where indexing the whole plan again, twice a sync, was a tenth of a sync's event loop (bench B4).
   */
  nodeKeys(): NodeKeys {
    if (this.keys && keysHold(this.keys, this.moved, (id) => this.nodes.get(id), keysOfNode)) return this.keys;
    return (this.keys = buildNodeKeys(this.nodes.values(), keysOfNode));
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

/** how far back a state's patchedFrom goes: a sync's three states, between two commits read, and room to spare */
const PATCHES_KEPT = 8;

const NODE_KINDS = ['perspectives', 'strategicObjectives', 'operationalObjectives', 'indicators'] as const;

/**
 * The rows of `now` that stand where `was` had another row of the same key (a row replaced by its twin: adopted,
 * or read again after the commit), as old row → new row; null when the lists differ otherwise (rows added, removed
 * or moved, or a row's key changed), where only a whole pass over the rows gives the indexes.
 */
function swapsOf<T extends object>(was: T[], now: T[], keyOf: (row: T) => unknown): ReadonlyMap<T, T> | null {
  const swaps = new Map<T, T>();
  if (was === now) return swaps;
  if (was.length !== now.length) return null;
  // made by withRowsOf, in one step or a few (adopted, then read again after a batch): only the places it replaced
  // are compared; otherwise every place
  for (const k of placesReplaced(was, now) ?? now.keys())
    if (now[k] !== was[k]) {
      if (keyOf(now[k]) !== keyOf(was[k])) return null;
      swaps.set(was[k], now[k]);
    }
  return swaps;
}

/**
 * Every node by id, in the snapshot's order. From `base`'s map when the snapshot's node lists are base's or differ
 * only by rows replaced in place (a value-only batch adopts its indicators): setting a key already in a map keeps its
 * place, so the copy is the map a whole build gives, without going over the plan's nodes (a sync patches 3 states).
 * With it the ids of the nodes not base's (`put`), and whether the map was built whole (nodes added or removed).
 */
function nodesOf(
  snapshot: PlanSnapshot,
  base?: PlanState,
): { map: ReadonlyMap<string, PlanNode>; put: string[]; whole: boolean } {
  if (!base) return { map: allNodes(snapshot), put: [], whole: true };
  const replaced: PlanNode[] = [];
  for (const kind of NODE_KINDS) {
    const swaps = swapsOf<PlanNode>(base.snapshot[kind], snapshot[kind], (node) => node.id);
    if (!swaps) {
      const map = allNodes(snapshot);
      const put = [...map.values()].filter((node) => base.nodes.get(node.id) !== node).map((node) => node.id);
      return { map, put, whole: true };
    }
    replaced.push(...swaps.values());
  }
  const put = replaced.map((node) => node.id);
  if (replaced.length === 0) return { map: base.nodes, put, whole: false };
  const map = LayeredMap.over(
    base.nodes,
    replaced.map((node) => [node.id, node] as const),
  );
  return { map, put, whole: false };
}

function allNodes(snapshot: PlanSnapshot): Map<string, PlanNode> {
  const nodes = new Map<string, PlanNode>();
  for (const kind of NODE_KINDS) for (const node of snapshot[kind] as PlanNode[]) nodes.set(node.id, node);
  return nodes;
}

/**
 * `base` (grouped from `was`) with the groups of `keys` built again from `rows` (in their order); every other group
 * is base's. When `rows` is `was` with rows replaced in place, a group built again is base's with the replaced rows
 * swapped: the same rows in the same order, without a pass over every period's targets and revisions.
 */
function regrouped<T extends object>(
  base: ReadonlyMap<string, T[]>,
  was: T[],
  rows: T[],
  keys: Set<string>,
  keyOf: (row: T) => string,
): ReadonlyMap<string, T[]> {
  if (keys.size === 0) return base;
  const swaps = swapsOf(was, rows, keyOf);
  if (swaps?.size === 0) return base;
  if (swaps) {
    const changes: Array<[string, T[]]> = [];
    for (const key of keys) {
      const group = base.get(key);
      if (group) changes.push([key, group.map((row) => swaps.get(row) ?? row)]);
    }
    return LayeredMap.over(base, changes);
  }
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

/**
 * `base` (the period's measurement per indicator, the last in `was`) with the entries of `indicators` taken again
 * from `rows`; as regrouped, swapping the replaced rows when `rows` is `was` with rows replaced in place (the same
 * indicator and period).
 */
function remeasured(
  base: ReadonlyMap<string, Measurement>,
  was: Measurement[],
  rows: Measurement[],
  indicators: Set<string>,
  inPeriod: (m: Measurement) => boolean,
): ReadonlyMap<string, Measurement> {
  if (indicators.size === 0) return base;
  const swaps = swapsOf(was, rows, (m) => `${m.indicator.id}|${inPeriod(m)}`);
  if (swaps?.size === 0) return base;
  if (swaps) {
    const changes: Array<[string, Measurement]> = [];
    for (const id of indicators) {
      const m = base.get(id);
      if (m) changes.push([id, swaps.get(m) ?? m]);
    }
    return LayeredMap.over(base, changes);
  }
  const out = new Map(base);
  for (const id of indicators) out.delete(id);
  for (const m of rows) if (indicators.has(m.indicator.id) && inPeriod(m)) out.set(m.indicator.id, m);
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
  options: { readOnly?: boolean; sliced?: boolean; stop?: AbortSignal } = {},
): Promise<PlanState> {
  const read = <E extends object>(entity: EntityClass<E>, where: FilterQuery<E>) =>
    options.readOnly ? readRows(em, entity, where) : em.find(entity, where);
  const snapshot = await loadPlanSnapshot(em, planId, null, options);
  const [units, locks] = await readsTogether(em, [
    () => read(OrgUnit, { org: snapshot.plan.org.id }),
    () => read(CheckpointLock, { plan: planId }),
  ] as const);
  return new PlanState(snapshot, year, checkpoint, units, locks, undefined, !options.readOnly);
}
