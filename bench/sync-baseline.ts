import Database from 'better-sqlite3';
import { Client } from 'pg';
import { openOrm } from '../server/db/orm';
import { databaseFor } from '../test/helpers/databases';

/**
 * B1 and B6's baseline: exactly the rows a sheet sync wrote (the indicators, their targets, target revisions,
 * actuals, responsible-unit links, audit events and the batch records), read back from the server's database
 * as stored, then inserted again with raw prepared statements in one transaction into a fresh database of the same
 * schema (the same migrations: same tables, indexes, foreign keys and checks) that holds the plan they hang from.
 * SQLite: better-sqlite3, one prepared statement per table, one run per row (its fastest way). PostgreSQL: `pg`,
 * multi-row INSERTs of bound values (its fastest plain way; one row per round trip would be a soft baseline).
 */

type Ids = { org: string; plan: string };

/** A table's rows as stored: column names, and each row's values in that order */
type StoredRows = { table: string; columns: string[]; rows: unknown[][] };

/** A database read or written with its own driver, nothing of the server in between */
type RawDatabase = {
  /** `sql` names its values `$org` and `$plan` */
  select(sql: string, ids: Ids): Promise<StoredRows['rows'] & { columns: string[] }>;
  /** inserts the tables' rows in order in one transaction; the milliseconds it took, commit included */
  insertTimed(tables: StoredRows[]): Promise<number>;
  /** inserts the rows untimed (the rows the sync's rows hang from) */
  insert(tables: StoredRows[]): Promise<void>;
  close(): Promise<void>;
};

/** The rows the plan's new rows hang from: copied before timing (foreign keys must find them) */
const PREREQUISITES: Array<[table: string, where: string]> = [
  ['organisation', 'id = $org'],
  ['org_unit', 'org_id = $org'],
  ['plan_cycle', 'org_id = $org'],
  ['plan_version', 'org_id = $org'],
  ['perspective', 'org_id = $org'],
  ['strategic_objective', 'org_id = $org'],
  ['operational_objective', 'org_id = $org'],
];

/** What a sync of new indicator rows writes, in foreign-key order, found by the plan (or its organisation) */
const WRITTEN: Array<[table: string, where: string]> = [
  ['indicator', 'plan_id = $plan'],
  ['target', 'plan_id = $plan'],
  ['target_revision', 'target_id in (select id from target where plan_id = $plan)'],
  ['measurement', 'plan_id = $plan'],
  ['indicator_responsible_units', 'indicator_id in (select id from indicator where plan_id = $plan)'],
  ['audit_event', 'org_id = $org'],
  ['sync_batch', 'plan_id = $plan'],
];

function sqliteDatabase(file: string, readonly: boolean): RawDatabase {
  const db = new Database(file, { readonly });
  if (!readonly) {
    // as the server opens its database (server/db/orm.ts)
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
  }
  const prepareAll = (tables: StoredRows[]) =>
    tables.map((t) => ({
      rows: t.rows,
      insert: db.prepare(
        `insert into "${t.table}" (${t.columns.map((c) => `"${c}"`).join(', ')}) values (${t.columns.map(() => '?').join(', ')})`,
      ),
    }));
  const insertAll = (tables: StoredRows[]) =>
    db.transaction(() => {
      for (const { rows, insert } of prepareAll(tables)) for (const row of rows) insert.run(row);
    })();
  return {
    async select(sql, ids) {
      const params: string[] = [];
      const text = sql.replace(/\$(org|plan)/g, (_, name: keyof Ids) => {
        params.push(ids[name]);
        return '?';
      });
      const statement = db.prepare(text).raw(true);
      const rows = statement.all(...params) as unknown[][];
      return Object.assign(rows, { columns: statement.columns().map((c) => c.name) });
    },
    async insertTimed(tables) {
      const start = process.hrtime.bigint();
      insertAll(tables);
      return Number(process.hrtime.bigint() - start) / 1e6;
    },
    async insert(tables) {
      insertAll(tables);
    },
    async close() {
      db.close();
    },
  };
}

/** every column as the text PostgreSQL sends: written back as it was read, whatever its type */
const AS_TEXT = { getTypeParser: () => (value: string) => value };
const PG_PARAMETERS = 65_535;

async function postgresDatabase(url: string): Promise<RawDatabase> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const insertAll = async (tables: StoredRows[]) => {
    await client.query('begin');
    for (const t of tables) {
      const perStatement = Math.min(1000, Math.floor(PG_PARAMETERS / t.columns.length));
      for (let i = 0; i < t.rows.length; i += perStatement) {
        const chunk = t.rows.slice(i, i + perStatement);
        const values = chunk.map(
          (_, k) => `(${t.columns.map((__, c) => `$${k * t.columns.length + c + 1}`).join(', ')})`,
        );
        await client.query(
          `insert into "${t.table}" (${t.columns.map((c) => `"${c}"`).join(', ')}) values ${values.join(', ')}`,
          chunk.flat(),
        );
      }
    }
    await client.query('commit');
  };
  return {
    async select(sql, ids) {
      const names: Array<keyof Ids> = [];
      const text = sql.replace(/\$(org|plan)/g, (_, name: keyof Ids) => {
        if (!names.includes(name)) names.push(name);
        return `$${names.indexOf(name) + 1}`;
      });
      const params = names.map((name) => ids[name]);
      const result = await client.query({ text, values: params, rowMode: 'array', types: AS_TEXT });
      return Object.assign(result.rows as unknown[][], { columns: result.fields.map((f) => f.name) });
    },
    async insertTimed(tables) {
      const start = process.hrtime.bigint();
      await insertAll(tables);
      return Number(process.hrtime.bigint() - start) / 1e6;
    },
    insert: insertAll,
    async close() {
      await client.end();
    },
  };
}

async function readTables(db: RawDatabase, which: Array<[string, string]>, ids: Ids): Promise<StoredRows[]> {
  const out: StoredRows[] = [];
  for (const [table, where] of which) {
    const rows = await db.select(`select * from "${table}" where ${where}`, ids);
    out.push({ table, columns: rows.columns, rows: [...rows] });
  }
  return out;
}

/** `cpuMs`: this process's CPU time (every thread, user and system) over the timed insert: on a machine others load,
 * steadier than the elapsed time; with PostgreSQL it leaves out the database server's own work. */
export type WrittenRows = { tables: Array<{ table: string; rows: number }>; ms: number; cpuMs: number };

/** The CPU time this process spent since `from` (process.cpuUsage()), in milliseconds */
export function cpuMsSince(from: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(from);
  return (user + system) / 1000;
}

/**
 * Reads what the sync wrote for plan `planId` of organisation `orgId` from the server's database, and times its
 * insertion into a fresh database of the same schema: the honest baseline of issue 15, item 4.
 */
export async function insertWrittenRows(
  dialect: 'sqlite' | 'postgresql',
  serverUrl: string,
  ids: Ids,
): Promise<WrittenRows> {
  const databases = databaseFor(dialect);
  const url = await databases.create();
  // the server's own migrations make the schema
  await (await openOrm(url)).close(true);
  const source = dialect === 'sqlite' ? sqliteDatabase(serverUrl, true) : await postgresDatabase(serverUrl);
  const target = dialect === 'sqlite' ? sqliteDatabase(url, false) : await postgresDatabase(url);
  try {
    const prerequisites = await readTables(source, PREREQUISITES, ids);
    const written = await readTables(source, WRITTEN, ids);
    await target.insert(prerequisites);
    const cpu = process.cpuUsage();
    const ms = await target.insertTimed(written);
    const cpuMs = cpuMsSince(cpu);
    return { tables: written.map((t) => ({ table: t.table, rows: t.rows.length })), ms, cpuMs };
  } finally {
    await source.close();
    await target.close();
    await databases.dropAll();
  }
}
