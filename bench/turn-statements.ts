/**
 * The SQL statements of one 20-row sync of existing indicators' actuals (B4's sync) on a 4,800-indicator plan: each
 * statement's verb and table, in order, and their count (every one a round trip on PostgreSQL).
 * Run: `npx ts-node --swc -r tsconfig-paths/register bench/turn-statements.ts [sqlite|postgresql] [rows] [batches]
 * [turns]`; with CREATE=1, B1's rows instead: `rows` new indicators each with target, thresholds, actual and unit, per
 * batch; with KEYS=1, each batch has a batch key (its answer stored for a retry). The statements are those of the last turn; with more than 2 turns, also the median time of a turn after the
 * first (the call of syncTogether: the plan's line waits for all of it), of its transaction (from its begin to its
 * commit: the plan's lock is held from the second statement on, and another instance's turn waits for it) and the
 * process's CPU per turn (user + system: the server runs in this process; steadier than times on a shared machine).
 * With LOOP_BUSY=<ms>, the event loop is kept busy meanwhile by a task running `ms` of CPU per iteration, as B4's
 * reads are on a server's loop (the speed layer's slices, server/speed/next-turn.ts, 10 ms): every round trip of
 * the turn then waits for the loop as it does under B4 (its CPU is counted in the turn's CPU too).
 * With WAL=1 (SQLite), also the bytes a turn writes to the write-ahead log (the median): the log is checkpointed and
 * truncated before each turn (before its time and CPU are taken), so its size after the turn is what it wrote; the
 * automatic checkpoints leave the turns, so measure CPU without it.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { EntityManager } from '@mikro-orm/core';
import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import { Indicator, OperationalObjective } from '../server/entities';
import { syncTogether } from '../server/sync/sync-rows';
import { startServer } from '../test/helpers/server';
import { buildPlan } from '../test/helpers/synthetic-plan';
import { median } from './measure';

async function main(): Promise<void> {
  const dialect = (process.argv[2] ?? 'postgresql') as 'sqlite' | 'postgresql';
  const size = Number(process.argv[3] ?? 20);
  // a turn of several batches, as B4's 50 panes make them: `batches` syncs of `size` rows taken together
  const batches = Number(process.argv[4] ?? 1);
  const turns = Math.max(2, Number(process.argv[5] ?? 2));
  const times: number[] = [];
  const inTransaction: number[] = [];
  const cpu: number[] = [];
  const wal: number[] = [];
  const server = await startServer(dialect, {});
  const busy = Number(process.env.LOOP_BUSY ?? 0);
  let stop = () => undefined as void;
  try {
    const shape = { perspectives: 4, strategic: 12, operational: 10, indicators: 10 };
    const { planId } = await buildPlan(server.orm.em, `STMT${Date.now()}`, shape);
    const ids = (await server.orm.em.fork().find(Indicator, { plan: planId }, { limit: 2 * size * batches })).map(
      (i) => i.id,
    );
    const parents = (await server.orm.em.fork().find(OperationalObjective, { plan: planId })).map((o) => o.id);
    const read = await server.gql(
      `query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) { rows { rowId rowVersion } } }`,
      { p: planId },
    );
    const versions = new Map<string, number>(
      (read.data.sheetRows.rows as Array<{ rowId: string; rowVersion: number }>).map((r) => [r.rowId, r.rowVersion]),
    );
    // the plan is built, and read once, before the loop is made busy
    stop = busyLoop(busy);
    for (let n = 0; n < turns; n++) {
      const members = Array.from({ length: batches }, (_, b) => {
        // turns after the second write the first two's rows again, at the versions they left
        const from = ((n % 2) * batches + b) * size;
        const rows = process.env.CREATE
          ? created(parents, `${n}.${b}`, size)
          : ids.slice(from, from + size).map((rowId) => ({
              rowId,
              rowVersion: versions.get(rowId)! + Math.floor(n / 2),
              actual: String(40 + n),
            }));
        const ctx = {
          em: timed(server.orm.em.fork(), (ms) => n > 0 && inTransaction.push(ms)),
          actor: 'bench',
          source: ChangeSource.ADDIN,
          sourceDetail: null,
        };
        // with KEYS=1 each batch has its key, as the add-in sends them: its answer is stored for a retry
        const batchKey = process.env.KEYS ? `${planId}-${n}-${b}` : undefined;
        const input = { planId, year: 2022, checkpoint: Checkpoint.YEAR_END, mode: 'partial' as const, rows, batchKey };
        return { ctx: { ...ctx, snapshots: server.app.snapshots }, input };
      });
      const walFile = process.env.WAL && dialect === 'sqlite' ? `${server.databaseUrl}-wal` : null;
      if (walFile) await server.orm.em.getConnection().execute('pragma wal_checkpoint(TRUNCATE)');
      server.statements.length = 0;
      const start = performance.now();
      const c0 = process.cpuUsage();
      const answers = await syncTogether(members);
      const used = process.cpuUsage(c0);
      if (n > 0) times.push(performance.now() - start);
      if (n > 0) cpu.push((used.user + used.system) / 1000);
      if (walFile && n > 0) wal.push(fs.statSync(walFile).size);
      for (const answer of answers) {
        if ('error' in answer) throw answer.error;
        if (answer.value.applied !== size) throw new Error(`${answer.value.applied} rows applied`);
      }
      if (n < turns - 1) continue;
      const lines = server.statements.map((sql) => {
        const text = sql.replace(/\u001b\[[0-9;]*m/g, '').replace(/^\s*\[query\]\s*/, '');
        const table = /\b(?:from|into|update)\s+[`"]?(\w+)/i.exec(text)?.[1] ?? '';
        return `${text.split(/\s/)[0].toLowerCase()} ${table}  ${process.env.FULL ? text : text.slice(0, 140)}`;
      });
      console.log(lines.join('\n'));
      console.log(`${dialect}: ${lines.length} statements for a turn of ${batches} syncs of ${size} rows`);
      if (turns > 2) {
        const sorted = [...times].sort((a, b) => a - b);
        const f = (values: number[]) => median(values).toFixed(1);
        console.log(
          `turn: median ${f(times)} ms of ${times.length} (min ${sorted[0].toFixed(1)} ms); in its transaction ` +
            `median ${f(inTransaction)} ms (min ${Math.min(...inTransaction).toFixed(1)}); CPU median ${f(cpu)} ms; ` +
            `load average ${os.loadavg()[0].toFixed(1)}${busy ? `; loop busy ${busy} ms per iteration` : ''}` +
            `${wal.length ? `; WAL median ${(median(wal) / 1024).toFixed(0)} KB a turn` : ''}`,
        );
      }
    }
  } finally {
    stop();
    await server.close();
  }
}

/** `em` whose transactions tell their time, from begin to commit (the syncs' turn runs in one) */
function timed(em: EntityManager, told: (ms: number) => void): EntityManager {
  const transactional = em.transactional.bind(em);
  (em as { transactional: EntityManager['transactional'] }).transactional = async (cb, options) => {
    const t0 = performance.now();
    try {
      return await transactional(cb, options);
    } finally {
      told(performance.now() - t0);
    }
  };
  return em;
}

/** LOOP_BUSY: a task taking `ms` of CPU per iteration of the event loop until stopped */
function busyLoop(ms: number): () => void {
  let stopped = ms <= 0;
  const spin = () => {
    if (stopped) return;
    const until = performance.now() + ms;
    while (performance.now() < until);
    setImmediate(spin);
  };
  setImmediate(spin);
  return () => {
    stopped = true;
  };
}

/** New indicator rows as bench B1 sends them (bench/sync.ts) */
function created(parents: string[], prefix: string, count: number) {
  return Array.from({ length: count }, (_, n) => ({
    level: 'indicator',
    code: `9.${prefix}.${n}`,
    title: `Azione di prova ${n}`,
    parentRef: parents[n % parents.length],
    weight: '10%',
    target: String(100 + (n % 50)),
    thresholds: [{ score: 0.8, value: String(80 + (n % 20)) }],
    actual: String(90 + (n % 30)),
    responsibleUnit: n % 2 ? 'U.O. Bilancio' : 'U.O. Personale',
  }));
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
