import type { Checkpoint } from '@core/vocabulary/enums';
import { stateScores } from '../export/sheet-data';
import { changedFrom, countOfCursor } from '../services/commit-order';
import { readPlanStamp } from '../services/plan-stamp';
import type { PlanScores } from '../services/realization';
import { countCacheLookup } from '../ops/metrics';
import { keepNewest } from '../services/newest-kept';
import { PLAN_SCORES, snapshotBytes } from '../services/score-snapshots';
import { nextTurn } from '../speed/next-turn';
import { loadPlanState, type PlanState, SHEET_STATES } from '../sync/plan-state';
import type { Context } from './context';

/** What every `sheetRows` read starts from: the time, the plan's stamp and change count, the plan state of that stamp. */
export type SheetRead = {
  serverTime: Date;
  stamp: Awaited<ReturnType<Context['snapshots']['stamp']>>;
  changeCount: number;
  state: PlanState;
  /** the stamp's kept scores, taken with the stamp */
  kept: PlanScores | undefined;
};

/**
 * The plan state a `sheetRows` read shows, for the resolver (sync.resolver.ts) and the realization read that
 * serves the same rows without executing them (realization-rows.ts).
 */
export async function readSheet(
  ctx: Context,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
): Promise<SheetRead> {
  const serverTime = new Date();
  // the stamp before the rows: scores kept under it are never older than it (server/services/score-snapshots.ts),
  // and its change count is the read's cursor: every commit up to it is in the rows read (commit-order.ts)
  const first = await ctx.snapshots.stamp(ctx.em, planId);
  const firstCount = (first ?? (await readPlanStamp(ctx.em, planId))).changeCount;
  // taken now, not when the rows are scored: under a train of syncs a read reaches its scores after later commits,
  // whose drops free the scores of its stamp (bench B4: such reads scored the whole plan again, on the pool)
  const keptFirst = ctx.snapshots.peek(planId, year, checkpoint, first?.value ?? '')?.scores;
  const load = (stop?: AbortSignal) =>
    loadPlanState(ctx.em, planId, year, checkpoint, { readOnly: ctx.fastPaths, sliced: true, stop });
  // read-only rows no reader changes: kept under the stamp, so an unchanged plan's rows are not read again (a
  // delta, "Refresh scores"); managed ones belong to this request. A later stamp's state kept while this one's is
  // read answers the read, with that stamp (keepNewest)
  const { stamp, value: state } = ctx.fastPaths
    ? await keepNewest(
        ctx.snapshots,
        { kind: SHEET_STATES, stamp: first, year, checkpoint },
        load,
        (s) => snapshotBytes(s.snapshot),
        () => ctx.snapshots.stamp(ctx.em, planId),
      )
    : { stamp: first, value: await load() };
  // a later stamp's state comes with that stamp's count and kept scores
  if (stamp !== first && stamp) {
    const kept = ctx.snapshots.peek(planId, year, checkpoint, stamp.value)?.scores;
    return { serverTime, stamp, changeCount: stamp.changeCount, state, kept };
  }
  return { serverTime, stamp, changeCount: firstCount, state, kept: keptFirst };
}

/** The read's scores: computed once per change of the plan, on a turn of their own ("Refresh scores"). */
export async function sheetScores(ctx: Context, { stamp, state, kept }: SheetRead): Promise<PlanScores> {
  await nextTurn();
  if (kept) {
    countCacheLookup(PLAN_SCORES, true);
    return kept;
  }
  return stateScores(ctx.snapshots, stamp, state, ctx.fastPaths, ctx.compute);
}

/**
 * Where a `sheetRows` read starts: the start of the first commit after the cursor `after` (commit-order.ts), null
 * when nothing was committed since it, `since` without a cursor, undefined for a full read.
 */
export async function deltaFrom(
  ctx: Context,
  planId: string,
  { changeCount }: SheetRead,
  since: Date | null,
  after: string | null,
): Promise<Date | null | undefined> {
  return after ? changedFrom(ctx.em, planId, countOfCursor(planId, after), changeCount) : (since ?? undefined);
}
