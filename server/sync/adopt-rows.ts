import { type EntityManager, wrap } from '@mikro-orm/core';
import type { Node } from '../entities/base';
import { Indicator, Measurement } from '../entities';
import { TREE_KINDS, withRowsOf } from '../services/plan-snapshot';
import { ConflictError, NotFoundError } from '../errors';
import { PlanState } from './plan-state';
import { readsTogether } from '../speed/reads-together';
import { holdPlain, plainCopy } from '../speed/plain-held';
import { sendsOnlyActuals, type SyncInput } from './row-plan';

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

/** The read-only row an adopted row took the place of, whatever the adopted row holds since (undefined if none) */
export function twinOf(row: Node): Node | undefined {
  return twins.get(row);
}

/** one `em.find` by id per kind of row */
async function findRows(em: EntityManager, rows: Node[]): Promise<Node[]> {
  const idsByEntity = new Map<string, Set<string>>();
  for (const row of rows) {
    const entity = row.constructor.name;
    const ids = idsByEntity.get(entity) ?? new Set<string>();
    ids.add(row.id);
    idsByEntity.set(entity, ids);
  }
  const found = await readsTogether(
    em,
    [...idsByEntity].map(
      ([entity, ids]) =>
        () =>
          em.find<Node>(entity, { id: { $in: [...ids] } }),
    ),
  );
  return found.flat();
}

/** each plain copy a held batch writes into (adoptRows' `fromTwins`), by the update it holds: the first copy of its row */
const plainKeys = new WeakMap<Node, Node>();

/**
 * Whether `row` is a copy a held batch wrote into (adoptRows' `fromTwins`) and held the update of (holdPlainRows): it
 * holds what the turn's write stores (kept-state.ts takes it as stored)
 */
const plainHeld = new WeakSet<Node>();

export function heldPlain(row: Node): boolean {
  return plainHeld.has(row);
}

/**
 * After a held batch's writes in memory (apply.ts): each copy it wrote into (adoptRows' `plain`) takes its next version
 * and its update is held with the turn's (plain-held.ts), merged with an earlier batch's update of the same row. The
 * copy's twin is the row of the state it was made from.
 */
export function holdPlainRows(em: EntityManager, plain: Node[]): void {
  for (const copy of plain) {
    if (!holdPlain(em, plainKeys.get(copy)!, twins.get(copy)!, copy))
      throw new Error(`${copy.constructor.name} ${copy.id}: a held batch's update that cannot be held`);
    plainHeld.add(copy);
  }
}

/**
 * The managed row of `row` this unit of work holds at the row's version: adopted for the turn (adoptForTurn), or by
 * a batch before in it (whose update moved both its version and the state's row, set-update.ts). None after a failed
 * batch or a state read again (the unit of work is cleared then, sync-rows.ts).
 */
function heldAt(em: EntityManager, row: Node): Node | undefined {
  const held = em.getUnitOfWork().getById<Node>(row.constructor.name, row.id);
  return held && held !== row && wrap(held, true).isInitialized() && held.version === row.version ? held : undefined;
}

/**
 * The rows the batches of a turn name that a batch would write (an existing indicator, its target of the year synced
 * and its actual; the actual alone for a row sending nothing else), adopted with one `em.find` per kind for the whole
 * turn: each batch adopted its own with three statements, three round trips of every batch under the plan's lock,
 * each waiting for an event loop busy with the panes' reads (bench B4-pg: 40-400 ms a batch, of ~200). A batch then
 * adopts those from the unit of work without a statement, and only what the turn did not foresee (a future year's
 * target, a row read again) with one. A row adopted here that no batch writes stays unchanged: the flush writes
 * nothing for it.
 */
export async function adoptForTurn(
  em: EntityManager,
  state: PlanState,
  inputs: SyncInput[],
  held = false,
): Promise<void> {
  const rows: Node[] = [];
  for (const input of inputs)
    for (const row of input.rows) {
      const node = row.rowId ? state.nodes.get(row.rowId) : undefined;
      if (!(node instanceof Indicator)) continue;
      const measurement = state.measurementOf.get(node.id);
      // a row of actual values alone writes its measurement only (apply.ts); when its batch's writes are held, it is
      // written by that batch into a copy of its twin (adoptRows), not read: the held write checks its version
      const actualsOnly = sendsOnlyActuals(row);
      if (measurement && !(held && actualsOnly)) rows.push(measurement);
      if (actualsOnly) continue;
      rows.push(node);
      const target = state.target(node.id, input.year);
      if (target) rows.push(target);
    }
  if (rows.length > 0) await findRows(em, rows);
}

/**
 * `rows` adopted into the unit of work: the state with them, the managed row of each (in the order of `rows`) and, for
 * `fromTwins`, the plain copies. `fromTwins` (a batch whose updates the turn holds, turn-writes.ts: actual values of
 * existing measurements): a measurement the unit of work does not hold is not made managed at all, nor read: the batch
 * writes into a copy of its read-only twin (plain-held.ts, plainCopy), which takes its place in the state, and its
 * update is held from the two (holdPlainRows) with the payload MikroORM's change set would have had. The turn's held
 * write checks each row's version against the one the twin has, as a read's check here did, and if it finds one moved
 * the turn runs again with its rows read. A SELECT and its rows hydrated under the plan's lock were ~6 % of the time it
 * was held per sync (bench B4-pg, session pgturn5); a managed row made from the twin, its change set and its copy
 * back to a read-only row 15–20 % more (session synccpu).
 */
export async function adoptRows(
  em: EntityManager,
  state: PlanState,
  rows: Node[],
  fromTwins = false,
): Promise<{ state: PlanState; adopted: Node[]; plain: Node[] }> {
  if (rows.length === 0) return { state, adopted: [], plain: [] };
  const managed = new Map<string, Node>();
  const unheld: Node[] = [];
  const plain: Node[] = [];
  for (const row of rows) {
    const held = heldAt(em, row);
    if (held) managed.set(row.id, held);
    else if (fromTwins && row instanceof Measurement && !em.getUnitOfWork().getById(Measurement.name, row.id)) {
      const copy = plainCopy(row);
      // the first copy of the row in the turn keys its held update: a later batch's copy merges into it
      plainKeys.set(copy, plainKeys.get(row) ?? copy);
      plain.push(copy);
      managed.set(row.id, copy);
    } else unheld.push(row);
  }
  if (unheld.length > 0) for (const row of await findRows(em, unheld)) managed.set(row.id, row);
  for (const row of rows) {
    const now = managed.get(row.id);
    if (!now) throw new NotFoundError(row.constructor.name, row.id);
    if (now.version !== row.version) throw new ConflictError(row.constructor.name, row.id, row.version, now.version);
    twins.set(now, row);
  }
  // a managed row has its read-only twin's class: it was found by that entity and id
  const snapshot = withRowsOf(state.snapshot, managed, [...TREE_KINDS, 'entries', 'assignments']);
  const copies = new Set<Node>(plain);
  return {
    state: state.patched(snapshot, managed.values()),
    adopted: rows.map((row) => managed.get(row.id)!).filter((row) => !copies.has(row)),
    plain,
  };
}
