import { OperationalObjective } from '../server/entities';
import { buildPlan, type PlanShape } from '../test/helpers/synthetic-plan';
import { graphqlFailed } from './addin-mix';
import type { BenchResult } from './measure';
import { authHeaders, type BenchServer } from './server';

// autocannon 9.0.0 ships no types; its programmatic API is a function taking options and a callback
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (
  options: Record<string, unknown>,
  done: (error: unknown, result: any) => void,
) => { stop(): void; on(event: 'reqError', listener: (error: Error & { code?: string }) => void): void };

/**
 * B4: 50 concurrent clients on the loopback interface, each cycling through a plan-tree read, a report query and
 * a 20-row sync of new indicators with their actual values, for a bounded time. Throughput, p50/p99 latency and
 * errors (HTTP, transport, timeouts and GraphQL errors alike); then the database is read back: every row of every
 * acknowledged sync must be there with the value sent (0 lost writes).
 */
const TREE = `query($id: ID!) { planVersion(id: $id) { realization(year: 2022) { display } perspectives { strategicObjectives { code operationalObjectives { code realization(year: 2022) { display } indicators { code realization(year: 2022) { display } } } } } } }`;
const REPORT = `query($id: ID!) { report(planId: $id, year: 2022) { rows { code realization } } }`;
const SYNC = `mutation($b: SyncBatchInput!) { syncRows(input: $b) { applied rows { status rowId } } }`;
const ROWS_PER_SYNC = 20;

type Sent = { key: string; rows: Array<{ code: string; actual: string }> };

export async function benchLoad(
  server: BenchServer,
  shape: PlanShape,
  seconds: number,
  connections: number,
  smoke: boolean,
): Promise<BenchResult> {
  const { planId } = await buildPlan(server.orm.em, `LOAD${Date.now()}`, shape);
  const parents = (await server.orm.em.fork().find(OperationalObjective, { plan: planId })).map((o) => o.id);
  let batches = 0;
  const acknowledged: Sent[] = [];
  let graphqlErrors = 0;
  const errorSamples: string[] = [];
  const json = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

  const requests = [
    { method: 'POST', path: '/graphql', body: json(TREE, { id: planId }), onResponse: check },
    { method: 'POST', path: '/graphql', body: json(REPORT, { id: planId }), onResponse: check },
    {
      method: 'POST',
      path: '/graphql',
      setupRequest(request: Record<string, unknown>, context: Record<string, unknown>) {
        const n = batches++;
        const sent: Sent = { key: `load-${n}`, rows: [] };
        const rows = Array.from({ length: ROWS_PER_SYNC }, (_, k) => {
          const code = `L.${n}.${k}`;
          const actual = String((n * 7 + k) % 150);
          sent.rows.push({ code, actual });
          return {
            level: 'azione',
            code,
            title: `Carico ${n}.${k}`,
            parentRef: parents[(n * ROWS_PER_SYNC + k) % parents.length],
            weight: '5',
            target: '100',
            actual,
          };
        });
        context.sent = sent;
        return {
          ...request,
          body: json(SYNC, { b: { planId, year: 2022, mode: 'ATOMIC', batchKey: sent.key, rows } }),
        };
      },
      onResponse(status: number, body: string, context: Record<string, unknown>) {
        if (check(status, body) && /"applied":20\b/.test(body)) acknowledged.push(context.sent as Sent);
      },
    },
  ];

  function check(status: number, body: string): boolean {
    if (status !== 200) return false;
    if (graphqlFailed(body)) {
      graphqlErrors++;
      if (errorSamples.length < 3) errorSamples.push(body.slice(0, 300));
      return false;
    }
    return true;
  }

  const transportErrors = new Map<string, number>();
  // the server runs in this process beside autocannon's clients: their CPU is one figure, not separable (B4 on server
  // processes measures the server's own, bench/capacity.ts)
  const cpuBefore = process.cpuUsage();
  const result = await new Promise<any>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        connections,
        // the smoke proves the wiring by counts, not by time: every client sends the whole mix once (tree, report,
        // sync), however slow the machine, so a loaded CI still acknowledges syncs to check
        ...(smoke ? { amount: connections * requests.length } : { duration: seconds }),
        timeout: 30,
        headers: authHeaders(server),
        requests,
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('reqError', (error) => {
      const key = error.code ?? error.message;
      transportErrors.set(key, (transportErrors.get(key) ?? 0) + 1);
    });
  });

  const cpu = process.cpuUsage(cpuBefore);
  const processCpuMsPerRequest = (cpu.user + cpu.system) / 1000 / result.requests.total;
  // read back: every acknowledged row, with its value
  const stored = (await server.orm.em
    .fork()
    .getConnection()
    .execute(
      "select i.code, m.value from indicator i join measurement m on m.indicator_id = i.id where i.plan_id = ? and i.code like 'L.%'",
      [planId],
    )) as Array<{ code: string; value: string | { raw: string } }>;
  const valueOf = new Map(
    stored.map((s) => [s.code, (typeof s.value === 'string' ? JSON.parse(s.value) : s.value).raw as string]),
  );
  const expected = acknowledged.flatMap((a) => a.rows);
  const lost = expected.filter((r) => valueOf.get(r.code) !== r.actual);
  const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
  const requestsPerSecond = result.requests.average as number;
  return {
    id: 'B4-tree',
    name: `load: ${connections} concurrent clients for ${seconds} s mixing tree reads, report queries and ${ROWS_PER_SYNC}-row syncs (${server.dialect}, ${(shape.perspectives * shape.strategic * shape.operational * shape.indicators).toLocaleString('en')}-indicator plan)`,
    unit: 'errors',
    measured: errors + lost.length,
    baseline: null,
    ratio: null,
    goal: '0 errors, 0 lost writes',
    met: errors === 0 && lost.length === 0,
    note:
      `${result.requests.total} requests, ${requestsPerSecond.toFixed(1)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ` +
      `${errors} errors (${result.errors} transport, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ${graphqlErrors} GraphQL); ` +
      `${acknowledged.length} syncs acknowledged, ${expected.length - lost.length}/${expected.length} of their rows found with their values; ` +
      `CPU ${processCpuMsPerRequest.toFixed(1)} ms per request for server and clients together (one process, not separable)` +
      (smoke ? ' (smoke)' : ''),
    details: {
      connections,
      seconds,
      requests: result.requests.total,
      requestsPerSecond,
      latencyP50: result.latency.p50,
      latencyP99: result.latency.p99,
      latencyMax: result.latency.max,
      processCpuMsPerRequest,
      transportErrors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      graphqlErrors,
      transportErrorKinds: Object.fromEntries(transportErrors),
      errorSamples,
      syncsSent: batches,
      syncsAcknowledged: acknowledged.length,
      rowsAcknowledged: expected.length,
      lostWrites: lost.length,
      lostSamples: lost.slice(0, 5),
    },
  };
}
