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
  persistManagedEntitiesBatch(meta: EntityMetadata, changeSets: ChangeSet<object>[], options?: object): Promise<void>;
  mapReturnedValues(entity: object, payload: object, row: Record<string, unknown>, meta: EntityMetadata): void;
};

const fitted = new WeakSet<object>();

/** the row as the last set-based update of an entity returned it (its columns, as a SELECT gives them) */
const written = new WeakMap<object, { row: Record<string, unknown>; version: string }>();

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

/** Makes `em`'s unit of work update versioned rows set-based (see above); idempotent, per unit of work. */
export function updateSetBased(em: EntityManager): void {
  const persister = em.getUnitOfWork().getChangeSetPersister() as unknown as Persister;
  if (fitted.has(persister)) return;
  fitted.add(persister);
  const own = persister.persistManagedEntitiesBatch.bind(persister);
  const driver = em.getDriver() as unknown as AbstractSqlDriver;
  const postgres = em.getDriver() instanceof PostgreSqlDriver;
  persister.persistManagedEntitiesBatch = async (meta, changeSets, options) => {
    const groups = setBasedGroups(meta, changeSets);
    if (!groups) return own(meta, changeSets, options);
    for (const group of groups) {
      const { sql, params } = statementOf(em, meta, group, postgres);
      const ctx = (options as { ctx?: Knex.Transaction })?.ctx ?? em.getTransactionContext<Knex.Transaction>();
      let rows: Array<Record<string, unknown>>;
      try {
        rows = postgres ? await formatted(driver, sql, params, ctx) : await bound(em, sql, params, ctx);
      } catch (error) {
        throw driver.convertException(error as Error);
      }
      const returned = new Map(rows.map((row) => [String(row[idField(meta)]), row]));
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
  if (!version || meta.primaryKeys.length !== 1 || meta.concurrencyCheckKeys.size > 0) return null;
  if (meta.root.props.some((p) => p.renamedFrom)) return null;
  const groups = new Map<string, Group>();
  for (const changeSet of changeSets) {
    const entity = changeSet.entity as Record<string, unknown>;
    if (!helper(changeSet.entity).__initialized || entity[version] == null) return null;
    const payload = changeSet.payload as Record<string, unknown>;
    const keys = Object.keys(payload).filter((k) => k !== version);
    for (const key of keys) {
      const prop = meta.properties[key];
      if (!prop || prop.fieldNames?.length !== 1 || prop.kind === ReferenceKind.EMBEDDED) return null;
      if (Utils.isRawSql(payload[key])) return null;
    }
    if (keys.length === 0) return null;
    const signature = keys.join('\u0000');
    const group = groups.get(signature) ?? { keys, changeSets: [] };
    group.changeSets.push(changeSet);
    groups.set(signature, group);
  }
  return [...groups.values()];
}

/** The statement of one group: its values list holds each row's id, loaded version and new values */
function statementOf(em: EntityManager, meta: EntityMetadata, group: Group, postgres: boolean) {
  const platform = em.getPlatform();
  const q = (name: string) => platform.quoteIdentifier(name);
  const version = meta.properties[meta.versionProperty];
  const id = meta.properties[meta.primaryKeys[0]];
  const props = group.keys.map((k) => meta.properties[k]);
  // PostgreSQL types a values list from its parameters, untyped here: each is cast to its column's type
  const typed = (prop: (typeof props)[number]) => (postgres ? `::${prop.columnTypes[0]}` : '');
  const params: unknown[] = [];
  // `?` marks: PostgreSQL's are formatted by MikroORM's connection as for its own update, SQLite's bound (bound)
  const mark = () => '?';
  const tuples = group.changeSets.map((changeSet) => {
    const payload = changeSet.payload as Record<string, unknown>;
    const entity = changeSet.entity as Record<string, unknown>;
    params.push(helper(changeSet.entity).getPrimaryKey(), entity[version.name]);
    const marks = [`${mark()}${typed(id)}`, `${mark()}${typed(version)}`];
    for (const prop of props) {
      const value = payload[prop.name];
      params.push(value);
      // a type converted in SQL (JSON) is converted here as MikroORM's own update converts it: a value, not a null
      const type = prop.customType;
      const bound =
        type?.convertToDatabaseValueSQL && value != null ? type.convertToDatabaseValueSQL(mark(), platform) : mark();
      marks.push(`(${bound})${typed(prop)}`);
    }
    return `(${marks.join(', ')})`;
  });
  const table = q(meta.tableName);
  const [idColumn, versionColumn] = [q(id.fieldNames[0]), q(version.fieldNames[0])];
  // PostgreSQL names the values list's columns after its alias; SQLite cannot, and calls them column1, column2…
  const fields = [id.fieldNames[0], '__expected', ...props.map((p) => p.fieldNames[0])];
  const named = (k: number) => `${q('v')}.${q(postgres ? fields[k] : `column${k + 1}`)}`;
  const alias = postgres ? `${q('v')}(${fields.map(q).join(', ')})` : q('v');
  const set = props.map((p, k) => `${q(p.fieldNames[0])} = ${named(k + 2)}`).join(', ');
  const bump = `${versionColumn} = ${table}.${versionColumn} + 1`;
  const where = `${table}.${idColumn} = ${named(0)} and ${table}.${versionColumn} = ${named(1)}`;
  // the whole row (SQLite's `*` is the updated table's columns alone)
  const returning = postgres ? `${table}.*` : '*';
  const sql = `update ${table} set ${set}, ${bump} from (values ${tuples.join(', ')}) as ${alias} where ${where} returning ${returning}`;
  return { sql, params };
}
