import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { OperationalObjective, Perspective, StrategicObjective } from '../server/entities';
import { type BenchResult, timed } from './measure';
import { type BenchServer, dataStatements, post } from './server';
import { cpuMsSince, insertWrittenRows } from './sync-baseline';
import { newActionRow, planShell } from '../test/helpers/synthetic-plan';

/**
 * B1 (SQLite) and B6 (PostgreSQL): a sheet of new indicator rows synced over HTTP (serialise, send, parse,
 * validate, write the indicator, its target, revision, actual, unit link and audit events, score, answer), in
 * batches of 5,000 rows, against inserting exactly the rows it wrote with raw prepared inserts in one transaction
 * into the same schema (sync-baseline.ts), in the same run. Beside it, for reference, the baseline the figure had
 * before issue 15: one row per sheet row into a table of its own, without indexes.
 */
type Row = {
  code: string;
  title: string;
  parentRef: string;
  weight: string;
  target: string;
  thresholds: Array<{ score: number; value: string }>;
  actual: string;
  responsibleUnit: string;
};

/** rows per request: the add-in's most (LIMITS.rowsPerBatch); BENCH_SYNC_BATCH to see what smaller batches cost */
const BATCH = Number(process.env.BENCH_SYNC_BATCH) || 5000;

function rowsFor(parents: string[], count: number): Row[] {
  return Array.from({ length: count }, (_, n) => newActionRow(n, parents[n % parents.length]));
}

/** the reference baseline's table: an indicator row as plain columns */
const RAW_TABLE =
  '(id text primary key, parent_id text, code text, title text, weight real, target text, thresholds text, actual text, unit text)';

/** One row as both reference baselines insert it, in the order of their `indicator` table's columns. */
function rawColumns(r: Row, n: number): unknown[] {
  return [
    `id-${n}`,
    r.parentRef,
    r.code,
    r.title,
    10,
    r.target,
    JSON.stringify(r.thresholds),
    r.actual,
    r.responsibleUnit,
  ];
}

/** A plan with one strategic objective and 100 operational ones for the rows to hang from. */
async function emptyPlan(server: BenchServer): Promise<{ orgId: string; planId: string; parents: string[] }> {
  return server.orm.em.fork().transactional(async (tx) => {
    const { org, plan } = planShell(tx, `BENCH-${Date.now()}`);
    const perspective = tx.create(Perspective, { org, plan, name: 'P' });
    const so = tx.create(StrategicObjective, { org, plan, perspective, code: '9', title: 'OS' });
    const oos = Array.from({ length: 100 }, (_, i) =>
      tx.create(OperationalObjective, { org, plan, strategicObjective: so, code: `9.${i}.x`, title: 'OO', weight: 1 }),
    );
    return { orgId: org.id, planId: plan.id, parents: oos.map((o) => o.id) };
  });
}

const SYNC =
  'mutation($b: SyncBatchInput!) { syncRows(input: $b) { applied rows { status rowId rowVersion realization { display } } affected { level realization { display } } } }';

async function syncOverHttp(server: BenchServer, planId: string, rows: Row[]) {
  let applied = 0;
  let bytes = 0;
  server.statements.length = 0;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i += BATCH) {
    const variables = {
      b: {
        planId,
        year: 2022,
        mode: 'PARTIAL',
        batchKey: `bench-${i}`,
        rows: rows.slice(i, i + BATCH).map((r) => ({ ...r, level: 'azione' })),
      },
    };
    const { json, requestBytes } = await post<{ syncRows: { applied: number } }>(server, SYNC, variables);
    if (!json.data) throw new Error(`sync failed: ${JSON.stringify(json.errors)}`);
    bytes = Math.max(bytes, requestBytes);
    applied += json.data.syncRows.applied;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // client and server share this process: its CPU time is the whole sync's, both sides of the HTTP call
  const cpuMs = cpuMsSince(cpu);
  return { ms, cpuMs, statements: dataStatements(server.statements).length, applied, bytes };
}

function rawSqlite(rows: Row[]): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruscotto-bench-raw-'));
  try {
    const db = new Database(path.join(dir, 'raw.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec(`create table indicator ${RAW_TABLE}`);
    const insert = db.prepare('insert into indicator values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const start = process.hrtime.bigint();
    db.transaction(() => {
      rows.forEach((r, n) => insert.run(...rawColumns(r, n)));
    })();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    db.close();
    return ms;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The PostgreSQL baseline: the same rows as multi-row INSERTs of 1,000 rows in one transaction, in the run's database. */
async function rawPostgres(url: string, rows: Row[]): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table bench_raw_indicator ${RAW_TABLE}`);
    const start = process.hrtime.bigint();
    await client.query('begin');
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const params: unknown[] = [];
      const values = chunk.map((r, k) => {
        params.push(...rawColumns(r, i + k));
        const b = k * 9;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9})`;
      });
      await client.query(`insert into bench_raw_indicator values ${values.join(', ')}`, params);
    }
    await client.query('commit');
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    await client.query('drop table bench_raw_indicator');
    return ms;
  } finally {
    await client.end();
  }
}

export async function benchSync(server: BenchServer, count: number, smoke: boolean): Promise<BenchResult> {
  const { orgId, planId, parents } = await emptyPlan(server);
  const rows = rowsFor(parents, count);
  const perSheetRowMs = server.dialect === 'sqlite' ? rawSqlite(rows) : await rawPostgres(server.databaseUrl, rows);
  const sync = await syncOverHttp(server, planId, rows);
  if (sync.applied !== count) throw new Error(`${sync.applied} of ${count} rows applied`);
  const written = await insertWrittenRows(server.dialect, server.databaseUrl, { org: orgId, plan: planId });
  const batches = Math.ceil(count / BATCH);
  const raw = server.dialect === 'sqlite' ? 'better-sqlite3 prepared inserts' : '`pg` multi-row INSERTs';
  const rowsWritten = written.tables.reduce((sum, t) => sum + t.rows, 0);
  return timed(
    server.dialect === 'sqlite' ? 'B1' : 'B6-sync',
    `sync of ${count.toLocaleString('en')} new indicator rows over HTTP (${server.dialect}) vs raw ${raw} of the same ${rowsWritten.toLocaleString('en')} rows in one transaction`,
    sync.ms,
    written.ms,
    2,
    smoke,
    [
      `${sync.statements} SQL statements for ${batches} batch(es) of ≤ ${BATCH.toLocaleString('en')} rows; largest request ${(sync.bytes / 1e6).toFixed(2)} MB`,
      `rows written: ${written.tables.map((t) => `${t.table} ${t.rows.toLocaleString('en')}`).join(', ')}`,
      `reference, one insert per sheet row into one bare table: ${perSheetRowMs.toFixed(0)} ms (${(sync.ms / perSheetRowMs).toFixed(0)}×)`,
      ...(server.dialect === 'sqlite'
        ? [
            `process CPU time, steadier on a loaded machine: ${sync.cpuMs.toFixed(0)} ms vs ${written.cpuMs.toFixed(0)} ms (${(sync.cpuMs / written.cpuMs).toFixed(2)}×)`,
          ]
        : []),
    ].join('; '),
    {
      rows: count,
      batches,
      statements: sync.statements,
      largestRequestBytes: sync.bytes,
      dialect: server.dialect,
      rowsWritten: Object.fromEntries(written.tables.map((t) => [t.table, t.rows])),
      perSheetRowBaselineMs: perSheetRowMs,
      perSheetRowRatio: sync.ms / perSheetRowMs,
      cpuMs: sync.cpuMs,
      baselineCpuMs: written.cpuMs,
    },
  );
}
