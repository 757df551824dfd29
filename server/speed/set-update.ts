import {
  type ChangeSet,
  type EntityManager,
  type EntityMetadata,
  helper,
  OptimisticLockError,
  ReferenceKind,
  Utils,
} from '@mikro-orm/core';
import type { AbstractSqlDriver, Knex } from '@mikro-orm/knex';
import type { Database } from 'better-sqlite3';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { inOneTrip } from './read-rows';

/**
 * The unit of work's batched update of versioned rows in one statement per table and chunk, its version check
 * included. MikroORM 6 (ChangeSetPersister.persistManagedEntitiesBatch) first SELECTs the rows whose id and version
 * are still those loaded, fails on any missing, then UPDATEs by id with one `case when id = ? then ? …` per column:
 * two round trips per table per flush, the first one only to check. Here the check is the update's own condition:
 *
 *   update t set col = v.col, …, version = t.version + 1 from (values (…), (…)) as v(id, expected, col, …)
 *   where t.id = v.id and t.version = v.expected returning t.*
 *
 * (SQLite: the same, its values list's columns named column1, column2…), and a row it did not return fails the flush with the
 * OptimisticLockError the SELECT would have thrown (the transaction, or the batch's savepoint, rolls back what the
 * statement wrote). Each row comes back whole, as stored: the sync's next batch, and the state it keeps after the
 * commit, take it from there instead of reading the rows again (`writtenRow`, kept-state.ts). The values bound are the change sets' payloads, which MikroORM binds to its own statement the
 * same way (converted already, `convertCustomTypes: false`; a type converted in SQL wrapped as there). Anything this
 * does not cover — an unversioned entity, concurrency-check keys, a row without its version loaded, a raw SQL value,
 * a multi-column or embedded property — goes to MikroORM's own method unchanged.
 */

type Persister = {
  metadata: { find(name: string): EntityMetadata | undefined };
  persistManagedEntity(changeSet: ChangeSet<object>, options?: object): Promise<void>;
  persistManagedEntitiesBatch(meta: EntityMetadata, changeSets: ChangeSet<object>[], options?: object): Promise<void>;
  mapReturnedValues(entity: object, payload: object, row: Record<string, unknown>, meta: EntityMetadata): void;
};

const fitted = new WeakSet<object>();

/**
 * the row as the last set-based update of an entity returned it (its columns, as a SELECT gives them); null for an
 * update held (holdUpdates), not yet written
 */
const written = new WeakMap<object, { row: Record<string, unknown> | null; version: string }>();

/**
 * An update held for a later statement (holdUpdates, holdRow): the row's id, the version it must still have, the
 * columns it changes; `entity` holds the values and the version it takes (a managed entity, or a read-only row)
 */
export type HeldUpdate = {
  meta: EntityMetadata;
  entity: object;
  id: unknown;
  expected: number;
  payload: Record<string, unknown>;
};

/** the updates a unit of work holds instead of writing them, by entity, while holdUpdates is on (per persister) */
const holding = new WeakMap<object, Map<object, HeldUpdate>>();

/**
 * The stored row of a managed entity, as its last update here returned it, while that update is the entity's last
 * write (its version is still the one returned): null for an entity this did not update, or updated since.
 */
export function writtenRow(em: EntityManager, entity: object): Record<string, unknown> | null {
  const meta = em.getMetadata().find(entity.constructor.name);
  const kept = written.get(entity);
  if (!meta?.versionProperty || !kept) return null;
  return String((entity as Record<string, unknown>)[meta.versionProperty]) === kept.version ? kept.row : null;
}

/** Whether a managed entity's last update was held (holdUpdates), not written: its values are what it holds now */
export function heldNow(em: EntityManager, entity: object): boolean {
  const meta = em.getMetadata().find(entity.constructor.name);
  const kept = written.get(entity);
  if (!meta?.versionProperty || !kept || kept.row) return false;
  return String((entity as Record<string, unknown>)[meta.versionProperty]) === kept.version;
}

/**
 * While `held` is given, the flushes of `em`'s unit of work write nothing: each set-based update is held in `held`
 * (merged with the entity's earlier held update: first version expected, every column changed since) and the entity
 * takes its next version as if written; writeHeld writes them all, one statement per table. A change this cannot hold
 * (see setBasedGroups) fails the flush. `null` ends the holding.
 */
export function holdUpdates(em: EntityManager, held: Map<object, HeldUpdate> | null): void {
  updateSetBased(em);
  const persister = em.getUnitOfWork().getChangeSetPersister();
  if (held) holding.set(persister, held);
  else holding.delete(persister);
}

/**
 * Holds the update of a row that is not managed (plain-held.ts): `payload` is what its change set's would be
 * (converted as MikroORM converts it), `row` holds its values and has taken its next version already. `key` is the
 * update's place among the held ones: an earlier update of the same row, held under the same key, is merged (its
 * expected version kept, every column changed since). False when no update is being held (holdUpdates off).
 */
export function holdRow(
  em: EntityManager,
  key: object,
  row: object,
  expected: number,
  payload: Record<string, unknown>,
): boolean {
  const into = holding.get(em.getUnitOfWork().getChangeSetPersister());
  const meta = em.getMetadata().find(row.constructor.name);
  if (!into || !meta || !setBasedKeys(meta, payload)) return false;
  const id = (row as Record<string, unknown>)[meta.primaryKeys[0]];
  joinHeld(into, key, { meta, entity: row, id, expected, payload });
  return true;
}

/**
 * `update` held under `key`, merged with the update held there before (a row several batches of a turn write): the
 * first one's expected version kept, every column changed since joined
 */
function joinHeld(held: Map<object, HeldUpdate>, key: object, update: HeldUpdate): void {
  const was = held.get(key);
  held.set(key, was ? { ...update, expected: was.expected, payload: { ...was.payload, ...update.payload } } : update);
}

/**
 * Writes the held updates: one statement per table (per chunk of MikroORM's batch size), each row's version checked
 * against the one it had when first held and set to the one it holds now, each column written for the rows that
 * changed it (statementOf's `partial`). A row not returned fails with the OptimisticLockError the flush would have
 * thrown; a row returned is kept as written (writtenRow).
 */
export async function writeHeld(
  em: EntityManager,
  held: Map<object, HeldUpdate>,
  then?: Statement | null,
): Promise<Array<Record<string, unknown>> | null> {
  const byTable = new Map<EntityMetadata, Held[]>();
  for (const update of held.values()) {
    const next = (update.entity as Record<string, unknown>)[update.meta.versionProperty] as number;
    byTable.set(update.meta, [...(byTable.get(update.meta) ?? []), { ...update, next }]);
  }
  const size = em.config.get('batchSize');
  // on PostgreSQL `then` goes with the last update, in its round trip (run in order: only after it)
  const last = em.getDriver() instanceof PostgreSqlDriver && then ? [...byTable.values()].pop() : undefined;
  const after: { rows: Array<Record<string, unknown>> | null } = { rows: null };
  for (const [meta, rows] of byTable)
    for (let i = 0; i < rows.length; i += size) {
      const chunk = rows.slice(i, i + size);
      // the columns in the entity's order, whatever order the rows changed them in: one text for the same columns
      const keys = meta.props.map((p) => p.name).filter((k) => chunk.some((u) => k in u.payload));
      const statement = statementOf(em, meta, keys, chunk);
      const withThen = rows === last && i + size >= rows.length ? then! : undefined;
      const returned = await run(em, meta, statement, undefined, withThen, (thenRows) => (after.rows = thenRows));
      for (const update of chunk) {
        const row = returned.get(String(update.id));
        if (!row) throw OptimisticLockError.lockFailed(update.entity);
        written.set(update.entity, { row, version: String(update.next) });
      }
    }
  return after.rows;
}

/** a statement with `?` marks and its values */
type Statement = { sql: string; params: unknown[] };

type Held = HeldUpdate & { next: number };

/** a held change set: its entity takes its next version and its columns join those held for it */
function hold(
  persister: Persister,
  held: Map<object, HeldUpdate>,
  meta: EntityMetadata,
  changeSets: ChangeSet<object>[],
) {
  const versionProp = meta.versionProperty;
  const versionField = meta.properties[versionProp].fieldNames[0];
  for (const changeSet of changeSets) {
    const entity = changeSet.entity as Record<string, unknown>;
    const version = entity[versionProp] as number;
    const payload = { ...(changeSet.payload as Record<string, unknown>) };
    delete payload[versionProp];
    const key = helper(changeSet.entity).getPrimaryKey();
    joinHeld(held, changeSet.entity, { meta, entity: changeSet.entity, id: key, expected: version, payload });
    const id = { [idField(meta)]: key, [versionField]: version + 1 };
    persister.mapReturnedValues(changeSet.entity, changeSet.payload, id, meta);
    written.set(changeSet.entity, { row: null, version: String(version + 1) });
    changeSet.persisted = true;
  }
}

/** Makes `em`'s unit of work update versioned rows set-based (see above); idempotent, per unit of work. */
export function updateSetBased(em: EntityManager): void {
  const persister = em.getUnitOfWork().getChangeSetPersister() as unknown as Persister;
  if (fitted.has(persister)) return;
  fitted.add(persister);
  const own = persister.persistManagedEntitiesBatch.bind(persister);
  const ownOne = persister.persistManagedEntity.bind(persister);
  const held = (meta: EntityMetadata, changeSets: ChangeSet<object>[]) => {
    const into = holding.get(persister);
    if (!into) return false;
    if (!setBasedGroups(meta, changeSets))
      throw new Error(`${meta.className}: an update that cannot be held for the turn's statement`);
    hold(persister, into, meta, changeSets);
    return true;
  };
  // a flush of one changed row updates it alone (MikroORM batches two or more): held the same way
  persister.persistManagedEntity = async (changeSet, options) => {
    const meta = persister.metadata.find(changeSet.name);
    if (!meta || !held(meta, [changeSet])) await ownOne(changeSet, options);
  };
  persister.persistManagedEntitiesBatch = async (meta, changeSets, options) => {
    if (held(meta, changeSets)) return;
    const groups = setBasedGroups(meta, changeSets);
    if (!groups) return own(meta, changeSets, options);
    for (const group of groups) {
      const ctx = (options as { ctx?: Knex.Transaction })?.ctx;
      const rows = group.changeSets.map((changeSet) => ({
        entity: changeSet.entity,
        payload: changeSet.payload as Record<string, unknown>,
        expected: (changeSet.entity as Record<string, unknown>)[meta.versionProperty] as number,
      }));
      const returned = await run(em, meta, statementOf(em, meta, group.keys, rows), ctx);
      for (const changeSet of group.changeSets) {
        const row = returned.get(String(helper(changeSet.entity).getSerializedPrimaryKey()));
        if (!row) throw OptimisticLockError.lockFailed(changeSet.entity);
        // only the version goes into the entity and its payload, as before: the rest is what it holds already
        const versionField = meta.properties[meta.versionProperty].fieldNames[0];
        const version = { [idField(meta)]: row[idField(meta)], [versionField]: row[versionField] };
        persister.mapReturnedValues(changeSet.entity, changeSet.payload, version, meta);
        written.set(changeSet.entity, { row, version: String(row[versionField]) });
        changeSet.persisted = true;
      }
    }
  };
}

/** a statement of statementOf run on the transaction's connection: the rows it returned, by id */
async function run(
  em: EntityManager,
  meta: EntityMetadata,
  { sql, params }: Statement,
  given?: Knex.Transaction,
  then?: Statement,
  thenRows?: (rows: Array<Record<string, unknown>>) => void,
): Promise<Map<string, Record<string, unknown>>> {
  const driver = em.getDriver() as unknown as AbstractSqlDriver;
  const ctx = given ?? em.getTransactionContext<Knex.Transaction>();
  let rows: Array<Record<string, unknown>>;
  try {
    if (then) {
      const [own, next] = await inOneTrip(
        em,
        [
          { sql, bindings: params },
          { sql: then.sql, bindings: then.params },
        ],
        ctx,
      );
      rows = own;
      thenRows?.(next);
    } else
      rows =
        em.getDriver() instanceof PostgreSqlDriver
          ? await formatted(driver, sql, params, ctx)
          : await bound(em, sql, params, ctx);
  } catch (error) {
    throw driver.convertException(error as Error);
  }
  return new Map(rows.map((row) => [String(row[idField(meta)]), row]));
}

/** The statement run as MikroORM runs its own: its values formatted into the text by the platform */
async function formatted(driver: AbstractSqlDriver, sql: string, params: unknown[], ctx: Knex.Transaction | undefined) {
  const result = (await driver.execute(sql, params, 'run', ctx)) as { rows?: Array<Record<string, unknown>> };
  return result.rows ?? [];
}

/**
 * SQLite: the statement run with its values bound on the transaction's connection, so that its text is the same for
 * every batch of as many rows writing the same columns, and the connection compiles it once (kept-statements.ts): a
 * B4 sync's 20-row update, formatted with its values, was a new text each time, 1.3 ms of `prepare` per sync, most of
 * the sync's. Values bound as knex's better-sqlite3 client binds them (a date as its milliseconds, a boolean as 0 or 1,
 * as the formatted text wrote them too); a value no binding takes as it is (an object) goes the formatted way.
 */
async function bound(em: EntityManager, sql: string, params: unknown[], ctx: Knex.Transaction | undefined) {
  const plain = params.every((v) => v === null || typeof v !== 'object' || v instanceof Date || Buffer.isBuffer(v));
  if (!ctx || !plain) return formatted(em.getDriver() as unknown as AbstractSqlDriver, sql, params, ctx);
  const connection = await (ctx.client as unknown as { acquireConnection(): Promise<Database> }).acquireConnection();
  const text = em.config.get('onQuery')(sql, params);
  const started = Date.now();
  const values = params.map((v) => (v instanceof Date ? v.valueOf() : typeof v === 'boolean' ? Number(v) : v));
  const rows = connection.prepare(text).all(values) as Array<Record<string, unknown>>;
  // told as the ORM tells its own statements (the tests count them there)
  em.config.getLogger().logQuery({ query: text, params, took: Date.now() - started, level: 'info' });
  return rows;
}

/** Change sets writing the same columns, updated by one statement */
type Group = { keys: string[]; changeSets: ChangeSet<object>[] };

function idField(meta: EntityMetadata): string {
  return meta.properties[meta.primaryKeys[0]].fieldNames[0];
}

/** The change sets grouped by the columns they write, or null when any of them is one this does not cover */
function setBasedGroups(meta: EntityMetadata, changeSets: ChangeSet<object>[]): Group[] | null {
  const version = meta.versionProperty;
  const groups = new Map<string, Group>();
  for (const changeSet of changeSets) {
    const entity = changeSet.entity as Record<string, unknown>;
    if (!helper(changeSet.entity).__initialized || entity[version] == null) return null;
    const keys = setBasedKeys(meta, changeSet.payload as Record<string, unknown>);
    if (!keys) return null;
    const signature = keys.join('\u0000');
    const group = groups.get(signature) ?? { keys, changeSets: [] };
    group.changeSets.push(changeSet);
    groups.set(signature, group);
  }
  return [...groups.values()];
}

/** The columns a payload writes, when this covers them all (one column each, no raw SQL); null otherwise */
function setBasedKeys(meta: EntityMetadata, payload: Record<string, unknown>): string[] | null {
  if (!meta.versionProperty || meta.primaryKeys.length !== 1 || meta.concurrencyCheckKeys.size > 0) return null;
  if (meta.root.props.some((p) => p.renamedFrom)) return null;
  const keys = Object.keys(payload).filter((k) => k !== meta.versionProperty);
  for (const key of keys) {
    const prop = meta.properties[key];
    if (!prop || prop.fieldNames?.length !== 1 || prop.kind === ReferenceKind.EMBEDDED) return null;
    if (Utils.isRawSql(payload[key])) return null;
  }
  return keys.length > 0 ? keys : null;
}

/**
 * a row of a statement: its entity (and id, when given: a held read-only row has no ORM helper), its new values (the
 * change set's payload), the version it must still have
 */
type Written = { entity: object; id?: unknown; payload: Record<string, unknown>; expected: number; next?: number };

/**
 * The statement of one group: its values list holds each row's id, expected version and new values, and the version
 * it takes (`next`: a held update's, possibly several versions on) when the rows give one, else the stored one + 1
 */
function statementOf(em: EntityManager, meta: EntityMetadata, keys: string[], rows: Written[]) {
  const postgres = em.getDriver() instanceof PostgreSqlDriver;
  const platform = em.getPlatform();
  const q = (name: string) => platform.quoteIdentifier(name);
  const table = q(meta.tableName);
  const version = meta.properties[meta.versionProperty];
  const id = meta.properties[meta.primaryKeys[0]];
  const props = keys.map((k) => meta.properties[k]);
  const next = rows[0].next !== undefined;
  // PostgreSQL types a values list from its parameters, untyped here: each is cast to its column's type, without its
  // length or precision: an explicit cast to varchar(200) cuts a longer text to 200 characters where the column's
  // assignment refuses it (a held 300-character author passed cut, and only the audit's insert failed, the whole
  // turn with it: bench/results/2026-12-07.md, session pgturn5); the column's assignment still applies both
  const typed = (prop: (typeof props)[number]) => (postgres ? `::${prop.columnTypes[0].replace(/\(.*\)$/, '')}` : '');
  const params: unknown[] = [];
  // `?` marks: PostgreSQL's are formatted by MikroORM's connection as for its own update, SQLite's bound (bound)
  const mark = () => '?';
  // a column some rows do not change (held updates of several batches): a flag per row says whether it is written
  const partial = props.map((p) => rows.some((r) => !(p.name in r.payload)));
  const flag = postgres ? '::boolean' : '';
  const tuples = rows.map(({ entity, id: given, payload, expected, next: to }) => {
    params.push(given ?? helper(entity).getPrimaryKey(), expected);
    const marks = [`${mark()}${typed(id)}`, `${mark()}${typed(version)}`];
    if (next) {
      params.push(to);
      marks.push(`${mark()}${typed(version)}`);
    }
    for (const [k, prop] of props.entries()) {
      if (partial[k]) {
        params.push(prop.name in payload);
        marks.push(`${mark()}${flag}`);
      }
      const value = payload[prop.name] ?? null;
      params.push(value);
      // a type converted in SQL (JSON) is converted here as MikroORM's own update converts it: a value, not a null
      const type = prop.customType;
      const bound =
        type?.convertToDatabaseValueSQL && value != null ? type.convertToDatabaseValueSQL(mark(), platform) : mark();
      marks.push(`(${bound})${typed(prop)}`);
    }
    return `(${marks.join(', ')})`;
  });
  const [idColumn, versionColumn] = [q(id.fieldNames[0]), q(version.fieldNames[0])];
  // PostgreSQL names the values list's columns after its alias; SQLite cannot, and calls them column1, column2…
  const fields = [id.fieldNames[0], '__expected', ...(next ? ['__next'] : [])];
  const set: string[] = [];
  const named = (k: number) => `${q('v')}.${q(postgres ? fields[k] : `column${k + 1}`)}`;
  for (const [k, prop] of props.entries()) {
    const column = prop.fieldNames[0];
    if (partial[k]) fields.push(`__set_${column}`);
    fields.push(column);
    const value = named(fields.length - 1);
    const written = partial[k]
      ? `case when ${named(fields.length - 2)} then ${value} else ${table}.${q(column)} end`
      : value;
    set.push(`${q(column)} = ${written}`);
  }
  const alias = postgres ? `${q('v')}(${fields.map(q).join(', ')})` : q('v');
  const bump = `${versionColumn} = ${next ? named(2) : `${table}.${versionColumn} + 1`}`;
  const where = `${table}.${idColumn} = ${named(0)} and ${table}.${versionColumn} = ${named(1)}`;
  // the whole row (SQLite's `*` is the updated table's columns alone)
  const returning = postgres ? `${table}.*` : '*';
  const sql = `update ${table} set ${set.join(', ')}, ${bump} from (values ${tuples.join(', ')}) as ${alias} where ${where} returning ${returning}`;
  return { sql, params };
}
