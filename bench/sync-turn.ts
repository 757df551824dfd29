/**
 * How long a 20-row sync of existing indicators' actuals holds the writer's turn on a 4,800-indicator plan (what B4's
 * realization reads and B7's event wait for): the sync's transaction, from its start to its commit, and the whole
 * call, for `ROUNDS` batches one after the other on one server, after a `sheetRows` read as the add-in makes first.
 * Run: `npx ts-node --swc -r tsconfig-paths/register bench/sync-turn.ts [sqlite|postgresql] [rounds]`.
 * Also the process's CPU per call (user + system, process.cpuUsage): on SQLite, which runs in this process, the work
 * of a sync whatever the machine's load, which the wall times are not on a shared machine.
 */
import os from 'node:os';
import type { EntityManager } from '@mikro-orm/core';
import { ChangeSource, Checkpoint } from '@core/vocabulary/enums';
import { Indicator } from '../server/entities';
import { syncRows } from '../server/sync/sync-rows';
import { startServer } from '../test/helpers/server';
import { buildPlan } from '../test/helpers/synthetic-plan';
import { median } from './measure';

async function main(): Promise<void> {
  const dialect = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgresql';
  const rounds = Number(process.argv[3] ?? 12);
  const server = await startServer(dialect, {});
  try {
    const shape = { perspectives: 4, strategic: 12, operational: 10, indicators: 10 };
    const { planId } = await buildPlan(server.orm.em, `TURN${Date.now()}`, shape);
    const ids = (await server.orm.em.fork().find(Indicator, { plan: planId }, { limit: 20 * (rounds + 1) })).map(
      (i) => i.id,
    );
    const read = await server.gql(
      `query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) { rows { rowId rowVersion } } }`,
      { p: planId },
    );
    const versions = new Map<string, number>(
      (read.data.sheetRows.rows as Array<{ rowId: string; rowVersion: number }>).map((r) => [r.rowId, r.rowVersion]),
    );
    const inTurn: number[] = [];
    const whole: number[] = [];
    const cpu: number[] = [];
    for (let n = -1; n < rounds; n++) {
      const rows = ids
        .slice((n + 1) * 20, (n + 2) * 20)
        .map((rowId) => ({ rowId, rowVersion: versions.get(rowId), actual: String(40 + n) }));
      const em = server.orm.em.fork();
      const transactional = em.transactional.bind(em);
      let turn = 0;
      (em as { transactional: EntityManager['transactional'] }).transactional = async (cb, options) => {
        const t0 = performance.now();
        try {
          return await transactional(cb, options);
        } finally {
          turn = performance.now() - t0;
        }
      };
      const ctx = {
        em,
        actor: 'bench',
        source: ChangeSource.ADDIN,
        sourceDetail: null,
        snapshots: server.app.snapshots,
      };
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const outcome = await syncRows(ctx, {
        planId,
        year: 2022,
        checkpoint: Checkpoint.YEAR_END,
        mode: 'partial',
        rows,
      });
      const t1 = performance.now();
      const used = process.cpuUsage(c0);
      if (outcome.applied !== 20) throw new Error(`round ${n}: ${outcome.applied} rows applied`);
      for (const r of outcome.rows) if (r.rowId && r.rowVersion !== null) versions.set(r.rowId, r.rowVersion);
      if (n < 0) continue; // the first round warms connections and the JIT
      inTurn.push(turn);
      whole.push(t1 - t0);
      cpu.push((used.user + used.system) / 1000);
    }
    const f = (v: number) => v.toFixed(0);
    const cpuMs = (v: number) => v.toFixed(1);
    console.log(
      `${dialect}: ${rounds} syncs of 20 rows on 4,800 indicators; transaction median ${f(median(inTurn))} ms ` +
        `(min ${f(Math.min(...inTurn))}, max ${f(Math.max(...inTurn))}); whole call median ${f(median(whole))} ms; ` +
        `CPU per call median ${cpuMs(median(cpu))} ms, mean ${cpuMs(cpu.reduce((a, b) => a + b, 0) / cpu.length)} ms; ` +
        `load average ${os.loadavg()[0].toFixed(1)}`,
    );
  } finally {
    await server.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
