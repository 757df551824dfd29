/**
 * Cost and fairness (issue 13, item 5, finding 9): a request is priced by the size of the plans it computes over, a
 * request over the price is refused before anything runs, and while a viewer's worst allowed request is computed
 * on a 3,000-indicator plan (in a thread of server/compute) the server answers others. Order-based, not timed: the
 * computation is held at the compute gate (server/compute/gate.ts) while the others are asked, then released. The
 * other client runs in its own thread, so what it sees is the server's event loop, not the test's. Both databases: the price and the turns are
 * the HTTP process's, but the plan's rows are read differently (on PostgreSQL in one REPEATABLE READ transaction).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { computeGate } from '../helpers/compute-gate';
import { databaseNames } from '../helpers/databases';
import { until } from '../helpers/live';
import { type Caller, startServer, type TestServer } from '../helpers/server';
import { buildPlanWithViewer } from '../helpers/synthetic-plan';

/**
 * A client in another thread: GET /health one after the other until told to stop; the latency of each, in ms. It
 * counts its answers in shared memory as they come (`answered`), so the test sees them while the pinger runs.
 */
const PINGER = `
const { parentPort, workerData } = require('node:worker_threads');
let running = true;
parentPort.on('message', () => { running = false; });
(async () => {
  const answers = [];
  while (running) {
    const sent = performance.now();
    try {
      const r = await fetch(workerData.url + '/health');
      await r.text();
      answers.push({ at: performance.timeOrigin + sent, ms: performance.now() - sent, status: r.status });
      Atomics.add(workerData.answered, 0, 1);
    } catch {
      // a request that failed (a reset socket) is a status 0 the test sees, not an error that ends the run
      answers.push({ at: performance.timeOrigin + sent, ms: performance.now() - sent, status: 0 });
      break;
    }
  }
  parentPort.postMessage(answers);
})();
`;

type Ping = { at: number; ms: number; status: number };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

describe.each(databaseNames())('cost and fairness on a 3,000-indicator plan (%s)', (dialect) => {
  let server: TestServer;
  let planId: string;
  let viewer: Caller;
  // three computations of this plan are within the price, four are not (the default is 20,000: four on 5,000)
  const maxPerRequest = 9_000;
  const gate = computeGate();

  beforeAll(async () => {
    // no score cache: the worst request is one that computes (a plan read again unchanged computes nothing)
    server = await startServer(dialect, {
      planCost: { maxPerRequest, heavyFrom: 1_000 },
      computeThreads: 1,
      scoreCacheMb: 0,
      computeGate: gate.cell,
    });
    const built = await buildPlanWithViewer(server, 'BIG', {
      perspectives: 3,
      strategic: 10,
      operational: 10,
      indicators: 10,
    });
    ({ planId, viewer } = built);
    expect(built.indicators).toBe(3_000);
  });
  afterAll(() => server.close());
  // a test that failed while holding lets its computation go, so the next one starts with the gate open
  afterEach(() => gate.release());

  const reports = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `r${i}: report(planId: "${planId}", year: 2022) { rows { id code title target actual realization score status note } total { score } }`).join(' ')} }`;

  it('prices a request by the plan: four reports of 3,000 indicators are refused before any runs, with the price', async () => {
    const r = await viewer.gql(reports(4));
    expect(r.data).toBeUndefined();
    expect(r.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Richiesta troppo costosa: 4 calcoli .* 12000 .* Request too expensive/),
        extensions: { code: 'COST_LIMIT', cost: 12_000, maxCost: maxPerRequest },
      }),
    ]);
    // a tree of scores for all the organisation's plans is priced by all its indicators: four computations, and four
    // realizations shown on a whole list of nodes (a quarter of a scoring each, on 3,000 nodes at the most)
    const tree = await viewer.gql(
      `{ planVersions { perspectives { strategicObjectives { a: realization(year: 2022) { score } b: realization(year: 2023) { score } c: realization(year: 2024) { score } d: realization(year: 2022, checkpoint: MID_YEAR) { score } } } } }`,
    );
    expect(tree.errors?.[0].extensions).toEqual({ code: 'COST_LIMIT', cost: 15_000, maxCost: maxPerRequest });
    // a report row's text and a sheet row's score are part of their computation, not more of them
    const small = await viewer.gql(`{ report(planId: "${planId}", year: 2022) { rows { realization } } }`);
    expect(small.errors).toBeUndefined();
  });

  it('answers /health and small queries while the worst allowed request is held in its thread', async () => {
    expect(server.app.compute.threads).toBeGreaterThan(0);
    const answered: string[] = [];
    const worst = viewer.gql(reports(3)).then((r) => {
      answered.push('worst');
      return r;
    });
    // a computation of the worst request has its rows in a thread and is held there: the request is unanswered
    // until the gate is released, however fast or loaded the machine
    await gate.holdDuring(worst);
    const small = `{ planVersion(id: "${planId}") { label perspectives { name } } }`;
    for (let round = 0; round < 3; round++) {
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      answered.push('health');
      const query = await viewer.gql(small);
      expect(query.data.planVersion.perspectives).toHaveLength(3);
      answered.push('small');
    }
    // all three rounds came back while the computation was held: had it held the event loop, none would have
    expect(gate.holding()).toBe(true);
    gate.release();
    const result = await worst;
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data).map((r: any) => r.rows.length)).toEqual([3_333, 3_333, 3_333]); // 3 + 30 + 300 + 3,000 rows
    expect(answered).toEqual(['health', 'small', 'health', 'small', 'health', 'small', 'worst']);
  });

  it('answers /health from another thread while the worst allowed request is held, and measures it computed', async () => {
    const answered = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const pinger = new Worker(PINGER, { eval: true, workerData: { url: server.url, answered } });
    const answers = new Promise<Ping[]>((resolve, reject) => {
      pinger.once('message', resolve);
      pinger.once('error', reject);
    });
    const pings = () => Atomics.load(answered, 0);
    try {
      // the pinger is up and pinging: its first /health answered
      await until(() => pings() > 0);
      const worst = viewer.gql(reports(3));
      await gate.holdDuring(worst);
      // three more answers while a computation is held in a thread: the server's event loop is free
      const held = pings();
      await until(() => pings() >= held + 3);
      expect(gate.holding()).toBe(true);
      await measureReleased(worst, pinger, answers);
    } finally {
      await pinger.terminate();
    }
  });

  /** Releases the held request and measures what the pinger waited while it was computed. */
  async function measureReleased(worst: ReturnType<Caller['gql']>, pinger: Worker, answers: Promise<Ping[]>) {
    // from here the computation runs: what the pinger waits meanwhile is measured, not asserted
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const started = performance.timeOrigin + performance.now();
    gate.release();
    const result = await worst;
    const ended = performance.timeOrigin + performance.now();
    loop.disable();
    pinger.postMessage('stop');
    const all = await answers;

    expect(result.errors).toBeUndefined();
    expect(all.every((p) => p.status === 200)).toBe(true);
    const during = all.filter((p) => p.at >= started && p.at + p.ms <= ended);
    const latencies = all.filter((p) => p.at >= started && p.at <= ended).map((p) => p.ms);
    console.log(
      `worst allowed request (3 reports, 3,000 indicators, ${server.app.compute.threads} compute thread(s)), from its release: ${Math.round(ended - started)} ms; /health answered ${during.length} times meanwhile; ` +
        `latency p50 ${Math.round(percentile(latencies, 50))} ms, p99 ${Math.round(percentile(latencies, 99))} ms, ` +
        `max ${Math.round(Math.max(...latencies))} ms; longest event-loop block ${Math.round(loop.max / 1e6)} ms`,
    );
  }
});
