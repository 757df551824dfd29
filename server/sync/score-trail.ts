/**
 * The scores a pane was last given, so that its next read carries only the scores that moved since (issue 15, B4: a
 * full realization read answered ~1 MB per plan state, a third of the add-in's requests). Each answer of
 * `sheetScores` names the exact scores it came from with a token; given that token back, the next answer is the
 * rows whose realization differs between those scores and the plan's scores now.
 *
 * Why a token of the scores served and not the rows' commit cursor: scores kept under a stamp may be computed from
 * rows read just after it (score-snapshots.ts, put), and a new profile version changes scores without a commit of
 * the plan's rows; the same scores object is what the pane holds, so the difference from it is exact. A token this
 * instance does not keep (another instance's, one pushed out, a restart) gets every row, marked complete: correct by
 * construction either way.
 */
import { randomUUID } from 'node:crypto';
import type { Checkpoint } from '@core/vocabulary/enums';
import type { PlanScores } from '../services/realization';
import { realizationView } from '../services/realization-view';
import type { LRUCache } from 'lru-cache';
import { budgetCache, type CacheBudget } from '../services/budget-cache';
import { movedBetween, movedCount } from '../services/score-moves';
import { BYTES_PER_RESULT, type ScoreSnapshots, scoresBytes } from '../services/score-snapshots';
import { scoreOfRow } from '../services/score-of-row';
import { levelOfNode, type PlanNode, type PlanState } from './plan-state';
import { rowNodes, rowNodesOf } from './sheet-rows';
import { RecentMap } from '../speed/recent-map';

/**
 * Scores given out, per plan period, newest last. Under B4 (50 panes, a sync turn every few hundred ms) a pane reads
 * its scores again within a few dozen turns. Held for sure only within a part of the score cache's budget (HELD_SHARE),
 * weakly past it: a plan's whole scores are megabytes; a token whose scores are gone is answered complete.
 */
export const KEPT_PER_PERIOD = 48;
/** plan periods whose given-out scores are kept, the least recently given (or asked for) dropped first */
export const PERIODS = 64;
/**
 * The newest scores given out per period held for sure, whatever the garbage collector does: a pane whose cursor is
 * one of them always gets only the rows moved since. Held weakly only, 4 of 9 B4 runs answered 44–97 moved reads with
 * every row of the plan (~4,800), at random, as the collector had run (bench/results/2026-12-07.md, keepscores). A
 * write drops the plan's scores from the score cache, so these were held by nothing else. As many as are kept: under
 * B4 a pane's cursor is the scores of one of the 25 or so syncs before (50 panes, a sync and 2 reads a cycle).
 */
export const HELD_PER_PERIOD = KEPT_PER_PERIOD;
/**
 * The part of the score cache's budget (SCORE_CACHE_MB) the held scores may take at most, the least recently given
 * let go first. Scores rescored from others are counted by what they hold of their own (rescoredBytes): for a 4,800-indicator plan about 0.3 MB for a 20-row sync, 11 MB for scores scored whole.
 */
export const HELD_SHARE = 4;

/** this process's tokens: another instance's serials are not these scores */
const INSTANCE = randomUUID().slice(0, 8);

/**
 * Approximate bytes that scores rescored from others hold of their own: the `moved` results scored again, and a
 * reference per result in the level maps (a layer's own entries, or a level copied whole once a layer grew past an
 * eighth of it: server/speed/layered-map.ts).
 */
function rescoredBytes(s: PlanScores, moved: number): number {
  return moved * BYTES_PER_RESULT + (scoresBytes(s) / BYTES_PER_RESULT) * BYTES_PER_REFERENCE;
}
const BYTES_PER_REFERENCE = 40;

type Given = { token: string; scores: WeakRef<PlanScores> };
type Held = { scores: PlanScores; bytes: number };

/** One app's given-out scores (one per ScoreSnapshots, so two servers in one test process never share them). */
export class ScoreTrail {
  private readonly periods = new RecentMap<string, Given[]>(PERIODS);
  private readonly tokens = new WeakMap<PlanScores, string>();
  /** the newest given out per period, by token (none when the score cache is off) */
  private readonly held: LRUCache<string, Held> | null;
  private serial = 0;

  constructor(budget: CacheBudget = { maxBytes: 0 }) {
    this.held = budgetCache<Held>(
      { maxBytes: Math.floor(budget.maxBytes / HELD_SHARE) },
      PERIODS * HELD_PER_PERIOD,
      (held) => held.bytes,
    );
  }

  /** The token of `scores` as given for this period, kept as the period's newest. */
  give(planId: string, year: number, checkpoint: Checkpoint, scores: PlanScores): string {
    const key = `${planId}|${year}|${checkpoint}`;
    let token = this.tokens.get(scores);
    if (!token) this.tokens.set(scores, (token = `${INSTANCE}.${++this.serial}`));
    const list = (this.periods.get(key) ?? []).filter((g) => g.token !== token && g.scores.deref());
    list.push({ token, scores: new WeakRef(scores) });
    const gone = list.length > KEPT_PER_PERIOD ? [list.shift()!] : [];
    gone.push(...(this.periods.set(key, list) ?? []), ...list.slice(0, -HELD_PER_PERIOD));
    if (this.held) {
      for (const g of gone) this.held.delete(g.token);
      const moved = movedCount(scores);
      const bytes = moved === undefined ? scoresBytes(scores) : rescoredBytes(scores, moved);
      this.held.set(token, { scores, bytes });
    }
    return token;
  }

  /**
   * The scores given for this period under `token`, if still kept. Asking makes the period recent, as giving does:
   * a read asks with its `after` and then gives the period its new scores (sheet-scores-read.ts).
   */
  given(planId: string, year: number, checkpoint: Checkpoint, token: string): PlanScores | undefined {
    return this.periods
      .get(`${planId}|${year}|${checkpoint}`)
      ?.find((g) => g.token === token)
      ?.scores.deref();
  }
}

/**
 * Each result's realization as JSON (every field, explanation included), written once per result object: a result
 * belongs to one period's scores, and a sync rescores only what it moved, keeping the others as the same objects.
 * Between two reads of a pane under B4 the other panes' syncs rescore about a quarter of the plan; compared anew for
 * every pane, those views were most of a moved read's time.
 */
const viewJson = new WeakMap<object, string>();

function viewOf(result: object, year: number, checkpoint: Checkpoint): string {
  let json = viewJson.get(result);
  if (json === undefined) {
    json = JSON.stringify(realizationView(result as Parameters<typeof realizationView>[0], year, checkpoint));
    viewJson.set(result, json);
  }
  return json;
}

/** A row's score in two score sets is the same realization: the same result, or one that reads the same. */
function sameScore(before: object | undefined, now: object | undefined, year: number, checkpoint: Checkpoint): boolean {
  if (before === now) return true;
  if (!before || !now) return false;
  return viewOf(before, year, checkpoint) === viewOf(now, year, checkpoint);
}

/** moved reads that compared only the rows rescored since `before` (tests) */
export const movedRowsRead = { count: 0 };

/**
 * The rows of `state` (those `shown`, in tree order) with their scores: all of them without `before`, else only
 * those whose realization differs between `before` and `now` (a row new since `before` has none there).
 */
export function scoredRows(
  state: PlanState,
  now: PlanScores,
  before: PlanScores | undefined,
  shown?: (node: PlanNode) => boolean,
): Array<{ node: PlanNode; result: object | undefined }> {
  const out: Array<{ node: PlanNode; result: object | undefined }> = [];
  // the rows the rescores since `before` scored again, when `now` came from it by rescores (score-moves.ts): every
  // other row's result is the same object in both, skipped below all the same
  const moved = before && movedBetween(before, now, state.nodes.size / 2);
  const few = moved && rowNodesOf(state, moved, shown);
  if (few) movedRowsRead.count++;
  for (const node of few ?? rowNodes(state, shown)) {
    const row = { level: levelOfNode(node), rowId: node.id };
    const result = scoreOfRow(now, row);
    if (before && sameScore(scoreOfRow(before, row), result, state.year, state.checkpoint)) continue;
    out.push({ node, result });
  }
  return out;
}

const trails = new WeakMap<object, ScoreTrail>();

/** The trail of one app, found by its score cache (ctx.snapshots): one per server, as the cache is, in its budget. */
export function trailOf(app: ScoreSnapshots): ScoreTrail {
  let trail = trails.get(app);
  if (!trail) trails.set(app, (trail = new ScoreTrail(app.budget)));
  return trail;
}
