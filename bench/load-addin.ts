import os from 'node:os';
import {
  byOperation,
  CYCLE,
  MIX,
  ROWS_PER_SYNC,
  type Failure,
  lostWrites,
  Pane,
  percentile,
  type Sample,
} from './addin-mix';
import { type Instances, startInstances } from './instances';
import type { BenchResult } from './measure';
import { capacityNote, capacityOf, startCpuWindow } from './capacity';
import type { PlanShape } from '../test/helpers/synthetic-plan';

const GOAL_MS = 1000;

/** The plan's indicator rows, in sheet order (each pane edits a slice of its own). */
export async function indicatorRows(url: string, token: string, planId: string): Promise<string[]> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) { rows { rowId level } } }`,
      variables: { p: planId },
    }),
  });
  const rows = (await response.json()).data.sheetRows.rows as Array<{ rowId: string; level: string }>;
  return rows.filter((r) => r.level === 'INDICATOR').map((r) => r.rowId);
}

/** `connections` panes spread over the instances in turn, each bound to its 20 rows. */
export async function openPanes(
  inst: Instances,
  connections: number,
  samples: Sample[],
  failures: Failure[],
  acknowledged: Map<string, string>,
): Promise<Pane[]> {
  const rows = await indicatorRows(inst.urls[0], inst.token, inst.planId);
  // 20 rows a pane (a smoke's tiny plan gives each what there is)
  const per = Math.min(ROWS_PER_SYNC, Math.floor(rows.length / connections));
  if (per < 1) throw new Error(`the plan has ${rows.length} indicators for ${connections} panes`);
  const panes = Array.from(
    { length: connections },
    (_, i) =>
      new Pane(
        i,
        inst.urls[i % inst.urls.length],
        inst.token,
        inst.planId,
        rows.slice(i * per, (i + 1) * per),
        acknowledged,
        samples,
        failures,
      ),
  );
  // bound together, each pane holds its own connection when the window opens, as 50 panes open all morning do: bound
  // one after another over one socket, 49 connections were opened at the window's first instant and the loaded
  // server accepted one per turn of its event loop, 4 s for the last (session synctail, 7 December)
  await Promise.all(panes.map((pane) => pane.bind()));
  await Promise.all(panes.map((pane) => pane.rememberScores()));
  return panes;
}

/**
 * B4 with the add-in's traffic (bench/addin-mix.ts): `connections` panes for `seconds` against `count` server
 * processes (one on SQLite, or several on PostgreSQL + Redis), each pane sending its next request when the last is
 * answered. Latency of every request, p50/p99 overall and by operation, errors of every kind, and the database read
 * back: every acknowledged row with the last value sent (0 lost writes).
 */
export async function benchAddinLoad(
  id: string,
  dialect: 'sqlite' | 'postgresql',
  count: number,
  shape: PlanShape,
  seconds: number,
  connections: number,
  smoke: boolean,
): Promise<BenchResult> {
  const inst = await startInstances(dialect, count, shape);
  try {
    const samples: Sample[] = [];
    const failures: Failure[] = [];
    const acknowledged = new Map<string, string>();
    const panes = await openPanes(inst, connections, samples, failures, acknowledged);
    // binding read every row (and computed the plan's scores once); one cycle of the first pane on each instance
    // before the clock starts (a process just started compiles its modules on first use), as a running server has
    for (const pane of panes.slice(0, count)) for (let n = 0; n < CYCLE.length; n++) await pane.step();
    samples.splice(0);
    failures.splice(0);
    const started = Date.now();
    const until = started + seconds * 1000;
    // the CPU of exactly the load window: the servers (all threads), PostgreSQL's backends of this database, the panes
    const stopCpu = startCpuWindow(
      inst.servers.map((s) => s.child.pid!),
      dialect === 'postgresql' ? new URL(inst.databaseUrl).pathname.slice(1) : undefined,
    );
    await Promise.all(
      panes.map(async (pane) => {
        // the smoke sends one cycle per pane however slow the machine; the bench runs for its time
        for (let n = 0; smoke ? n < CYCLE.length : Date.now() < until; n++) await pane.step();
      }),
    );
    const cpu = stopCpu();
    const elapsed = (Date.now() - started) / 1000;
    const lost = await lostWrites(inst.urls[0], inst.token, inst.planId, acknowledged);
    const ms = samples.map((s) => s.ms);
    const p99 = percentile(ms, 99);
    const ops = byOperation(samples);
    // moved-score reads answered with every row: a pane's first, or a cursor the server no longer kept
    const completeScores = panes.reduce((sum, pane) => sum + pane.completeScores, 0);
    const errors = failures.length;
    const meanMs = ms.reduce((a, b) => a + b, 0) / ms.length;
    const cores = os.cpus().length;
    // per request of the window, failed ones too (they cost CPU as well; B4 wants none, so they are answered ones)
    const capacity = capacityOf(cpu, samples.length, connections, cores, count, GOAL_MS);
    const where = count === 1 ? `1 instance, ${dialect}` : `${count} instances, ${dialect} + Redis`;
    return {
      id,
      name: `load, the add-in's mix: ${connections} panes for ${seconds} s (${where}, ${inst.indicators.toLocaleString('en')}-indicator plan)`,
      unit: 'ms',
      measured: p99,
      baseline: null,
      ratio: null,
      goal: `p99 ≤ ${GOAL_MS} ms, 0 errors, 0 lost writes`,
      met: smoke ? null : p99 <= GOAL_MS && errors === 0 && lost.length === 0,
      note:
        `${samples.length} requests in ${elapsed.toFixed(1)} s (${(samples.length / elapsed).toFixed(1)} req/s), p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms; ` +
        `by operation ${Object.entries(ops)
          .map(([op, o]) => `${op} ×${o.n} p50 ${o.p50} / p99 ${o.p99} / mean ${o.mean} ms`)
          .join(', ')}; ` +
        `${errors} errors; ${acknowledged.size} rows acknowledged, ${acknowledged.size - lost.length} found with the last value sent; ` +
        `mix (${MIX}) per pane cycle: 1 sync of 20 edited rows, ${MIX === 'full' ? "2 reads of every row's realization" : `2 reads of the scores moved since the pane's last (${completeScores} answered every row)`}, 3 sheetRows(after: cursor); ` +
        `${capacityNote(capacity, connections, cores, GOAL_MS, meanMs, dialect)}; ` +
        `load average ${os.loadavg()[0].toFixed(1)} on ${cores} cores` +
        (smoke ? ' (smoke)' : ''),
      details: {
        connections,
        seconds,
        instances: count,
        requests: samples.length,
        latencyP50: percentile(ms, 50),
        latencyP99: p99,
        latencyMax: Math.max(...ms),
        latencyMean: meanMs,
        cpu: { window: cpu, ...capacity },
        byOperation: ops,
        mix: MIX,
        completeScores,
        errors,
        errorSamples: failures.slice(0, 5),
        rowsAcknowledged: acknowledged.size,
        lostWrites: lost.length,
        lostSamples: lost.slice(0, 5),
        loadAverage: os.loadavg()[0],
      },
    };
  } finally {
    await inst.close();
  }
}
