import type { TestServer } from './server';

/**
 * Every row of every table, as the database returns it: for "nothing changed, byte for byte" (issue 13, item 7).
 * Rows are sorted by their JSON so the comparison does not depend on the order a database happens to return them in.
 * `ignore` names columns that change by design on every request (a token's last-use hint).
 */
export type Dump = Record<string, string[]>;

export async function dumpTables(server: TestServer, ignore: Record<string, string[]> = {}): Promise<Dump> {
  const connection = server.orm.em.getConnection();
  const postgres = server.databaseUrl.startsWith('postgres');
  const tables = (
    (await connection.execute(
      postgres
        ? `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`
        : `select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`,
    )) as Array<{ name: string }>
  )
    .map((t) => t.name)
    .sort();
  const dump: Dump = {};
  for (const table of tables) {
    const rows = (await connection.execute(`select * from "${table}"`)) as Array<Record<string, unknown>>;
    const skip = new Set(ignore[table] ?? []);
    dump[table] = rows
      .map((row) =>
        JSON.stringify(
          Object.keys(row)
            .sort()
            .filter((k) => !skip.has(k))
            .map((k) => [k, exact(row[k])]),
        ),
      )
      .sort();
  }
  return dump;
}

/** A value as bytes would show it: Buffers in hex, dates as ISO with their milliseconds, numbers to the last bit. */
function exact(value: unknown): unknown {
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (Buffer.isBuffer(value)) return `hex:${value.toString('hex')}`;
  if (typeof value === 'number') return Object.is(value, -0) ? 'number:-0' : `number:${value.toPrecision(17)}`;
  if (typeof value === 'bigint') return `bigint:${value}`;
  return value;
}

/** The differences between two dumps, table by table: rows only before, rows only after. */
export function dumpDiff(before: Dump, after: Dump): Array<{ table: string; gone: string[]; added: string[] }> {
  const out: Array<{ table: string; gone: string[]; added: string[] }> = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = new Set(before[table] ?? []);
    const b = new Set(after[table] ?? []);
    const gone = [...a].filter((r) => !b.has(r));
    const added = [...b].filter((r) => !a.has(r));
    if (gone.length || added.length) out.push({ table, gone, added });
  }
  return out;
}
