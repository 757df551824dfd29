import type { MessagePort } from 'node:worker_threads';
import type { PlanSnapshot } from '../services/plan-snapshot';
import { type ComputeGate, passComputeGate } from './gate';
import { type PlanTask, runPlanTask, toRecords } from './plan-tasks';
import { receiveSlices, sendInSlices } from './slices';

/**
 * What piscina hands a thread: the task without its rows, the port its rows come in and its answer goes out by, and
 * in tests the gate it may be held at (gate.ts).
 */
export type ThreadTask = { task: Omit<PlanTask, 'snapshot'>; port: MessagePort; gate?: ComputeGate };

/**
 * The entry of a compute thread (piscina calls the default export with each task): the rows arrive in slices, the
 * task runs, and its answer goes back in slices (slices.ts), plain data both ways.
 */
export default async function planWorker({ task, port, gate }: ThreadTask): Promise<void> {
  try {
    const snapshot = await receiveSlices<PlanSnapshot>(port);
    passComputeGate(gate);
    const whole = { ...task, snapshot } as PlanTask;
    for (const record of toRecords(whole, runPlanTask(whole))) await sendInSlices(port, record);
  } finally {
    port.close();
  }
}
