import fs from 'node:fs';
import { CYCLE, type Failure, type Sample } from './addin-mix';
import { procCpuMs } from './capacity';
import { startInstances } from './instances';
import { openPanes } from './load-addin';

/**
 * B4's work on SQLite without its concurrency: the 50 panes of B4 (same plan, rows and documents) each send
 * CYCLES cycles, one request at a time across all panes, and the server's CPU (all threads, and its event loop) is
 * divided by the requests. The same requests in the same order every run, so before/after pairs compare the CPU
 * of the same work, which B4's own account cannot (its mix moves with the load: a slow sync means fewer cycles).
 *   npx ts-node --swc -r tsconfig-paths/register bench/b4-fixed.ts
 * With SERVER_CPU_PROF_DIR, B4_FIXED_WINDOWS=file writes each request's time window (op, from, to in µs of the
 * monotonic clock the profile's timestamps use), to split the server's profile by request kind.
 * B4_FIXED_ORDER=staggered: pane k starts k steps into its cycle, so each round of the 50 panes mixes the kinds as B4
 * does (a sync every ~6 requests, each making a new plan state, each pane's delta from its own cursor); the default
 * order (every pane the same step, then the next) reads one state with all 50 panes, and so shows the work done once
 * per state (a new state's rows written for the reads) only once per 50 reads, where B4 pays it every few requests.
 */
async function main(): Promise<void> {
  const cycles = Number(process.env.BENCH_CYCLES ?? 2);
  const shape = { perspectives: 4, strategic: 12, operational: 10, indicators: 10 };
  const inst = await startInstances('sqlite', 1, shape);
  try {
    const samples: Sample[] = [];
    const failures: Failure[] = [];
    const panes = await openPanes(inst, 50, samples, failures, new Map());
    for (let n = 0; n < CYCLE.length; n++) await panes[0].step();
    if (process.env.B4_FIXED_ORDER === 'staggered')
      for (const [k, pane] of panes.entries()) for (let n = 0; n < k % CYCLE.length; n++) await pane.step();
    samples.splice(0);
    const pid = inst.servers[0].child.pid!;
    const before = { all: procCpuMs(pid), loop: procCpuMs(pid, pid), at: performance.now() };
    // one request at a time: the event loop's CPU between two answers is the second request's (what a request
    // leaves to run after its answer counts for the next one)
    const loopMs = new Map(CYCLE.map((op) => [op, 0]));
    let last = before.loop;
    // each request's window on the monotonic clock a server's .cpuprofile counts in (µs), to split a profile by request kind
    const windows: Array<{ op: string; from: number; to: number }> = [];
    const clock = () => Number(process.hrtime.bigint() / 1000n);
    for (let c = 0; c < cycles; c++)
      for (let n = 0; n < CYCLE.length; n++)
        for (const pane of panes) {
          const from = clock();
          await pane.step();
          const now = procCpuMs(pid, pid);
          const { op } = samples[samples.length - 1];
          loopMs.set(op, loopMs.get(op)! + now - last);
          last = now;
          windows.push({ op, from, to: clock() });
        }
    if (process.env.B4_FIXED_WINDOWS) fs.writeFileSync(process.env.B4_FIXED_WINDOWS, JSON.stringify(windows));
    const all = procCpuMs(pid) - before.all;
    const loop = procCpuMs(pid, pid) - before.loop;
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const byOp: Record<string, { n: number; meanMs: number; eventLoopMs: number }> = {};
    for (const op of new Set(CYCLE)) {
      const ms = samples.filter((s) => s.op === op).map((s) => s.ms);
      const eventLoopMs = round(loopMs.get(op)! / ms.length);
      byOp[op] = { n: ms.length, meanMs: round(ms.reduce((a, b) => a + b, 0) / ms.length), eventLoopMs };
    }
    console.log(
      JSON.stringify({
        requests: samples.length,
        failures: failures.length,
        seconds: (performance.now() - before.at) / 1000,
        serverMsPerRequest: all / samples.length,
        eventLoopMsPerRequest: loop / samples.length,
        byOperation: byOp,
      }),
    );
  } finally {
    await inst.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
