import os from 'node:os';
import { HANG_GUARD_MS, listen, type Listener, socketUrl } from '../test/helpers/live';
import type { PlanShape } from '../test/helpers/synthetic-plan';
import {
  type Acknowledged,
  type Acknowledgement,
  CYCLE,
  type Failure,
  lostWrites,
  type Pane,
  percentile,
  type Sample,
  unheard,
} from './addin-mix';
import { startInstances } from './instances';
import { SHEET_ROWS, SYNC_ROWS } from '../addin/src/api/queries';
import { indicatorRows, openPanes } from './load-addin';
import type { BenchResult } from './measure';

/** What a failover run saw (bench B8 and test/integration/failover.test.ts read it). */
export type FailoverRun = {
  killedAfterMs: number;
  requests: number;
  /** failures of requests sent to the killed instance (expected: it died under them) */
  onKilled: Failure[];
  /** failures on the instance that stayed (the goal: none) */
  onSurvivor: Failure[];
  acknowledged: number;
  lost: Array<{ rowId: string; sent: string; stored: string | null }>;
  /** rows acknowledged writes changed that the subscriber of the killed instance neither heard nor caught up with */
  missedBySubscriber: string[];
  /** rows it caught up with through sheetRows(after: cursor) after reconnecting */
  caughtUp: number;
  survivorP99: number;
  subscriberOnSurvivorHeard: number;
  /** when things happened, ms after the load started: what explains a row the subscriber missed */
  timeline: Record<string, number | string | null>;
  /** each missed row: who acknowledged it and when, and whether a catch-up from the same cursor finds it now */
  missedWhy: Array<Record<string, unknown>>;
};

async function subscriptionsOn(url: string): Promise<number> {
  // a probe that fails (a kept-alive socket closed by the server) is asked again by until()
  const text = await fetch(`${url}/metrics`)
    .then((r) => r.text())
    .catch(() => '');
  const line = text.split('\n').find((l) => l.startsWith('cruscotto_subscriptions '));
  return line ? Number(line.split(' ').pop()) : 0;
}

async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The cursor of a read of the plan's rows (sheetRows' `cursor`): where a catch-up starts from. */
async function readCursor(url: string, token: string, planId: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) { cursor } }`,
      variables: { p: planId },
    }),
  });
  return ((await response.json()) as { data: { sheetRows: { cursor: string } } }).data.sheetRows.cursor;
}

const countAt = (cursor: string) => Buffer.from(cursor, 'base64url').toString().split(':')[1] ?? null;

/** the arrival of a listener's last event, ms after `started` (arrivals are performance.now() times) */
function lastArrival(listener: Listener, started: number): number | null {
  const last = listener.arrivals.at(-1);
  return last === undefined ? null : Math.round(last - (started - Date.now() + performance.now()));
}

/** Each missed row as the database holds it now, and whether a catch-up from the subscriber's cursor lists it now. */
async function explainMissed(
  rowIds: string[],
  at: { b: string; token: string; planId: string; cursor: string; started: number },
): Promise<Array<Record<string, unknown>>> {
  if (rowIds.length === 0) return [];
  const response = await fetch(`${at.b}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${at.token}` },
    body: JSON.stringify({
      query: `query($p: ID!, $c: String) {
        all: sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) { rows { rowId rowVersion updatedAt } }
        delta: sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END, after: $c) { rows { rowId } } }`,
      variables: { p: at.planId, c: at.cursor },
    }),
  });
  type Row = { rowId: string; updatedAt: string };
  const answer = (await response.json()) as { data?: Record<'all' | 'delta', { rows: Row[] }>; errors?: unknown };
  if (!answer.data) return rowIds.map((rowId) => ({ rowId, unexplained: answer.errors }));
  const { all, delta } = answer.data;
  return rowIds.map((rowId) => {
    const row = all.rows.find((r) => r.rowId === rowId);
    const updatedAt = row ? new Date(row.updatedAt).getTime() - at.started : null;
    return { rowId, listedNowFromCursor: delta.rows.some((r) => r.rowId === rowId), ...row, updatedAt };
  });
}

function heardBy(listeners: Listener[], caughtUp: string[]): Set<string> {
  return new Set([...listeners.flatMap((l) => l.events.flatMap((e) => e.rows.map((r) => r.rowId))), ...caughtUp]);
}

/**
 * A write of the bench's own on `url`, once the panes have stopped, and the wait for a subscriber to hear it: the
 * fence after which every event published before it has reached that subscriber.
 */
function fenceOf(url: string, token: string, planId: string, rowId: string) {
  const post = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: unknown };
  };
  const vars = { planId, year: 2022, checkpoint: 'YEAR_END' };
  return async (subscriber: Listener): Promise<{ rowId: string; actual: string }> => {
    const read = await post(SHEET_ROWS, { ...vars, since: null, after: null, dashboards: false });
    type Row = { rowId: string; rowVersion: number; actual: { raw: string } | null };
    const row = (read.data.sheetRows.rows as Row[]).find((r) => r.rowId === rowId)!;
    const actual = String((Number(row.actual?.raw) || 0) + 1);
    const rows = [{ rowId, rowVersion: row.rowVersion, actual }];
    const answer = await post(SYNC_ROWS, { input: { ...vars, mode: 'PARTIAL', batchKey: `fence-${rowId}`, rows } });
    const written = answer.data?.syncRows.rows[0] as { status: string; rowVersion: number } | undefined;
    if (written?.status !== 'UPDATED') throw new Error(`the fence: ${JSON.stringify(answer)}`);
    const heard = (r: { rowId: string; rowVersion: number }) =>
      r.rowId === rowId && r.rowVersion === written.rowVersion;
    await until(async () => subscriber.events.some((e) => e.rows.some(heard)), 120_000, 'the fence heard');
    return { rowId, actual };
  };
}

/**
 * Two instances on PostgreSQL + Redis under the add-in's load (bench/addin-mix.ts), panes spread over both, and a
 * subscriber on each. After `killAfterMs`, instance A gets SIGKILL (no drain, no goodbye). A pane whose request
 * fails there does what a load balancer makes of it: its next request goes to B, after it re-reads its rows'
 * versions. A's subscriber, closed with its socket, subscribes on B and asks sheetRows(after) from the cursor of its
 * last read (its read when it subscribed), as the add-in does. Then every acknowledged write is read back.
 */
export async function runFailover(
  shape: PlanShape,
  connections: number,
  seconds: number,
  killAfterMs: number,
): Promise<FailoverRun> {
  const inst = await startInstances('postgresql', 2, shape);
  const listeners: Listener[] = [];
  try {
    const [a, b] = inst.urls;
    const samples: Sample[] = [];
    const failures: Failure[] = [];
    const acknowledged: Acknowledged = Object.assign(new Map<string, string>(), {
      log: new Map<string, Acknowledgement>(),
    });
    const panes = await openPanes(inst, connections, samples, failures, acknowledged);
    // the fence's row: one no pane edits, or (a smoke's tiny plan has none) a pane's, written after the panes stopped
    const owned = new Set(panes.flatMap((p) => p.rowIds));
    const fenceRow = (await indicatorRows(a, inst.token, inst.planId)).find((rowId) => !owned.has(rowId));
    const fence = fenceOf(b, inst.token, inst.planId, fenceRow ?? panes[0].rowIds[0]);
    const vars = { planId: inst.planId, year: 2022, checkpoint: 'YEAR_END' };
    const onA = listen(socketUrl({ url: a }), inst.token, vars);
    // the subscriber's read of its rows as it subscribes: the cursor it catches up from (commit order, issue 15)
    const cursor = await readCursor(a, inst.token, inst.planId);
    const onB = listen(socketUrl({ url: b }), inst.token, vars);
    listeners.push(onA, onB);
    await until(
      async () => (await subscriptionsOn(a)) === 1 && (await subscriptionsOn(b)) === 1,
      HANG_GUARD_MS,
      'subscriptions',
    );

    const started = Date.now();
    const timeline: Record<string, number | string | null> = { cursor: countAt(cursor) };
    const mark = (what: string) => (timeline[what] = Date.now() - started);
    const end = started + seconds * 1000;
    let killedAt = 0;
    const killer = new Promise<void>((resolve) =>
      setTimeout(() => {
        killedAt = Date.now();
        inst.servers[0].child.kill('SIGKILL');
        resolve();
      }, killAfterMs),
    );
    // A's subscriber: closed by the kill, then on B, catching up from the last event it heard
    let caughtUpRows: string[] = [];
    let onAgain: Listener | null = null;
    let reconnectError: unknown = null;
    const reconnect = onA.closed.then(async () => {
      mark('closedOnA');
      onAgain = listen(socketUrl({ url: b }), inst.token, vars);
      listeners.push(onAgain);
      // the catch-up starts once B says it listens (its `subscribed` event): a write committed between the socket's
      // opening and the registration is then in it (server/live/feeds.ts)
      const listening = await Promise.race([
        onAgain.subscribed.then(() => true),
        onAgain.closed.then(() => false),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), HANG_GUARD_MS).unref()),
      ]);
      if (!listening) throw new Error(`the subscriber again on B: not subscribed within ${HANG_GUARD_MS} ms`);
      mark('subscribedOnB');
      const response = await fetch(`${b}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${inst.token}` },
        body: JSON.stringify({
          query: `query($p: ID!, $c: String) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END, after: $c) { rows { rowId } cursor } }`,
          variables: { p: inst.planId, c: cursor },
        }),
      });
      mark('caughtUp');
      const page = (await response.clone().json()).data.sheetRows as { cursor: string };
      timeline.caughtUpCursor = countAt(page.cursor);
      caughtUpRows = ((await response.json()).data.sheetRows.rows as Array<{ rowId: string }>).map((r) => r.rowId);
    });
    // held until the panes are done, then thrown: a rejection nobody awaits yet would end the process
    reconnect.catch((error: unknown) => (reconnectError = error));

    const drive = async (pane: Pane) => {
      let bound = true;
      while (Date.now() < end) {
        if (!bound) {
          // re-reading its versions on B can fail too (B carries everyone's load now): that is an error the
          // survivor showed, counted as such, and the pane asks again instead of ending the whole run
          bound = await pane.bind().then(
            () => true,
            (error: Error) => (failures.push({ op: 'bind', url: b, what: error.message }), false),
          );
          continue;
        }
        const ok = await pane.step();
        if (!ok && pane.url === a && killedAt > 0) {
          pane.url = b;
          bound = false;
        }
      }
    };
    await Promise.all([...panes.map(drive), killer]);
    mark('loadDone');
    timeline.killed = killedAt - started;
    await reconnect.catch(() => undefined);
    if (reconnectError) throw reconnectError;
    // what the subscriber had heard a second after the load: the wait of the runs before 6 December (issue 15)
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const heardAfterOneSecond = heardBy([onA, onAgain!], caughtUpRows);
    // then a fence: a write on B after every acknowledged one, heard by the subscriber once every event B published
    // before it has been told (B publishes at each commit, in commit order; Redis and the feed keep that order)
    const fenced = await fence(onAgain!);
    // a pane's row (a smoke's) holds the fence's value now: the last acknowledged one
    if (acknowledged.has(fenced.rowId)) acknowledged.set(fenced.rowId, fenced.actual);
    mark('fenceHeard');

    const lost = await lostWrites(b, inst.token, inst.planId, acknowledged);
    const heard = heardBy([onA, onAgain!], caughtUpRows);
    const missed = unheard(acknowledged, heard);
    timeline.missedAfterOneSecond = unheard(acknowledged, heardAfterOneSecond).join(' ');
    const missedWhy = await explainMissed(missed, { b, token: inst.token, planId: inst.planId, cursor, started });
    for (const m of missedWhy) Object.assign(m, { ack: acknowledged.log!.get(m.rowId as string) });
    for (const m of missedWhy) (m.ack as { at: number }).at -= started;
    timeline.lastEventOnA = lastArrival(onA, started);
    timeline.lastEventAgain = lastArrival(onAgain!, started);
    timeline.eventsAgain = onAgain!.events.length;
    const survivor = samples.filter((s) => s.url === b).map((s) => s.ms);
    // B's syncs answered before the kill and after it, p50 / p99 / n: a wait on something of A's would show after
    const syncsOnB = (after: boolean) => {
      const ms = samples.filter((s) => s.url === b && s.op === 'sync' && s.at > killedAt === after).map((s) => s.ms);
      return `${percentile(ms, 50).toFixed(0)} / ${percentile(ms, 99).toFixed(0)} / ${ms.length}`;
    };
    timeline.syncsOnBBeforeKill = syncsOnB(false);
    timeline.syncsOnBAfterKill = syncsOnB(true);
    return {
      killedAfterMs: killedAt - started,
      requests: samples.length,
      onKilled: failures.filter((f) => f.url === a),
      onSurvivor: failures.filter((f) => f.url === b),
      acknowledged: acknowledged.size,
      lost,
      missedBySubscriber: missed,
      caughtUp: caughtUpRows.length,
      survivorP99: percentile(survivor, 99),
      subscriberOnSurvivorHeard: onB.events.length,
      timeline,
      missedWhy,
    };
  } finally {
    await Promise.all(listeners.map((l) => l.stop().catch(() => undefined)));
    await inst.close();
  }
}

/** B8: the failover run as a bench figure; the goal is counts (0 lost, 0 errors on B, nothing missed). */
export async function benchFailover(
  shape: PlanShape,
  connections: number,
  seconds: number,
  smoke: boolean,
): Promise<BenchResult> {
  const run = await runFailover(shape, connections, seconds, Math.round((seconds * 1000) / 3));
  const bad = run.lost.length + run.onSurvivor.length + run.missedBySubscriber.length;
  return {
    id: 'B8',
    name: `failover: kill -9 of one of two instances (PostgreSQL + Redis) under the add-in's load, ${connections} panes for ${seconds} s`,
    unit: 'errors',
    measured: bad,
    baseline: null,
    ratio: null,
    goal: '0 acknowledged writes lost, 0 errors on the other instance, the subscriber catches up',
    met: smoke ? null : bad === 0,
    note:
      `instance A killed after ${(run.killedAfterMs / 1000).toFixed(1)} s; ${run.requests} requests (cycle of ${CYCLE.length}); ` +
      `${run.onKilled.length} failed on A as it died, ${run.onSurvivor.length} on B (p99 on B ${run.survivorP99.toFixed(0)} ms); ` +
      `${run.acknowledged} rows acknowledged, ${run.lost.length} lost; A's subscriber reconnected to B and caught up with ${run.caughtUp} rows ` +
      `through sheetRows(after: cursor), ${run.missedBySubscriber.length} rows changed by acknowledged writes never seen; ` +
      `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores` +
      (smoke ? ' (smoke)' : ''),
    details: {
      ...run,
      lost: run.lost.slice(0, 5),
      onKilled: run.onKilled.slice(0, 5),
      onSurvivor: run.onSurvivor.slice(0, 5),
    },
  };
}
