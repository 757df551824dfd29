/**
 * The answer phase of a sheet sync: per row its status, errors, new id and row version, the server's row for a
 * conflict, and its score; plus the score of every ancestor, the plan and every dashboard the batch touched, from the
 * scores of the plan as it now is in memory (not re-read; rescore.ts).
 */
import type { Checkpoint } from '@core/vocabulary/enums';
import type { AffectedLevel } from '@core/vocabulary/results';
import type { CellError } from '@core/sheet/messages';
import { Indicator, OperationalObjective, Perspective, StrategicObjective } from '../entities';
import { AuditEvent } from '../entities/audit-event';
import type { PlanScores } from '../services/realization';
import { realizationView, type RealizationView } from '../services/realization-view';
import type { ServiceContext } from '../services/service-context';
import { levelOfNode, parentIdOf, type PlanNode, type PlanState } from './plan-state';
import { isWrite, type RowPlan, type RowStatus, type SyncInput, type SyncMode } from './row-plan';
import { sheetRowOf, type SheetRowOut } from './sheet-rows';

/** Who last changed a row and when, as the audit trail says (null where it says nothing) */
export type LastChange = { changedBy: string | null; changedAt: Date | null };

export type RowResult = {
  index: number;
  clientRef: string | null;
  rowId: string | null;
  status: RowStatus;
  rowVersion: number | null;
  errors: CellError[];
  /** for a conflict: the row as the server has it, and who changed it when */
  current: (SheetRowOut & LastChange) | null;
  realization: RealizationView | null;
};

export type AffectedScore = {
  id: string;
  level: AffectedLevel;
  code: string | null;
  realization: RealizationView | null;
};

export type SyncOutcome = {
  planId: string;
  year: number;
  checkpoint: Checkpoint;
  mode: SyncMode;
  batchKey: string | null;
  replayed: boolean;
  applied: number;
  rows: RowResult[];
  affected: AffectedScore[];
};

/** The answer: per row its status, errors, new id and version, and scores; plus every ancestor and dashboard touched. */
export async function outcomeOf(
  ctx: ServiceContext,
  before: PlanState,
  after: PlanState,
  plans: RowPlan[],
  input: SyncInput,
  scores: PlanScores,
  held: ReadonlyArray<HeldEvent> = [],
): Promise<SyncOutcome> {
  const applied = plans.filter(isWrite).length;
  const conflicts = await conflictDetails(
    ctx,
    before,
    plans.filter((p) => p.status === 'conflict'),
    held,
  );
  const view = (r: Parameters<typeof realizationView>[0]) => realizationView(r, input.year, input.checkpoint);

  const rows: RowResult[] = plans.map((p) => {
    const node = p.created ?? p.node;
    const live = node && p.status !== 'deleted' ? after.nodes.get(node.id) : undefined;
    return {
      index: p.parsed.index,
      clientRef: p.parsed.input.clientRef ?? null,
      rowId: p.status === 'rejected' && !p.node ? null : (node?.id ?? null),
      status: p.status!,
      rowVersion: live ? after.rowVersion(live) : null,
      errors: p.errors,
      current: conflicts.get(p) ?? null,
      realization: live ? view(scoreOf(scores, live)) : null,
    };
  });
  return {
    planId: input.planId,
    year: input.year,
    checkpoint: input.checkpoint,
    mode: input.mode,
    batchKey: input.batchKey ?? null,
    replayed: false,
    applied,
    rows,
    affected: affectedScores(after, plans, scores, view),
  };
}

function scoreOf(scores: PlanScores, node: PlanNode) {
  if (node instanceof Indicator) return scores.indicators.get(node.id);
  if (node instanceof OperationalObjective) return scores.operationalObjectives.get(node.id);
  if (node instanceof StrategicObjective) return scores.strategicObjectives.get(node.id);
  return scores.perspectives.get(node.id);
}

/** Ancestors of every applied row, the plan, and every dashboard listing a changed indicator. */
function affectedScores(
  state: PlanState,
  plans: RowPlan[],
  scores: PlanScores,
  view: (r: any) => RealizationView | null,
): AffectedScore[] {
  const ancestors = new Set<string>();
  const indicators = new Set<string>();
  for (const p of plans) {
    if (!isWrite(p)) continue;
    const start = p.status === 'deleted' ? p.node && parentIdOf(p.node) : (p.created ?? p.node)?.id;
    if ((p.created ?? p.node) instanceof Indicator) indicators.add((p.created ?? p.node)!.id);
    for (let id = start ?? null; id;) {
      const node = state.nodes.get(id);
      if (!node) break;
      if (!(node instanceof Indicator)) ancestors.add(id);
      id = parentIdOf(node);
    }
  }
  if (ancestors.size === 0 && indicators.size === 0) return [];
  const out: AffectedScore[] = [];
  for (const id of ancestors) {
    const node = state.nodes.get(id)!;
    const level = levelOfNode(node) as AffectedScore['level'];
    out.push({
      id,
      level,
      code: node instanceof Perspective ? node.name : (node as StrategicObjective).code,
      realization: view(scoreOf(scores, node)),
    });
  }
  out.push({ id: state.plan.id, level: 'plan', code: state.plan.label, realization: view(scores.plan) });
  const dashboards = new Set(
    state.snapshot.entries.filter((e) => indicators.has(e.indicator.id)).map((e) => e.dashboard.id),
  );
  for (const d of state.snapshot.dashboards) {
    if (dashboards.has(d.id))
      out.push({ id: d.id, level: 'dashboard', code: d.name, realization: view(scores.dashboards.get(d.id)) });
  }
  return out;
}

/** an audit event recorded in this transaction, held for the turn's end (sync-rows.ts; on SQLite inserted already) */
type HeldEvent = { entityId: string; actor?: string | null; at?: Date | string | null };

/**
 * For each conflict: the server's row and the last change to it (who, when), read with one statement; the events
 * `held` (recorded in order, this turn's: inserted at its end, or on SQLite as recorded) are later than any other.
 */
async function conflictDetails(
  ctx: ServiceContext,
  state: PlanState,
  conflicts: RowPlan[],
  held: ReadonlyArray<HeldEvent>,
) {
  const out = new Map<RowPlan, SheetRowOut & LastChange>();
  if (conflicts.length === 0) return out;
  const members = new Map(conflicts.map((p) => [p, state.memberIds(p.node!)]));
  const events = await ctx.em.find(
    AuditEvent,
    { entityId: { $in: [...members.values()].flat() } },
    { orderBy: { at: 'desc' } },
  );
  const latest = [...held].reverse();
  for (const [p, ids] of members) {
    const last = latest.find((e) => ids.includes(e.entityId)) ?? events.find((e) => ids.includes(e.entityId));
    out.set(p, {
      ...sheetRowOf(state, p.node!),
      changedBy: last?.actor ?? null,
      changedAt: last?.at ? new Date(last.at) : null,
    });
  }
  return out;
}
