import { type PlanTask, runPlanTask } from './plan-tasks';

/** The entry of a compute thread (piscina calls the default export with each task): one plan task, plain data in and out. */
export default function planWorker(task: PlanTask) {
  return runPlanTask(task);
}
