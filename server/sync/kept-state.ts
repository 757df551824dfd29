import { type EntityClass, type EntityManager, ReferenceKind } from '@mikro-orm/core';
import type { Checkpoint } from '@core/vocabulary/enums';
import type { Node } from '../entities/base';
import type { PlanSnapshot } from '../services/plan-snapshot';
import { placesReplaced, readOnlyPlan, TREE_KINDS, withRowsOf } from '../services/plan-snapshot';
import { onlyBumpedBy, type PlanStamp, readPlanStamp } from '../services/plan-stamp';
import { keepNewest } from '../services/newest-kept';
import { type ScoreSnapshots, snapshotBytes } from '../services/score-snapshots';
import type { ServiceContext } from '../services/service-context';
import { columnsOf } from '../speed/bulk-write';
import { readOnlyRow, readRowsIn } from '../speed/read-rows';
import { heldNow, writtenRow } from '../speed/set-update';
import { heldPlain, twinOf, unchangedTwin } from './adopt-rows';
import type { RowPlan } from './row-plan';
import { loadPlanState, PlanState, SHEET_STATES } from './plan-state';
import { type StatePatch, stateFromTold } from './shared-states';
import { logStateEvent } from './sync-clock';

/** The read-only plan state of one stamp, read before the sync takes its turn on the plan. */
export type KeptState = { stamp: PlanStamp; state: PlanState };

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
  const load = (stop: AbortSignal) =>
    loadPlanState(ctx.em, planId, year, checkpoint, { readOnly: true, sliced: true, stop });
  // a later stamp's state kept while this one's is read serves as well: the turn brings it to its own stamp
  const kept = await keepNewest(
    ctx.snapshots,
    { kind: SHEET_STATES, stamp, year, checkpoint },
    load,
    (s) => snapshotBytes(s.snapshot),
    () => ctx.snapshots!.stamp(ctx.em, planId),
  );
  return { stamp: kept.stamp!, state: kept.value };
}

/**
 * How long a sync holding the plan's lock waits for the patch of a commit it is behind by to be received (Redis
 * delivers it within milliseconds of the commit that released the lock; a commit told by no patch costs this wait and
 * a plan read). It waited up to 3 s for the patch applied on the pool instead: 12 of 98 turns for 2.5-5.7 s (session
 * pgturn).
 */
const RECEIPT_MS = 250;

/**
 * The plan state the sync decides from, in its turn: the one read before the turn when the stamp read under the
 * turn (`now`) is still the one that state belongs to (no writer committed in between: every write moves the
 * stamp); else the state at `now` another instance told and this one kept, or the one read before the turn brought
 * forward by the rows the told patches name, read on the turn's connection (shared-states.ts, stateFromTold); else
 * the plan read again, as read-only rows when `fast`.
 */
export async function stateInTurn(
  em: EntityManager,
  kept: KeptState | null,
  now: PlanStamp | null,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
  fast: boolean,
  snapshots?: ScoreSnapshots,
): Promise<PlanState> {
  if (kept && now && kept.stamp.value === now.value && kept.state.year === year && kept.state.checkpoint === checkpoint)
    return kept.state;
  if (fast && now && snapshots?.patchable.has(SHEET_STATES)) {
    const start = Date.now();
    const told = snapshots.peekKept<PlanState>(SHEET_STATES, planId, year, checkpoint, now.value);
    if (told) return told;
    const ahead = kept ? now.changeCount - kept.stamp.changeCount : 0;
    if (kept && ahead > 0 && onlyBumpedBy(kept.stamp, now, ahead)) {
      const patched = await stateFromTold(em, snapshots, kept, now, year, checkpoint, RECEIPT_MS);
      logStateEvent('inturn', { to: now.value, ahead, start, end: Date.now(), patched: !!patched });
      if (patched) return patched;
    }
  }
  return loadPlanState(em, planId, year, checkpoint, { readOnly: fast });
}

/**
 * A batch's plan state before and after it, the rows it inserted (apply.ts), and whether
 * it wrote only existing indicators' values: only such a batch is told to the other instances as a patch of rows to
 * read again (shared-states.ts), which cannot add rows to a state.
 */
export type KeptAfter = {
  read: PlanState;
  after: PlanState;
  created: ReadonlySet<object>;
  valuesOnly: boolean;
};

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
 * read the whole plan. The rows it updated are managed (adopted) instances, which belong to the request: each is
 * taken as its update returned it, or as read before when the batch left it unchanged (storedRow), and the plan row
 * is read again (its change counter moved). The rows it created are untracked
 * instances holding what was inserted: kept as they are (reading back a 5,000-row batch's 20,000 rows was the second
 * batch's plan read of bench B1 again), their references to a row read again pointed at it. Kept only if the stamp
 * read after them is still `committed` (no writer came after the commit).
 */
export async function keepStateAfter(
  ctx: ServiceContext,
  left: KeptAfter,
  from: PlanStamp,
  committed: PlanStamp,
): Promise<void> {
  const snapshots = ctx.snapshots;
  if (!snapshots?.enabled || ctx.fastPaths === false) return;
  const { after } = left;
  const changed = rowsChanged(left);
  // the other instances bring their state of `from` to `committed` from these rows (shared-states.ts), told before
  // this instance reads them: a sync of the plan on another instance may be waiting for it under the plan's lock.
  // A batch of new tree rows is not told: a patch adds only a first target, revision or actual (they read the plan)
  const patch: StatePatch = {
    from: from.value,
    to: committed,
    year: after.year,
    checkpoint: after.checkpoint,
    rows: Object.fromEntries(changed.written),
  };
  if (left.valuesOnly) snapshots.announce(patch);
  const state = await readLeft(ctx.em, left, changed, await readOnlyPlan(ctx.em, committed.planId));
  if (!state || (await readPlanStamp(ctx.em, committed.planId)).value !== committed.value) return;
  snapshots.putKept(SHEET_STATES, committed, after.year, after.checkpoint, state, snapshotBytes(state.snapshot));
}

/**
 * The state a batch left, in its own transaction (sync-rows.ts: the next batch of the same turn decides from it): as
 * keepStateAfter makes it, without the stamp (the turn holds the plan) and without telling anyone, and with the plan
 * row the batch read (only the turn's end moves its counter): between the batches of a turn it read the plan row
 * and every changed row again, 5 statements of the 12 a 20-row batch cost on PostgreSQL (bench/turn-statements.ts).
 */
export async function stateLeft(em: EntityManager, left: KeptAfter): Promise<PlanState | null> {
  return readLeft(em, left, rowsChanged(left), left.after.snapshot.plan);
}

export type Changed = { fresh: Map<EntityClass<Node>, Node[]>; written: Map<string, string[]>; count: number };

/** the rows a batch changed, by kind: those to read again (not created by it) and, values only, all it wrote */
export function rowsChanged({ read, after, created, valuesOnly }: KeptAfter): Changed {
  const fresh = new Map<EntityClass<Node>, Node[]>();
  // every row the batch wrote, the created ones too: what the other instances read again (shared-states.ts)
  const written = new Map<string, string[]>();
  let count = 0;
  for (const kind of TREE_KINDS) {
    const was = read.snapshot[kind] as Node[];
    const now = after.snapshot[kind] as Node[];
    // a list the batch left alone is the same list; one whose rows it replaced in place (adopt-rows.ts) is compared
    // only at the places withRowsOf replaced (placesReplaced), or position by position when not made by it; only one
    // it added rows to is looked up whole (a set of every period's targets per sync was most of this function's time,
    // bench B7). A row seen as new by position that is not is read again too.
    if (was === now) continue;
    const places = was.length === now.length ? placesReplaced(was, now) : undefined;
    const known = places || was.length === now.length ? null : new Set<object>(was);
    for (let p = 0, end = places ? places.length : now.length; p < end; p++) {
      const k = places ? places[p] : p;
      const row = now[k];
      if (known ? known.has(row) : was[k] === row) continue;
      const type = row.constructor as EntityClass<Node>;
      if (valuesOnly) {
        const told = written.get(type.name) ?? [];
        told.push(row.id);
        written.set(type.name, told);
      }
      if (created.has(row)) continue;
      const rows = fresh.get(type) ?? [];
      rows.push(row);
      fresh.set(type, rows);
      count += 1;
    }
  }
  return { fresh, written, count };
}

/**
 * `after` with the changed rows as read-only rows, as stored (storedRow) or read again, and `plan`; null when one is
 * missing
 */
async function readLeft(
  em: EntityManager,
  { after, created }: KeptAfter,
  { fresh, count }: Changed,
  plan: PlanSnapshot['plan'] | null,
): Promise<PlanState | null> {
  const byId = new Map<string, Node>();
  // one after the other: a few statements, in the same order every time (the statement-count tests compare them)
  for (const [type, rows] of fresh) {
    const unknown: string[] = [];
    for (const row of rows) {
      const stored = storedRow(em, type, row);
      if (stored) byId.set(stored.id, stored);
      else unknown.push(row.id);
    }
    if (unknown.length > 0) for (const row of await readRowsIn(em, type, 'id', unknown)) byId.set(row.id, row);
  }
  if (!plan || byId.size !== count) return null;
  pointAtFresh(em, created, new Map<string, object>([...byId, [plan.id, plan]]));
  const snapshot: PlanSnapshot = {
    ...withRowsOf(after.snapshot, byId, TREE_KINDS),
    plan: plan as PlanSnapshot['plan'],
  };
  // indexed from `after`'s indexes, only the re-read rows' owners again: indexing the whole plan (every period's
  // targets) here was a third of a sync's time (bench B7); a 5,000-row batch's created rows are kept as indexed
  // every row the batches changed in place is read again: none of its nodes is a managed row any more
  return after.patched(snapshot, byId.values(), [], true);
}

/** read-only rows made here from what an update returned: already as stored, taken as they are by a later state */
const asStored = new WeakSet<Node>();

/**
 * A changed row of a state as stored, without reading it: one made from an update's returned row already, or a copy a
 * held batch wrote into and held the update of (adopt-rows.ts, holdPlainRows: it holds what the write stores); a managed
 * (adopted) row as its set-based update returned it (set-update.ts); one the batch adopted and left unchanged as the
 * read-only row it took the place of (same version: the adoption checked it against the database). Undefined for
 * any other (a row MikroORM's own update wrote, say), which is read again.
 */
function storedRow(em: EntityManager, type: EntityClass<Node>, row: Node): Node | undefined {
  if (asStored.has(row) || heldPlain(row)) return row;
  if (heldNow(em, row)) return heldCopy(em, type, row);
  const returned = writtenRow(em, row);
  if (!returned) return unchangedTwin(row);
  const stored = readOnlyRow(em, type, returned);
  asStored.add(stored);
  return stored;
}

/**
 * A managed row whose update the turn holds (holdUpdates, turn-writes.ts) as it will be stored: its read-only twin
 * with the values the managed row holds now (its columns of its own; its references are the twin's, which a batch
 * writing values only never moves). Undefined without a twin, when it is read again (and the held write flushed).
 */
function heldCopy(em: EntityManager, type: EntityClass<Node>, row: Node): Node | undefined {
  const twin = twinOf(row);
  if (!twin) return undefined;
  // spread, then given the twin's prototype: copied key by key onto Object.create(…) (Object.assign) a row of
  // more than about a dozen properties became a V8 dictionary, slower to read and to keep (as newRow's once did)
  const copy = Object.setPrototypeOf({ ...twin }, Object.getPrototypeOf(twin) as object) as Node;
  for (const prop of em.getMetadata().get(type.name).props)
    if (prop.kind === ReferenceKind.SCALAR && prop.fieldNames?.length === 1 && !prop.lazy)
      (copy as unknown as Record<string, unknown>)[prop.name] = (row as unknown as Record<string, unknown>)[prop.name];
  asStored.add(copy);
  return copy;
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
