import { type EntityManager, type EntityProperty, ReferenceKind } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

/**
 * Multi-row INSERTs with bound values, for the rows a sheet sync creates. `em.insertMany` converts each row's values
 * as they should be and then writes every value into the SQL text (MikroORM formats a query's parameters into it
 * before running it): for a batch of 5,000 indicators that is tens of megabytes of escaped literals that the
 * database must parse again, most of B1's time. Here each value is converted exactly as `em.insertMany` converts
 * it (AbstractSqlDriver.nativeInsertMany: null for a null nullable column, else the value or the property's default,
 * through its custom type's `convertToDatabaseValue`; a reference as its id) and handed to the driver as a bound
 * parameter, as knex binds any query (better-sqlite3: dates as milliseconds, booleans as 0/1, as MikroORM writes them
 * into SQLite; pg: as typed parameters). test/integration/bound-insert.test.ts compares the stored rows both ways.
 */

/**
 * A JSON column's value given as its JSON text, written as it is: a value serialised once by its owner (an audit
 * snapshot, server/services/audit.ts) is not serialised again, nor parsed back first to be serialised by the ORM.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/** One column of an insert: its name in the table and how a property value becomes the bound value */
type Column = { property: string; field: string; value: (row: Record<string, unknown>) => unknown };

/** How an entity's rows are inserted: its table, its stored columns, and a row's bound values */
export type RowWriter = { table: string; columns: Column[] };

const writers = new Map<string, RowWriter>();

function columnOf(em: EntityManager, prop: EntityProperty): Column {
  const platform = em.getPlatform();
  const name = prop.name;
  if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
    return {
      property: name,
      field: prop.fieldNames[0],
      value: (row) => {
        const value = row[name] as { id?: string } | string | null | undefined;
        return value == null ? null : typeof value === 'string' ? value : (value.id ?? null);
      },
    };
  }
  const type = prop.customType;
  const context = { key: name, mode: 'query-data' as const };
  return {
    property: name,
    field: prop.fieldNames[0],
    value: (row) => {
      const given = row[name];
      if (prop.nullable && given === null) return null;
      if (given instanceof JsonText) return given.text;
      const value = given ?? prop.default;
      return type ? type.convertToDatabaseValue(value, platform, context) : value;
    },
  };
}

/** The writer of an entity: every stored scalar and owning reference, one column each (no composite keys here). */
export function writerOf(em: EntityManager, entityName: string): RowWriter {
  let writer = writers.get(entityName);
  if (!writer) {
    const meta = em.getMetadata().get(entityName);
    const stored = meta.props.filter(
      (p) =>
        p.persist !== false &&
        (p.kind === ReferenceKind.SCALAR ||
          p.kind === ReferenceKind.EMBEDDED ||
          p.kind === ReferenceKind.MANY_TO_ONE ||
          p.kind === ReferenceKind.ONE_TO_ONE),
    );
    for (const p of stored) {
      // what the entities have today; an embeddable or a composite key would need nativeInsertMany's other branches
      if (p.kind === ReferenceKind.EMBEDDED || p.fieldNames.length !== 1)
        throw new Error(`${entityName}.${p.name}: a bound insert writes single-column scalars and references only`);
    }
    writer = { table: meta.tableName, columns: stored.map((p) => columnOf(em, p)) };
    writers.set(entityName, writer);
  }
  return writer;
}

/** The database connection of a transaction: better-sqlite3's or pg's, as knex holds it */
type SqliteConnection = { prepare(sql: string): { run(values: unknown[]): unknown } };
type PostgresConnection = { query(text: string, values: unknown[]): Promise<unknown> };
type RawConnection = SqliteConnection | PostgresConnection;

const statementsOf = new WeakMap<object, Map<string, { run(values: unknown[]): unknown }>>();

/** The connection the caller's transaction runs on (knex hands it to the transaction's queries alike). */
async function connectionOf(em: EntityManager): Promise<RawConnection | null> {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (!transaction) return null;
  return (transaction.client as unknown as { acquireConnection(): Promise<RawConnection> }).acquireConnection();
}

/** Told to the ORM's query hook and logger as its own statements are (the tests count statements there) */
function told(em: EntityManager, sql: string, took: number): void {
  em.config.getLogger().logQuery({ query: sql, took, level: 'info' });
}

/** A value as better-sqlite3 binds it: as knex's better-sqlite3 client formats bindings */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.valueOf();
  if (typeof value === 'boolean') return Number(value);
  return value;
}

/** Writes one row's bound values into `into` from index `at` on (a tuple reused from row to row, or a chunk's list) */
export type FillValues<R> = (row: R, into: unknown[], at: number) => void;

/** A link row's two ids, as they are bound */
const pairValues: FillValues<readonly unknown[]> = (row, into, at) => {
  into[at] = row[0];
  into[at + 1] = row[1];
};

/**
 * Inserts rows into `table`, in the caller's transaction, each row's values written by `fill` just before they are
 * bound. SQLite: one prepared single-row statement, kept per connection and run once per row — embedded, a statement
 * has no round trip, and SQLite inserts faster row by row through one compiled statement than through multi-row
 * VALUES lists (measured: 40,000 audit rows, 0.5 s against 0.7–1.0 s), as the baseline of bench B1 does; the values
 * go through one list reused for every row (better-sqlite3 copies them when it binds), so a batch's ~90,000 rows
 * leave no tuple each behind for the collector (B1: the tuples of a 5,000-row batch all lived until the last insert
 * and were promoted to the old generation). PostgreSQL: multi-row statements of `$n` parameters, as many rows each as
 * `maxValues` bound values allow, each chunk's values written straight into its parameter list. Both bypass knex's
 * placeholder rewriting (a regular expression over the statement per value) and MikroORM's formatting of values into
 * the text; a failure is converted as the ORM converts driver errors. Outside a transaction (never the sync) the rows
 * go through knex, bound all the same.
 */
export async function writeRows<R>(
  em: EntityManager,
  table: string,
  fields: string[],
  rows: ReadonlyArray<R>,
  fill: FillValues<R>,
  maxValues: number,
): Promise<void> {
  if (rows.length === 0) return;
  const platform = em.getPlatform();
  const head = `insert into ${platform.quoteIdentifier(table)} (${fields.map((f) => platform.quoteIdentifier(f)).join(', ')}) values `;
  const connection = await connectionOf(em);
  const started = Date.now();
  const width = fields.length;
  try {
    if (connection && 'prepare' in connection) {
      const inserter = sqliteInserter(em, connection, table, fields, fill);
      for (const row of rows) inserter.run(row);
      inserter.told(Date.now() - started);
      return;
    }
    const perStatement = Math.max(1, Math.floor(maxValues / width));
    for (let i = 0; i < rows.length; i += perStatement) {
      const count = Math.min(perStatement, rows.length - i);
      const values = new Array<unknown>(count * width);
      for (let k = 0; k < count; k++) fill(rows[i + k], values, k * width);
      let n = 0;
      const tuples = Array.from({ length: count }, () => `(${fields.map(() => `$${++n}`).join(', ')})`).join(', ');
      if (connection) {
        const sql = em.config.get('onQuery')(head + tuples, values);
        await connection.query(sql, values);
        told(em, sql, Date.now() - started);
      } else {
        const knex = (em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
        const marks = Array.from({ length: count }, () => `(${fields.map(() => '?').join(', ')})`).join(', ');
        await knex.raw(head + marks, values as never);
        told(em, head, Date.now() - started);
      }
    }
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  }
}

/** Inserts one row at a time into a table of an SQLite transaction; `told` reports the statement once, for all. */
export type RowInserter<R> = { run(row: R): void; told(took: number): void };

/** The single-row insert statement of `table`, prepared once per connection, its values filled into one list. */
function sqliteInserter<R>(
  em: EntityManager,
  connection: SqliteConnection,
  table: string,
  fields: string[],
  fill: FillValues<R>,
): RowInserter<R> {
  const platform = em.getPlatform();
  const columns = fields.map((f) => platform.quoteIdentifier(f)).join(', ');
  const text = `insert into ${platform.quoteIdentifier(table)} (${columns}) values (${fields.map(() => '?').join(', ')})`;
  const sql = em.config.get('onQuery')(text, []);
  let statements = statementsOf.get(connection);
  if (!statements) statementsOf.set(connection, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
  const prepared = statement;
  const width = fields.length;
  const tuple = new Array<unknown>(width);
  return {
    run(row) {
      fill(row, tuple, 0);
      for (let i = 0; i < width; i++) {
        const value = tuple[i];
        if (value instanceof Date || typeof value === 'boolean') tuple[i] = sqliteValue(value);
      }
      prepared.run(tuple);
    },
    told: (took) => told(em, sql, took),
  };
}

/**
 * Inserts `entityName`'s rows one by one as the caller produces them, in the caller's SQLite transaction: a row's
 * values (its JSON texts above all) need not outlive their insert. Null outside an SQLite transaction. A failed
 * insert throws as the ORM converts driver errors.
 */
export async function rowByRow(
  em: EntityManager,
  entityName: string,
): Promise<RowInserter<Record<string, unknown>> | null> {
  const connection = await connectionOf(em);
  if (!connection || !('prepare' in connection)) return null;
  const { table, columns } = writerOf(em, entityName);
  const inserter = sqliteInserter(
    em,
    connection,
    table,
    columns.map((c) => c.field),
    fillOf(columns),
  );
  return {
    run(row) {
      try {
        inserter.run(row);
      } catch (error) {
        throw em.getDriver().convertException(error as Error);
      }
    },
    told: inserter.told,
  };
}

/** Inserts tuples of already converted values (a link table's id pairs) into `table`, as writeRows does. */
export async function writeTuples(
  em: EntityManager,
  table: string,
  fields: [string, string],
  tuples: ReadonlyArray<readonly unknown[]>,
  maxValues: number,
): Promise<void> {
  await writeRows(em, table, fields, tuples, pairValues, maxValues);
}

/**
 * Inserts rows (property values by name; references as ids or rows with an id) into `entityName`'s table, as many
 * per statement as `maxValues` bound values allow.
 */
export async function insertBound(
  em: EntityManager,
  entityName: string,
  rows: ReadonlyArray<Record<string, unknown>>,
  maxValues: number,
): Promise<void> {
  if (rows.length === 0) return;
  const { table, columns } = writerOf(em, entityName);
  await writeRows(
    em,
    table,
    columns.map((c) => c.field),
    rows,
    fillOf(columns),
    maxValues,
  );
}

/** Writes a row's bound values, column by column, as its writer converts them */
function fillOf(columns: Column[]): FillValues<Record<string, unknown>> {
  const width = columns.length;
  return (row, into, at) => {
    for (let c = 0; c < width; c++) {
      const column = columns[c];
      into[at + c] = boundValue(column.value(row), column);
    }
  };
}

/** A driver would spread an array into several values, and an object has no SQL value: neither may reach it */
function boundValue(value: unknown, column: Column): unknown {
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value))
    throw new Error(`${column.property}: an object cannot be bound as a column value`);
  return value === undefined ? null : value;
}
