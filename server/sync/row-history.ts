/**
 * A sheet row's history: the audit events of the rows its change is made of (its node, and for an indicator the
 * targets, their revisions and the actual of the period), read in the plan as it is now. One rule for `rowHistory`,
 * `rowHistoryConnection` and who last changed each cell (field-changes.ts).
 */
import type { Checkpoint } from '@core/vocabulary/enums';
import { NotFoundError } from '../errors';
import type { ServiceContext } from '../services/service-context';
import { loadPlanState, type PlanState } from './plan-state';

/** The ids whose events are the row's history; a row the plan no longer holds (deleted) keeps its own. */
export function historyIds(state: PlanState, rowId: string): string[] {
  const node = state.nodes.get(rowId);
  return node ? state.memberIds(node) : [rowId];
}

export type RowOfPeriod = { planId: string; rowId: string; year: number; checkpoint: Checkpoint };

/**
 * The row's history as `read` gives it (every event, or a page of them) with `count` its number of events. A row the
 * plan does not hold and no event names is not found.
 */
export async function readRowHistory<Events>(
  ctx: Pick<ServiceContext, 'em' | 'fastPaths'>,
  { planId, rowId, year, checkpoint }: RowOfPeriod,
  read: (ids: string[]) => Promise<Events>,
  count: (events: Events) => number,
): Promise<Events> {
  const state = await loadPlanState(ctx.em, planId, year, checkpoint, { readOnly: ctx.fastPaths });
  const events = await read(historyIds(state, rowId));
  if (!state.nodes.has(rowId) && count(events) === 0) throw new NotFoundError('row', rowId);
  return events;
}
