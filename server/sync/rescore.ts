import { Indicator } from '../entities';
import { forPeriod } from '../services/plan-snapshot';
import { computePlanScores, type PlanScores, type ScoreReuse } from '../services/realization';
import type { ServiceContext } from '../services/service-context';
import type { RealizationView } from '../services/realization-view';
import type { SyncOutcome } from './answer';
import { codeOf, levelOfNode, type PlanNode, type PlanState } from './plan-state';
import { isWrite, type RowPlan } from './row-plan';

const sameUnits = (a: string[] | undefined, b: string[] | undefined) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((id, k) => id === b![k]);

const parentsOf = (node: PlanNode) => {
  const i = node as Indicator;
  return `${i.operationalObjective?.id ?? '-'}|${i.strategicObjective?.id ?? '-'}`;
};

/**
 * What the answer of a batch can reuse of the scores kept before it (issue 15: the scores of one plan are computed
 * once per change, and a change of a few values scores those values, not the plan): `prev`, the scores of the state
 * the batch read (kept for the stamp read under the sync's turn, or left by the batch before it in the same turn),
 * when every row the batch wrote is an existing indicator that stays under the same parents and units, or a row it
 * created, and nothing else moved (no cruscotto entry placed or removed). Otherwise undefined, and the whole plan is
 * scored. The read rows must be read-only ones (the fast paths): with managed rows, `read` and `after` would be the
 * same objects and a move could not be seen.
 */
export function reuseFor(
  ctx: ServiceContext,
  prev: PlanScores | undefined,
  read: PlanState,
  after: PlanState,
  plans: RowPlan[],
  entriesMoved: boolean,
): ScoreReuse | undefined {
  if (!prev || entriesMoved || ctx.fastPaths === false) return undefined;
  const changed = scoredAgain(read, after, plans);
  return changed && { prev, changed };
}

/**
 * The indicators a rescore scores again: those of valuesOnly, and the ones the batch created. A created row of any
 * level has no kept result, so it is scored, and everything above it with it (realization.ts marks its parents);
 * nothing kept loses a child. Undefined when the batch deleted, moved or re-linked a row, or changed another level's.
 */
function scoredAgain(read: PlanState, after: PlanState, plans: RowPlan[]): Set<string> | undefined {
  const changed = new Set<string>();
  const updated: RowPlan[] = [];
  for (const p of plans) {
    if (p.status === 'created') {
      if (p.created instanceof Indicator) changed.add(p.created.id);
    } else if (isWrite(p)) updated.push(p);
  }
  const values = valuesOnly(read, after, updated);
  if (!values) return undefined;
  for (const id of values) changed.add(id);
  return changed;
}

/**
 * The indicators a batch wrote, when every row it wrote is an existing indicator that stays under the same parents
 * and units (its values changed, nothing moved); else undefined. Such a batch's state after it differs from the
 * state it read by those rows alone (kept-state.ts, shared-states.ts), whether or not scores were kept before it.
 */
export function valuesOnly(read: PlanState, after: PlanState, plans: RowPlan[]): Set<string> | undefined {
  const changed = new Set<string>();
  for (const p of plans) {
    if (!isWrite(p)) continue;
    // an update names an existing node (the apply phase sets `created` to it as well)
    if (p.status !== 'updated' || !(p.node instanceof Indicator)) return undefined;
    const was = read.nodes.get(p.node.id);
    const now = after.nodes.get(p.node.id);
    if (!was || !now || parentsOf(was) !== parentsOf(now)) return undefined;
    if (!sameUnits(read.snapshot.unitsOf.get(now.id), after.snapshot.unitsOf.get(now.id))) return undefined;
    changed.add(now.id);
  }
  return changed;
}

/**
 * The period's scores of the plan after the batch: only what it changed scored again, when `reuse` allows. Rescored,
 * the state's every-period rows are given as they are (the scoring picks the period's rows of the few indicators it
 * scores again): narrowing the whole plan to the period first was a third of a rescore (bench B7).
 */
export function scoresAfter(after: PlanState, reuse?: ScoreReuse): PlanScores {
  if (!reuse)
    return computePlanScores(forPeriod(after.snapshot, after.year, after.checkpoint), after.year, after.checkpoint);
  // the few indicators scored again find their period's rows in the state's indexes, built for the sheet already
  const rows = {
    targetOf: (indicatorId: string) => after.target(indicatorId, after.year),
    revisionsOf: (targetId: string) => after.revisionsOf.get(targetId),
    measurementOf: (indicatorId: string) => after.measurementOf.get(indicatorId),
  };
  return computePlanScores(after.snapshot, after.year, after.checkpoint, { ...reuse, rows });
}

/**
 * A sheet sync's change as the live feeds show it (server/live/feeds.ts), told with its commit: the rows it wrote
 * with their new versions, and the new scores of those rows and of everything above them (its answer's). Complete
 * only for a batch `reuseFor` accepted (existing indicators, nothing moved): then a feed of the same plan and period
 * tells its subscribers from this alone, without reading and scoring the plan again.
 */
export type SheetChange = {
  kind: 'sheet';
  planId: string;
  year: number;
  checkpoint: string;
  rows: Array<{ rowId: string; rowVersion: number; level: string; code: string | null }>;
  scores: Array<{ id: string; realization: RealizationView | null }>;
};

export function sheetChangeOf(after: PlanState, outcome: SyncOutcome): SheetChange {
  const rows: SheetChange['rows'] = [];
  const scores: SheetChange['scores'] = [];
  for (const row of outcome.rows) {
    const node = row.rowId ? after.nodes.get(row.rowId) : undefined;
    if (!node || row.rowVersion === null || row.status !== 'updated') continue;
    rows.push({ rowId: node.id, rowVersion: row.rowVersion, level: levelOfNode(node), code: codeOf(node) });
    scores.push({ id: node.id, realization: row.realization });
  }
  for (const a of outcome.affected) scores.push({ id: a.id, realization: a.realization });
  return { kind: 'sheet', planId: outcome.planId, year: outcome.year, checkpoint: outcome.checkpoint, rows, scores };
}
