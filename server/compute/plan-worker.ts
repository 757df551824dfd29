import { type PlanTask, plainScores, runPlanTask } from './plan-tasks';
import type { PlanScores } from '../services/realization';

/** The entry of a compute thread (piscina calls the default export with each task): one plan task, plain data in and out. */
export default function planWorker(task: PlanTask) {
  const result = runPlanTask(task);
  return task.kind === 'scores' ? plainScores(result as PlanScores) : result;
}
