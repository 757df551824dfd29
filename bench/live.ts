import os from 'node:os';
import { Indicator } from '../server/entities';
import { listen, socketUrl, subscribed } from '../test/helpers/live';
import { redisUnavailable, TEST_REDIS_URL, uniquePrefix } from '../test/helpers/redis';
import { startServer, type TestServer } from '../test/helpers/server';
import { buildPlan, type PlanShape } from '../test/helpers/synthetic-plan';
import type { BenchEntry } from './measure';
import { postgresAnswers } from './server';

const SYNC = `mutation($b: SyncBatchInput!) { syncRows(input: $b) { applied rows { status rowVersion } } }`;
const GOAL_MS = 200;

function percentile(values: number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * B7 live updates: two instances over one PostgreSQL database, meeting through Redis. A subscriber on instance B
 * follows a plan of `shape`; `events` times one actual value is synced on instance A, one after the other, and each
 * time the clock runs from sending the write to B's subscriber holding the event (the write itself included: what
 * a colleague's pane waits for). The time from A's answer to the event is kept beside it.
 */
export async function benchLive(shape: PlanShape, events: number, smoke: boolean): Promise<BenchEntry> {
  const name = 'live update, instance A → subscriber on B (PostgreSQL + Redis)';
  const missing = [await postgresAnswers(), redisUnavailable()].filter(Boolean);
  if (missing.length) return { id: 'B7', name, unavailable: missing.join('; ') };
  const live = { redisUrl: TEST_REDIS_URL, channelPrefix: uniquePrefix('bench-b7') };
  const a: TestServer = await startServer('postgresql', { live });
  let b: TestServer | null = null;
  try {
    b = await startServer('postgresql', { databaseUrl: a.databaseUrl, live });
    const { planId, indicators } = await buildPlan(a.orm.em, `LIVE${Date.now()}`, shape);
    const rowIds = (await a.orm.em.fork().find(Indicator, { plan: planId }, { limit: 50 })).map((i) => i.id);
    // each write carries the row's version as last read, as a sheet does (a row without one is refused)
    const read = await a.gql(
      `query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) { rows { rowId rowVersion } } }`,
      { p: planId },
    );
    const versions = new Map<string, number>(
      (read.data.sheetRows.rows as Array<{ rowId: string; rowVersion: number }>).map((r) => [r.rowId, r.rowVersion]),
    );
    const listener = listen(socketUrl(b), b.token, { planId, year: 2022 });
    const total: number[] = [];
    const afterAnswer: number[] = [];
    // when the event arrived on B's socket, which may be before A's answer arrives: the hop itself
    const arrived: number[] = [];
    try {
      await subscribed(b, 1, 60_000);
      // one unmeasured round: connections, JIT, the first statements' plans
      for (let n = -1; n < events; n++) {
        const rowId = rowIds[(n + rowIds.length) % rowIds.length];
        const sent = performance.now();
        const answer = await a.gql(SYNC, {
          b: {
            planId,
            year: 2022,
            rows: [{ rowId, rowVersion: versions.get(rowId), actual: String(50 + ((n + 1) % 97)) }],
          },
        });
        if (answer.data?.syncRows?.rows?.[0]) versions.set(rowId, answer.data.syncRows.rows[0].rowVersion);
        const answered = performance.now();
        if (answer.errors || answer.data.syncRows.applied !== 1)
          throw new Error(`the write on A failed: ${JSON.stringify(answer.errors ?? answer.data)}`);
        const event = await listener.next(30_000);
        const heard = performance.now();
        const arrival = listener.arrivals[listener.events.indexOf(event)];
        if (!event.rows.some((r) => r.rowId === rowId)) throw new Error('the event on B does not name the row written');
        if (n < 0) continue;
        total.push(heard - sent);
        afterAnswer.push(heard - answered);
        arrived.push(arrival - sent);
      }
    } finally {
      await listener.stop();
    }
    const p99 = percentile(total, 99);
    return {
      id: 'B7',
      name,
      unit: 'ms',
      measured: p99,
      baseline: null,
      ratio: null,
      goal: `p99 ≤ ${GOAL_MS} ms`,
      met: smoke ? null : p99 <= GOAL_MS,
      note:
        `${events} one-row syncs on A, each heard by a subscriber on B, on a plan of ${indicators} indicators: ` +
        `write sent → event p50 ${percentile(total, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${Math.max(...total).toFixed(0)} ms; ` +
        `A's answer → event p50 ${percentile(afterAnswer, 50).toFixed(0)} ms, p99 ${percentile(afterAnswer, 99).toFixed(0)} ms; ` +
        // the figure above waits for A's answer too (the loop reads the event after it); this one does not
        `write sent → event on B's socket p50 ${percentile(arrived, 50).toFixed(0)} ms, p99 ${percentile(arrived, 99).toFixed(0)} ms; ` +
        // a shared machine's load weighs on every figure: said, so a figure is read with it
        `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
      details: {
        events,
        indicators,
        p50: percentile(total, 50),
        p99,
        max: Math.max(...total),
        afterAnswerP50: percentile(afterAnswer, 50),
        afterAnswerP99: percentile(afterAnswer, 99),
        arrivedP50: percentile(arrived, 50),
        arrivedP99: percentile(arrived, 99),
        samples: total.map((t) => Math.round(t * 10) / 10),
        loadAverage: os.loadavg()[0],
      },
    };
  } finally {
    await b?.close();
    await a.close();
  }
}
