import type { EntityManager, EntityMetadata } from '@mikro-orm/core';
import { ReferenceKind } from '@mikro-orm/core';
import { holdRow } from './set-update';

/**
 * A held update written straight from the rows read, without a managed entity or a change set. A sync turn's held
 * batch (server/sync/turn-writes.ts) changes actual values of existing measurements: it made each one a managed
 * entity from its read-only twin (managed-from.ts, 9–12 % of a B4 turn), let MikroORM compute its change set
 * (flush-only.ts and the commit's flush, 5–7 %) and copied it back to a read-only row (kept-state.ts, heldCopy). What
 * it writes is known before any of that: the columns the row sends, its author and time, `updatedAt` (onUpdate) and
 * the next version. Here the batch writes into a copy of the twin (plainCopy), and its update is held from the two
 * (holdPlain) with the payload MikroORM's change set would have: both rows' scalar columns snapshotted by MikroORM's
 * own snapshot generator (`EntityComparator.prepareEntity`, the values converted as for a change set: a JSON value
 * serialised, a date as the platform keeps it) and compared by its entity comparator, `onUpdate` applied only when
 * something else changed, as ChangeSetComputer does. `plain-held.test.ts` compares the payloads with MikroORM's.
 */

/**
 * an entity's view for MikroORM's snapshot: its scalar columns (no reference, no collection) as own keys, in one
 * order, and the class it names (the snapshot's generator is picked by `constructor.name`)
 */
const viewsOf = new WeakMap<EntityMetadata, { names: string[]; template: Record<string, unknown> }>();

/**
 * A row's scalar columns in the form a change set compares (MikroORM's snapshot of an entity). Its references are
 * left out of the view: a read-only row's references are shared read-only rows, which the snapshot would give an ORM
 * helper each; a batch of values never changes them. The view is a copy of one template, its keys assigned in place:
 * one hidden class for every view (an object given its ~16 keys one by one, or a prototype of its own, was a V8
 * dictionary, and the snapshot's generated code slow on it: most of this file's time).
 */
function snapshotOf(em: EntityManager, meta: EntityMetadata, row: object): Record<string, unknown> {
  let kind = viewsOf.get(meta);
  if (!kind) {
    const names = meta.comparableProps.filter((p) => p.kind === ReferenceKind.SCALAR).map((p) => p.name);
    const template = Object.fromEntries([['constructor', meta.class], ...names.map((name) => [name, undefined])]);
    kind = { names, template };
    viewsOf.set(meta, kind);
  }
  const view = { ...kind.template };
  for (const name of kind.names) view[name] = (row as Record<string, unknown>)[name];
  return em.getComparator().prepareEntity(view) as Record<string, unknown>;
}

/**
 * The payload of the update that makes `before` (a read-only row as stored) into `after`, as MikroORM's change set of
 * a managed `before` changed into `after` would hold it: the columns that differ, converted; when any does, `after`
 * takes its `onUpdate` values (updatedAt) and they join. Null when nothing differs (MikroORM writes nothing then).
 */
export function plainChanges(em: EntityManager, before: object, after: object): Record<string, unknown> | null {
  const meta = em.getMetadata().get(after.constructor.name);
  const compare = em.getComparator().getEntityComparator<object>(meta.className);
  const was = snapshotOf(em, meta, before);
  const diff = compare(was, snapshotOf(em, meta, after)) as Record<string, unknown>;
  if (Object.keys(diff).length === 0) return null;
  let updated = false;
  for (const prop of meta.hydrateProps)
    if (prop.onUpdate) {
      (after as Record<string, unknown>)[prop.name] = prop.onUpdate(after, em);
      updated = true;
    }
  if (!updated) return diff;
  const again = compare(was, snapshotOf(em, meta, after)) as Record<string, unknown>;
  for (const key of Object.keys(again)) if (again[key] === undefined) delete again[key];
  return { ...diff, ...again };
}

/**
 * A copy of a read-only row to write into: its own object, its values and references the row's. Spread, then given
 * the row's prototype: copied key by key onto Object.create(…) a row of more than about a dozen properties became a
 * V8 dictionary (held-row-shape.test.ts).
 */
export function plainCopy<T extends object>(row: T): T {
  return Object.setPrototypeOf({ ...row }, Object.getPrototypeOf(row) as object) as T;
}

/**
 * Holds the update that makes `before` into `after` (its copy, written into): `after` takes its next version (as a
 * held managed row does) and its `onUpdate` values; `key` is the update's place among the turn's held ones (the
 * first copy of the row in the turn: a later batch writing the same row merges into it). False when it cannot be
 * held (holdUpdates off, a column set-update.ts does not write): the caller then fails, nothing having been held.
 */
export function holdPlain(em: EntityManager, key: object, before: object, after: object): boolean {
  const meta = em.getMetadata().get(after.constructor.name);
  const version = meta.versionProperty;
  const row = after as Record<string, unknown>;
  const expected = (before as Record<string, unknown>)[version] as number;
  const payload = plainChanges(em, before, after);
  if (!payload) return true;
  delete payload[version];
  if (!holdRow(em, key, after, expected, payload)) return false;
  row[version] = expected + 1;
  return true;
}
