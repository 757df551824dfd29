import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { nextTurn } from '../speed/next-turn';
import { runStepsOnTurns } from '../speed/steps';
import type { ComputeGate } from './gate';
import { answerOf, type PlanTask, type PlanTaskOf, type PlanTaskResults, planTaskSteps, recordsOf } from './plan-tasks';
import type { ThreadTask } from './plan-worker';
import { receiveSlices, sendInSlices } from './slices';

/**
 * Where plan-wide computations run (issue 13, item 5). With threads, in a pool of worker threads: the event loop
 * only reads the rows and answers, so `/health` and small requests are served while a viewer's report of a
 * 5,000-indicator plan is computed. Without (COMPUTE_THREADS=0), on the event loop, in steps that give it a turn
 * every 10 ms (server/speed/steps.ts). The answers are the same either way: the same pure functions (plan-tasks.ts)
 * run in both.
 */
export type PlanCompute = {
  run<K extends PlanTask['kind']>(task: PlanTaskOf<K>): Promise<PlanTaskResults[K]>;
  /** the threads of the pool, 0 on the event loop */
  readonly threads: number;
  /** tasks given and not yet answered (on the event loop a task never waits, so 0 between turns) */
  inFlight(): number;
  /** ends the threads once the tasks queued are done (the app's release, after the HTTP drain) */
  close(): Promise<void>;
};

export const ON_EVENT_LOOP: PlanCompute = {
  threads: 0,
  inFlight: () => 0,
  run: (task) => runStepsOnTurns(planTaskSteps(task)),
  async close() {},
};

/**
 * How a thread loads the worker: the built server (`npm start`, dist/) runs the compiled plan-worker.js; tests,
 * benchmarks and scripts run the TypeScript sources, and the thread gets the same hooks `npm run bench` uses
 * (ts-node, transpile only, and tsconfig-paths for `@core/`).
 */
function workerFile(): { filename: string; execArgv: string[] } {
  const compiled = path.extname(__filename) === '.js';
  const filename = path.join(__dirname, `plan-worker${compiled ? '.js' : '.ts'}`);
  // both hooks find the repository's tsconfig.json from the working directory, as they do for `npm run bench`
  const execArgv = compiled ? [] : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
  return { filename, execArgv };
}

/** `gate`: a test's hold on the threads' computations (gate.ts), never set outside tests. */
export function openPlanCompute(threads: number, gate?: ComputeGate): PlanCompute {
  if (threads <= 0) return ON_EVENT_LOOP;
  const { filename, execArgv } = workerFile();
  const pool = new Piscina({
    filename,
    execArgv,
    minThreads: threads,
    maxThreads: threads,
    // a thread stays for the life of the app: starting one (loading the scoring code) costs more than a task
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  let inFlight = 0;
  let closed = false;
  /** close()'s wait for the tasks in flight */
  let whenIdle: (() => void) | undefined;
  return {
    threads,
    inFlight: () => inFlight,
    async run(task) {
      // a closed piscina pool would start threads again for a late task: after the drain there is none to serve
      if (closed) throw new Error('compute threads closed (the server is shutting down)');
      inFlight++;
      const channel = new MessageChannel();
      try {
        const { snapshot, ...rest } = task;
        const thread: ThreadTask = { task: rest, port: channel.port2, gate };
        const done = pool.run(thread, { transferList: [channel.port2] });
        // the answer's records, read as they come (each slice a task of the event loop of its own)
        const answer = (async () => {
          const records: object[] = [];
          for (let i = 0; i < recordsOf(task); i++) records.push(await receiveSlices(channel.port1));
          return answerOf(task, records) as PlanTaskResults[typeof task.kind];
        })();
        // the rows go a slice per turn: copying them whole was a block of a quarter of a second (slices.ts)
        await sendInSlices(channel.port1, snapshot, nextTurn);
        const [result] = await Promise.all([answer, done]);
        return result;
      } finally {
        channel.port1.close();
        inFlight--;
        if (inFlight === 0) whenIdle?.();
      }
    },
    async close() {
      closed = true;
      // not piscina's close(): it leaves its 30-second close timer running after the pool has emptied (piscina
      // 4.9), which held a test run open for half a minute after its last test; the tasks are ours to wait for
      if (inFlight > 0) await new Promise<void>((resolve) => (whenIdle = resolve));
      await pool.destroy();
    },
  };
}
