import type { EntityManager } from '@mikro-orm/core';
import { AuditAction, type Checkpoint } from '@core/vocabulary/enums';
import type { ParsedValue } from '@core/values/types';
import { Indicator, OperationalObjective, StrategicObjective, type Target } from '../entities';
import { AuditEvent } from '../entities/audit-event';
import { BuiltOnce } from '../speed/built-once';
import { codeOf, levelOfNode, parentIdOf, type PlanNode, type PlanState, titleOf } from './plan-state';
import type { SheetLevel } from '@core/sheet/row';

/** A row as the server holds it, in the shape the sheet shows (the read side of the contract). */
export type SheetRowOut = {
  rowId: string;
  rowVersion: number;
  level: SheetLevel;
  code: string | null;
  title: string;
  parentId: string | null;
  weight: number | null;
  kpi: string | null;
  unit: string | null;
  polarity: string | null;
  rule: string | null;
  target: ParsedValue | null;
  /** the original target when a revision ("nuova previsione") replaced it */
  originalTarget: ParsedValue | null;
  thresholds: Array<{ value: ParsedValue; score: number }>;
  futureTargets: Array<{ year: number; value: ParsedValue }>;
  actual: ParsedValue | null;
  neutralised: boolean;
  neutralisationReason: string | null;
  note: string | null;
  responsibleUnits: string[];
  /** "Fonte del dato": the indicator's own data source */
  dataSource: string | null;
  /** "Azione": the indicator's on a plan row, the entry's on a cruscotto row */
  actionLabel: string | null;
  /** the cruscotto of a cruscotto row (sheetRows with dashboards: true); null on a plan row */
  dashboard: string | null;
  dashboardKind: string | null;
  dashboardOwner: string | null;
  position: number | null;
  entryLevel: string | null;
  /** the entry's own weight and data source on a cruscotto indicator row; null elsewhere */
  entryWeight: number | null;
  entryDataSource: string | null;
  updatedAt: Date;
};

export function sheetRowOf(state: PlanState, node: PlanNode): SheetRowOut {
  const level = levelOfNode(node);
  const base = {
    rowId: node.id,
    rowVersion: state.rowVersion(node),
    level,
    code: codeOf(node),
    title: titleOf(node),
    parentId: parentIdOf(node),
    weight: node instanceof OperationalObjective || node instanceof Indicator ? (node.weight ?? null) : null,
    kpi:
      node instanceof StrategicObjective || node instanceof OperationalObjective
        ? (node.kpi ?? null)
        : node instanceof Indicator
          ? (node.formula ?? null)
          : null,
    unit: null as string | null,
    polarity: null as string | null,
    rule: null as string | null,
    target: null as ParsedValue | null,
    originalTarget: null as ParsedValue | null,
    thresholds: [] as Array<{ value: ParsedValue; score: number }>,
    futureTargets: [] as Array<{ year: number; value: ParsedValue }>,
    actual: null as ParsedValue | null,
    neutralised: false,
    neutralisationReason: null as string | null,
    note: null as string | null,
    responsibleUnits: [] as string[],
    dataSource: null as string | null,
    actionLabel: null as string | null,
    dashboard: null,
    dashboardKind: null,
    dashboardOwner: null,
    position: null,
    entryLevel: null,
    entryWeight: null,
    entryDataSource: null,
    updatedAt: node.updatedAt,
  };
  if (!(node instanceof Indicator)) return base;
  const target = state.target(node.id, state.year);
  const revisions = target ? (state.revisionsOf.get(target.id) ?? []) : [];
  const effective = state.effective(target);
  const measurement = state.measurementOf.get(node.id);
  const updatedAt = updatedAtOf(state, node);
  return {
    ...base,
    unit: node.unit ?? null,
    polarity: target?.polarity ?? node.polarity,
    rule: target?.rule ?? node.rule ?? null,
    target: effective?.value ?? null,
    originalTarget: effective && effective.seq > 0 ? (revisions[0]?.value ?? null) : null,
    thresholds: target?.thresholds ?? [],
    futureTargets: (state.targetsOf.get(node.id) ?? [])
      .filter((t) => t.year > state.year && t.checkpoint === state.checkpoint)
      .flatMap((t) => {
        const e = state.effective(t);
        return e ? [{ year: t.year, value: e.value }] : [];
      }),
    actual: measurement?.value ?? null,
    neutralised: measurement?.neutralised ?? false,
    neutralisationReason: measurement?.neutralisationReason ?? null,
    note: measurement?.note ?? null,
    responsibleUnits: state.unitNames(node.id),
    dataSource: node.dataSource ?? null,
    actionLabel: node.actionLabel ?? null,
    updatedAt,
  };
}

/** When a sheet row last changed: its node, an indicator's targets and their revisions, its actual of the period. */
export function updatedAtOf(state: PlanState, node: PlanNode): Date {
  let updatedAt = node.updatedAt;
  if (!(node instanceof Indicator)) return updatedAt;
  const targets = state.targetsOf.get(node.id);
  if (targets) {
    const at = targetsChangedAt(state, targets);
    if (at > updatedAt.getTime()) updatedAt = new Date(at);
  }
  const measurement = state.measurementOf.get(node.id);
  if (measurement && measurement.updatedAt > updatedAt) updatedAt = measurement.updatedAt;
  return updatedAt;
}

/**
 * When an indicator's targets and their revisions last changed, kept per list of targets and the revisions' index
 * it was worked out with. A state patched after a sync (plan-state.ts) keeps the lists of every indicator it did not
 * touch and, when it wrote no revision, the revisions' index itself: each delta's first read of a new state worked
 * this out again for every indicator (bench B4, session b4delta). Rows are never changed in place in a state.
 */
const targetTimes = new WeakMap<Target[], { revisionsOf: PlanState['revisionsOf']; at: number }>();

function targetsChangedAt(state: PlanState, targets: Target[]): number {
  const known = targetTimes.get(targets);
  if (known && known.revisionsOf === state.revisionsOf) return known.at;
  let at = -Infinity;
  for (const t of targets) {
    at = Math.max(at, t.updatedAt.getTime());
    for (const r of state.revisionsOf.get(t.id) ?? []) at = Math.max(at, r.updatedAt.getTime());
  }
  targetTimes.set(targets, { revisionsOf: state.revisionsOf, at });
  return at;
}

/**
 * Every row of the plan in tree order: perspective, its strategic objectives, their operational objectives…; with
 * `shown`, only the rows of the nodes it keeps (still in tree order), the others never built.
 */
export function allRows(state: PlanState, shown?: (node: PlanNode) => boolean): SheetRowOut[] {
  return rowNodes(state, shown).map((node) => sheetRowOf(state, node));
}

/** The nodes of allRows' rows, in its order, without building the rows (a read of their scores alone needs none). */
export function rowNodes(state: PlanState, shown?: (node: PlanNode) => boolean): PlanNode[] {
  const { nodes } = treeOf(state);
  return shown ? nodes.filter(shown) : nodes.slice();
}

/**
 * The nodes of `ids` among allRows' rows (those `shown`), in its order; ids not in the tree are left out, as a walk of
 * the tree never meets them. Undefined when the tree holds an id twice (no place is then an id's alone).
 */
export function rowNodesOf(
  state: PlanState,
  ids: Iterable<string>,
  shown?: (node: PlanNode) => boolean,
): PlanNode[] | undefined {
  const tree = treeOf(state);
  const places = placesOf(tree);
  if (places.size !== tree.nodes.length) return undefined;
  const at: number[] = [];
  for (const id of ids) {
    const k = places.get(id);
    if (k !== undefined) at.push(k);
  }
  at.sort((a, b) => a - b);
  const nodes = at.map((k) => tree.nodes[k]);
  return shown ? nodes.filter(shown) : nodes;
}

/**
 * A state's nodes in tree order, and when each row last changed (updatedAtOf), worked out once per state: a kept
 * state is one stamp's, read by every pane until the next write, and each delta asked every row's time again. A
 * state patched from one whose tree is known (PlanState.patchedFrom: nodes put in place, none added or removed)
 * takes that tree with its changed nodes put in their places, and their change times worked out again, the others
 * copied: the same as a whole build, when no changed node has another parent (else it is built whole).
 */
type Tree = {
  nodes: PlanNode[];
  /** each node's place in `nodes` by id: the same for every tree carried from the one it was made for */
  places?: Map<string, number>;
  changedAt?: number[];
};
const trees = new WeakMap<PlanState, Tree>();

function placesOf(tree: Tree): Map<string, number> {
  return (tree.places ??= new Map(tree.nodes.map((node, k) => [node.id, k])));
}

/** when each row of the tree last changed, worked out on the first delta of the state (a full read needs none) */
function changedAtOf(state: PlanState, tree: Tree): number[] {
  return (tree.changedAt ??= tree.nodes.map((node) => updatedAtOf(state, node).getTime()));
}

function treeOf(state: PlanState): Tree {
  const known = trees.get(state);
  if (known) return known;
  const tree = carriedTree(state) ?? wholeTree(state);
  trees.set(state, tree);
  return tree;
}

function wholeTree(state: PlanState): Tree {
  const s = state.snapshot;
  const nodes: PlanNode[] = [];
  const children = new Map<string | null, PlanNode[]>();
  for (const n of [...s.perspectives, ...s.strategicObjectives, ...s.operationalObjectives, ...s.indicators]) {
    const parent = parentIdOf(n);
    const list = children.get(parent);
    if (list) list.push(n);
    else children.set(parent, [n]);
  }
  // Roots are perspectives and the indicators listed only in dashboards (no parent in the tree).
  const visit = (parent: string | null) => {
    for (const n of children.get(parent) ?? []) {
      nodes.push(n);
      visit(n.id);
    }
  };
  visit(null);
  return { nodes };
}

/** trees carried from a state before (tests) */
export const treesCarried = { count: 0 };

/** The tree of the nearest state `state` was patched from whose tree is known, with the changed nodes in place. */
function carriedTree(state: PlanState): Tree | undefined {
  for (const { base, changed } of state.patchedFrom) {
    const was = base.deref();
    const from = was && trees.get(was);
    if (!from) continue;
    const places = placesOf(from);
    const nodes = from.nodes.slice();
    const changedAt = from.changedAt?.slice();
    for (const id of changed) {
      const k = places.get(id);
      const node = state.nodes.get(id);
      // not in the tree (an indicator only listed elsewhere) nor in the state, or under another parent: built whole
      if (k === undefined || !node) {
        if (k !== undefined || node) return undefined;
        continue;
      }
      if (parentIdOf(node) !== parentIdOf(nodes[k])) return undefined;
      nodes[k] = node;
      if (changedAt) changedAt[k] = updatedAtOf(state, node).getTime();
    }
    treesCarried.count++;
    return { nodes, places, changedAt };
  }
  return undefined;
}

const NODE_TYPES = ['Perspective', 'StrategicObjective', 'OperationalObjective', 'Indicator'];

/**
 * The nodes of the rows changed after `since` (at or from it when `inclusive`: a commit's start, commit-order.ts),
 * in tree order, and the ids of rows deleted after it: what a sheet needs to refresh cheaply. Nodes, not rows: the
 * delta read served before execution keeps the rows' JSON (delta-rows.ts), the resolver builds them (sheetRowOf).
 */
export async function nodesChangedSince(
  em: EntityManager,
  state: PlanState,
  from: Date,
  inclusive = false,
): Promise<{ nodes: PlanNode[]; deletedRowIds: string[] }> {
  const since = inclusive ? new Date(from.getTime() - 1) : from;
  // a delta (the pane's refresh, every live update) builds the few rows that changed, not all of them to filter
  const tree = treeOf(state);
  const changedAt = changedAtOf(state, tree);
  const after = since.getTime();
  const nodes = tree.nodes.filter((_, k) => changedAt[k] > after);
  // by the plan-and-time index: the organisation's every event was scanned before, a cost growing with its history
  const deletions = await deletionStatements.read(em, state.plan.id, new Map([[SINCE, since]]));
  return { nodes, deletedRowIds: deletions.map((d) => String(d.entity_id)) };
}

/** the time a deletion statement is built with, bound at each read to the delta's own (BuiltOnce.read) */
const SINCE = new Date(0);

/**
 * The deletions of a plan's rows after a time, `em.find`'s statement (the same text, the same rows in the same
 * order), built once per plan and tenant filter: built by the query builder and hydrated for each delta, three a
 * pane cycle under B4, it was ~3 % of the event loop (bench/results/2026-12-07.md, session readcpu).
 */
const deletionStatements = new BuiltOnce(AuditEvent.name, (em, planId) =>
  em.createQueryBuilder(AuditEvent, 'a0').where({
    planId,
    at: { $gt: SINCE },
    action: AuditAction.DELETE,
    entityType: { $in: NODE_TYPES },
  }),
);

export type { Checkpoint };
