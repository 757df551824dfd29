import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createApp, listen } from '../server/app';
import { openOrm } from '../server/db/orm';
import { UnitType } from '../server/domain/enums';
import { OperationalObjective, OrgUnit, Organisation, Perspective, PlanCycle, PlanVersion, StrategicObjective } from '../server/entities';
import type { BenchResult } from './measure';

/**
 * B1: a sheet of new indicator rows synced over HTTP (serialise, send, parse, validate, write, score, answer), in
 * batches of 5,000 rows, against inserting the same rows into SQLite with one raw better-sqlite3 prepared statement
 * in one transaction, in the same run.
 */
type Row = { code: string; title: string; parentRef: string; weight: string; target: string; thresholds: Array<{ score: number; value: string }>; actual: string; responsibleUnit: string };

function rowsFor(parents: string[], count: number): Row[] {
  return Array.from({ length: count }, (_, n) => ({
    code: `9.${n}`,
    title: `Azione di prova ${n}`,
    parentRef: parents[n % parents.length],
    weight: '10%',
    target: String(100 + (n % 50)),
    thresholds: [{ score: 0.8, value: String(80 + (n % 20)) }, { score: 0.6, value: String(60 + (n % 20)) }],
    actual: String(70 + (n % 60)),
    responsibleUnit: 'U.O. "Prova"',
  }));
}

async function syncOverHttp(rows: Row[], dir: string): Promise<{ ms: number; statements: number; applied: number; bytes: number }> {
  let statements = 0;
  const orm = await openOrm(path.join(dir, 'cruscotto.sqlite'), { onQuery: () => statements++ });
  const em = orm.em.fork();
  const { planId, parents } = await em.transactional(async (tx) => {
    const org = tx.create(Organisation, { name: 'Bench', code: 'BENCH' } as never);
    tx.create(OrgUnit, { org, name: 'U.O. "Prova"', type: UnitType.UO } as never);
    const cycle = tx.create(PlanCycle, { org, name: '2022-2024', firstYear: 2022, years: [2022, 2023, 2024] } as never);
    const plan = tx.create(PlanVersion, { org, cycle, revision: 0, label: 'Bench' } as never);
    const perspective = tx.create(Perspective, { org, plan, name: 'P' } as never);
    const so = tx.create(StrategicObjective, { org, plan, perspective, code: '9', title: 'OS' } as never);
    const oos = Array.from({ length: 100 }, (_, i) => tx.create(OperationalObjective, { org, plan, strategicObjective: so, code: `9.${i}.x`, title: 'OO', weight: 1 } as never));
    return { planId: plan.id, parents: oos.map((o) => o.id) };
  });
  rows = rows.map((r, n) => ({ ...r, parentRef: parents[n % parents.length] }));
  const app = await createApp(orm);
  const port = await listen(app.httpServer, 0, '127.0.0.1');
  const query = 'mutation($b: SyncBatchInput!) { syncRows(input: $b) { applied rows { status rowId rowVersion realization { display } } affected { level realization { display } } } }';
  let applied = 0;
  let bytes = 0;
  statements = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i += 5000) {
    const body = JSON.stringify({ query, variables: { b: { planId, year: 2022, mode: 'PARTIAL', batchKey: `bench-${i}`, rows: rows.slice(i, i + 5000).map((r) => ({ ...r, level: 'azione' })) } } });
    bytes = Math.max(bytes, Buffer.byteLength(body));
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = (await response.json()) as { data?: { syncRows: { applied: number } }; errors?: unknown };
    if (!json.data) throw new Error(`B1: sync failed: ${JSON.stringify(json.errors)}`);
    applied += json.data.syncRows.applied;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  await app.stop();
  await orm.close(true);
  return { ms, statements, applied, bytes };
}

function rawInsert(rows: Row[], dir: string): number {
  const db = new Database(path.join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('create table indicator (id text primary key, parent_id text, code text, title text, weight real, target text, thresholds text, actual text, unit text)');
  const insert = db.prepare('insert into indicator values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const start = process.hrtime.bigint();
  db.transaction(() => {
    rows.forEach((r, n) => insert.run(`id-${n}`, r.parentRef, r.code, r.title, 10, r.target, JSON.stringify(r.thresholds), r.actual, r.responsibleUnit));
  })();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  db.close();
  return ms;
}

export async function benchSync(count = 10_000): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruscotto-bench-'));
  try {
    const rows = rowsFor(['parent'], count);
    const baselineMs = rawInsert(rows, dir);
    const sync = await syncOverHttp(rows, dir);
    if (sync.applied !== count) throw new Error(`B1: ${sync.applied} of ${count} rows applied`);
    return {
      id: 'B1',
      name: `sync of ${count.toLocaleString('en')} new indicator rows over HTTP (SQLite)`,
      measuredMs: sync.ms,
      baselineMs,
      ratio: sync.ms / baselineMs,
      goal: 2,
      note: `${sync.statements} SQL statements for ${Math.ceil(count / 5000)} batch(es); largest request ${(sync.bytes / 1e6).toFixed(2)} MB`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
