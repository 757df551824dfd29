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
    samples.splice(0);
    const pid = inst.servers[0].child.pid!;
    const before = { all: procCpuMs(pid), loop: procCpuMs(pid, pid), at: performance.now() };
    for (let c = 0; c < cycles; c++) for (let n = 0; n < CYCLE.length; n++) for (const pane of panes) await pane.step();
    const all = procCpuMs(pid) - before.all;
    const loop = procCpuMs(pid, pid) - before.loop;
    const byOp: Record<string, { n: number; meanMs: number }> = {};
    for (const op of new Set(CYCLE)) {
      const ms = samples.filter((s) => s.op === op).map((s) => s.ms);
      byOp[op] = { n: ms.length, meanMs: Math.round((ms.reduce((a, b) => a + b, 0) / ms.length) * 10) / 10 };
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
