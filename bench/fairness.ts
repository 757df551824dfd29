import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { startServer, type TestServer } from '../test/helpers/server';
import { buildPlan, type PlanShape } from '../test/helpers/synthetic-plan';
import type { BenchResult } from './measure';

/**
 * B9 (issue 13, item 5): the latency of small requests — `/health` and a one-level GraphQL query of a viewer —
 * while another viewer sends the worst request the limits allow: four reports of a plan of the bench's size (4,800
 * indicators by default, four computations at the most and 19,200 of the 20,000 indicator scorings a request may
 * cost), each for another year or checkpoint so none shares another's scores. The small requests come from a
 * client in another thread, one after the other, so what they measure is the server's event loop; the baseline is
 * the same client alone on the same server, in the same run. Without compute threads (COMPUTE_THREADS=0) the same
 * is measured once more, for comparison.
 */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
let running = true;
parentPort.on('message', () => { running = false; });
(async () => {
  const latencies = [];
  const headers = { 'content-type': 'application/json', authorization: 'Bearer ' + workerData.token };
  const body = JSON.stringify({ query: workerData.small });
  for (let i = 0; running; i++) {
    const sent = performance.now();
    const r = i % 2 === 0
      ? await fetch(workerData.url + '/health')
      : await fetch(workerData.url + '/graphql', { method: 'POST', headers, body });
    const text = await r.text();
    if (r.status !== 200 || text.includes('"errors"')) throw new Error('small request failed: ' + r.status + ' ' + text.slice(0, 200));
    latencies.push(performance.now() - sent);
  }
  parentPort.postMessage(latencies);
})();
`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * The viewer who sends the worst request, in a thread of its own too: reading a 4 MB answer is the client's work,
 * and on the server's event loop it would be counted as the server's.
 */
const HEAVY = `
const { parentPort, workerData } = require('node:worker_threads');
const headers = { 'content-type': 'application/json', authorization: 'Bearer ' + workerData.token };
parentPort.on('message', async (query) => {
  const r = await fetch(workerData.url + '/graphql', { method: 'POST', headers, body: JSON.stringify({ query }) });
  const text = await r.text();
  parentPort.postMessage(r.status === 200 && !text.includes('"errors"') ? null : r.status + ' ' + text.slice(0, 300));
});
`;

function heavyClient(url: string, token: string) {
  const thread = new Worker(HEAVY, { eval: true, workerData: { url, token } });
  return {
    ask: (query: string) =>
      new Promise<void>((resolve, reject) => {
        thread.once('message', (failure: string | null) =>
          failure ? reject(new Error(`the worst request failed: ${failure}`)) : resolve(),
        );
        thread.postMessage(query);
      }),
    close: () => thread.terminate(),
  };
}

/** The small requests of a client thread while `during` runs (or for `ms` when alone), their latencies in ms. */
async function smallRequests(server: TestServer, token: string, small: string, during: () => Promise<unknown>) {
  const client = new Worker(CLIENT, { eval: true, workerData: { url: server.url, token, small } });
  const answered = new Promise<number[]>((resolve, reject) => {
    client.once('message', resolve);
    client.once('error', reject);
  });
  await new Promise((r) => setTimeout(r, 200)); // the client is up and sending
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  await during();
  const ms = performance.now() - started;
  loop.disable();
  client.postMessage('stop');
  const latencies = await answered;
  await client.terminate();
  return { latencies, ms, longestBlockMs: loop.max / 1e6 };
}

const WORST = (planId: string) =>
  `{ ${['year: 2022', 'year: 2022, checkpoint: MID_YEAR', 'year: 2023', 'year: 2024']
    .map(
      (when, i) =>
        `r${i}: report(planId: "${planId}", ${when}) { rows { id code title target actual realization score status note noteIt } total { score } }`,
    )
    .join(' ')} }`;

async function measureWith(threads: number, shape: PlanShape, repeats: number) {
  // no score cache: each worst request computes its four periods, as the first read after a change does
  const server = await startServer('sqlite', { computeThreads: threads, scoreCacheMb: 0 });
  try {
    const { planId, indicators } = await buildPlan(server.orm.em, `FAIR${threads}`, shape);
    const org = (await server.gql(`{ planVersion(id: "${planId}") { organisation { id } } }`)).data.planVersion
      .organisation.id;
    const heavy = heavyClient(server.url, (await server.as('viewer', org)).token);
    const light = await server.as('viewer', org);
    const small = `{ planVersion(id: "${planId}") { label perspectives { name } } }`;
    const worst = WORST(planId);
    try {
      await heavy.ask(worst); // warm-up: threads loaded, JIT warm on both sides
      const alone = await smallRequests(server, light.token, small, () => new Promise((r) => setTimeout(r, 3_000)));
      const worstMs: number[] = [];
      const during = await smallRequests(server, light.token, small, async () => {
        for (let i = 0; i < repeats; i++) {
          const started = performance.now();
          await heavy.ask(worst);
          worstMs.push(performance.now() - started);
        }
      });
      return { indicators, alone, during, worstMs };
    } finally {
      await heavy.close();
    }
  } finally {
    await server.close();
  }
}

const summary = (latencies: number[]) => ({
  count: latencies.length,
  p50: percentile(latencies, 50),
  p99: percentile(latencies, 99),
  max: Math.max(...latencies),
});

export async function benchFairness(shape: PlanShape, smoke: boolean, threads: number): Promise<BenchResult> {
  const repeats = smoke ? 1 : 3;
  const pooled = await measureWith(threads, shape, repeats);
  const onLoop = smoke ? null : await measureWith(0, shape, 1);
  const during = summary(pooled.during.latencies);
  const alone = summary(pooled.alone.latencies);
  const ms = (n: number) => `${Math.round(n)} ms`;
  return {
    id: 'B9',
    name: 'small requests during the worst allowed request',
    unit: 'ms',
    measured: during.p99,
    baseline: alone.p99,
    ratio: during.p99 / alone.p99,
    goal: '≤ 100 ms',
    met: smoke ? null : during.p99 <= 100,
    note:
      `p99 of ${during.count} small requests (/health and a one-level query, one after the other from another thread) while a viewer sent ${repeats} × four reports of ${pooled.indicators} indicators ` +
      `(each ${pooled.worstMs.map(ms).join(', ')}), ${threads} compute thread(s); baseline: the same requests alone (p99 of ${alone.count}). ` +
      `Longest event-loop block ${ms(pooled.during.longestBlockMs)}` +
      (onLoop
        ? `; on the event loop (COMPUTE_THREADS=0): p99 ${ms(summary(onLoop.during.latencies).p99)}, longest block ${ms(onLoop.during.longestBlockMs)}, the request ${onLoop.worstMs.map(ms).join(', ')}`
        : ''),
    details: {
      threads,
      indicators: pooled.indicators,
      worstRequestMs: pooled.worstMs,
      during,
      alone,
      longestEventLoopBlockMs: pooled.during.longestBlockMs,
      onEventLoop: onLoop && {
        during: summary(onLoop.during.latencies),
        longestEventLoopBlockMs: onLoop.during.longestBlockMs,
        worstRequestMs: onLoop.worstMs,
      },
    },
  };
}
