import type { EntityClass, EntityManager } from '@mikro-orm/core';
import type { Checkpoint } from '@core/vocabulary/enums';
import type { Node } from '../entities/base';
import type { PlanSnapshot, TreeRows } from '../services/plan-snapshot';
import { readOnlyPlan, withRowsOf } from '../services/plan-snapshot';
import { type PlanStamp, readPlanStamp } from '../services/plan-stamp';
import { snapshotBytes } from '../services/score-snapshots';
import type { ServiceContext } from '../services/service-context';
import { columnsOf } from '../speed/bulk-write';
import { readRowsIn } from '../speed/read-rows';
import type { RowPlan } from './row-plan';
import { loadPlanState, PlanState, SHEET_STATES } from './plan-state';

/** The read-only plan state of one stamp, read before the sync takes its turn on the plan. */
export type KeptState = { stamp: PlanStamp; state: PlanState };

const TREE_KINDS: Array<keyof TreeRows> = [
  'perspectives',
  'strategicObjectives',
  'operationalObjectives',
  'indicators',
  'targets',
  'revisions',
  'measurements',
];

/**
 * The sheet's plan state at the plan's current stamp, kept or read now, outside the sync's transaction: the state
 * `sheetRows` keeps (SHEET_STATES), shared with the panes reading the same stamp, so that the whole plan is not read
 * while the sync holds the writer's turn (bench B4, B7). Null without read-only rows or kept values.
 */
export async function stateBeforeTurn(
  ctx: ServiceContext,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
): Promise<KeptState | null> {
  if (ctx.fastPaths === false || !ctx.snapshots?.enabled) return null;
  const stamp = await ctx.snapshots.stamp(ctx.em, planId);
  if (!stamp) return null;
  const load = () => loadPlanState(ctx.em, planId, year, checkpoint, { readOnly: true, sliced: true });
  const state = await ctx.snapshots.keep(SHEET_STATES, stamp, year, checkpoint, load, (s) => snapshotBytes(s.snapshot));
  return { stamp, state };
}

/**
 * The plan state the sync decides from, in its turn: the one read before the turn when the stamp read under the
 * turn (`now`) is still the one that state belongs to (no writer committed in between: every write moves the
 * stamp), else the plan read again, as read-only rows when `fast`.
 */
export async function stateInTurn(
  em: EntityManager,
  kept: KeptState | null,
  now: PlanStamp | null,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
  fast: boolean,
): Promise<PlanState> {
  if (kept && now && kept.stamp.value === now.value && kept.state.year === year && kept.state.checkpoint === checkpoint)
    return kept.state;
  return loadPlanState(em, planId, year, checkpoint, { readOnly: fast });
}

/** A committed batch's plan state before and after it, and the rows it inserted (apply.ts) */
export type KeptAfter = { read: PlanState; after: PlanState; created: ReadonlySet<object> };

/**
 * Whether `after` is the whole state a batch left: it created rows or changed values, but deleted no row and placed
 * or removed no cruscotto entry (writePlacements writes those without changing `after`).
 */
export function keepsState(plans: RowPlan[], placed: ReadonlySet<number>, removed: ReadonlySet<number>): boolean {
  return placed.size === 0 && removed.size === 0 && plans.every((p) => p.status !== 'deleted');
}

/**
 * After the commit of a batch that wrote existing indicators' values (rescore.ts) or new rows (keepsState): the state
 * it left, as read-only rows, kept under the stamp `committed`, so the plan's next sync (and `sheetRows`) need not
 * read the whole plan. The rows it updated are managed (adopted) instances, which belong to the request: those few
 * are read again by id, and the plan row with them (its change counter moved). The rows it created are untracked
 * instances holding what was inserted: kept as they are (reading back a 5,000-row batch's 20,000 rows was the second
 * batch's plan read of bench B1 again), their references to a row read again pointed at it. Kept only if the stamp
 * read after them is still `committed` (no writer came after the commit).
 */
export async function keepStateAfter(
  ctx: ServiceContext,
  { read, after, created }: KeptAfter,
  committed: PlanStamp,
): Promise<void> {
  const snapshots = ctx.snapshots;
  if (!snapshots?.enabled || ctx.fastPaths === false) return;
  const em = ctx.em;
  const fresh = new Map<EntityClass<Node>, string[]>();
  let count = 0;
  for (const kind of TREE_KINDS) {
    const known = new Set<object>(read.snapshot[kind]);
    for (const row of after.snapshot[kind] as Node[]) {
      if (known.has(row) || created.has(row)) continue;
      const type = row.constructor as EntityClass<Node>;
      const ids = fresh.get(type) ?? [];
      ids.push(row.id);
      fresh.set(type, ids);
      count += 1;
    }
  }
  // one after the other: a few statements, in the same order every time (the statement-count tests compare them)
  const plan = await readOnlyPlan(em, committed.planId);
  const reread: Node[][] = [];
  for (const [type, ids] of fresh) reread.push(await readRowsIn(em, type, 'id', ids));
  const byId = new Map<string, Node>();
  for (const rows of reread) for (const row of rows) byId.set(row.id, row);
  if (!plan || byId.size !== count || (await readPlanStamp(em, committed.planId)).value !== committed.value) return;
  pointAtFresh(em, created, new Map<string, object>([...byId, [plan.id, plan]]));
  const snapshot: PlanSnapshot = {
    ...withRowsOf(after.snapshot, byId, TREE_KINDS),
    plan: plan as PlanSnapshot['plan'],
  };
  // `after`'s indexes, with the groups of the rows read again rebuilt (a 5,000-row batch's are kept as they are)
  const state = new PlanState(
    snapshot,
    after.year,
    after.checkpoint,
    [...after.unitsById.values()],
    after.locked ? [after.locked] : [],
    { base: after, touched: byId.values() },
  );
  snapshots.putKept(SHEET_STATES, committed, after.year, after.checkpoint, state, snapshotBytes(snapshot));
}

/** A created row's references to a row read again (an updated parent, the plan) point at the fresh row */
function pointAtFresh(em: EntityManager, created: ReadonlySet<object>, fresh: Map<string, object>): void {
  for (const row of created) {
    const record = row as Record<string, unknown>;
    for (const name of columnsOf(em, row.constructor.name).references) {
      const target = record[name] as { id?: string } | null | undefined;
      const now = target?.id === undefined ? undefined : fresh.get(target.id);
      if (now && now !== target) record[name] = now;
    }
  }
}
