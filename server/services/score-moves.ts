import type { PlanScores } from './realization';

/**
 * Which rows' scores a rescore may have moved, kept per scores object so that a read of the scores that moved since
 * an earlier one (sheetScores(after), server/sync/score-trail.ts) compares only those rows, not the whole plan's.
 * A rescore (rescore-few.ts) lays the results it scored again over the kept ones (LayeredMap): at each sheet level
 * (indicators, operational and strategic objectives, perspectives) every other key keeps the previous scores' very
 * object. The ids it scored again (at every level, units too: a superset) are recorded as it scores them, so the
 * union along the chain of rescores from one scores object to a later one holds every row whose result object differs
 * between the two; any other row's is the same object in both, the same realization. Under B4 a pane's moved read
 * compared all 4,800 rows of the plan twice a cycle (43 % of its event loop, bench/results/2026-12-07.md, session
 * reuse).
 */
type Link = {
  /** the scores this one was rescored from */
  from: WeakRef<PlanScores>;
  /** the ids scored again at the sheet's levels */
  ids: ReadonlySet<string>;
  /** the link of `from`, while some recent link or live scores hold it */
  back: WeakRef<Link> | undefined;
};

const links = new WeakMap<PlanScores, Link>();

/**
 * The most recent links, held so that a chain outlives the intermediate scores (the score cache drops them as new
 * ones come): bounded, so that no chain grows without end. Under B4 a pane reads its scores again after a few dozen
 * rescores.
 */
const RECENT = 512;
const recent: Link[] = [];

/** Records that `scores` was rescored from `from`, only the rows of `ids` scored again at the sheet's levels. */
export function recordMoves(scores: PlanScores, from: PlanScores, ids: ReadonlySet<string>): void {
  const before = links.get(from);
  const link: Link = { from: new WeakRef(from), ids, back: before && new WeakRef(before) };
  links.set(scores, link);
  recent.push(link);
  if (recent.length > RECENT) recent.splice(0, recent.length - RECENT);
}

/** at most this many links are followed back from the scores now */
const LONGEST = RECENT;

/**
 * The ids of the rows whose scores may differ between `before` and `now`, when `now` was rescored from `before`
 * through a chain of recorded rescores (a superset: every other row's result is the same object in both);
 * undefined when no such chain is known (then every row must be compared). Stops once more than `most` ids are
 * found (undefined then too: comparing every row costs less).
 */
export function movedBetween(before: PlanScores, now: PlanScores, most: number): Set<string> | undefined {
  const ids = new Set<string>();
  if (before === now) return ids;
  let link = links.get(now);
  for (let steps = 0; link && steps < LONGEST; steps++) {
    for (const id of link.ids) ids.add(id);
    if (ids.size > most) return undefined;
    if (link.from.deref() === before) return ids;
    link = link.back?.deref();
  }
  return undefined;
}

/** How many ids `scores` scored again when rescored from others; undefined when they were scored whole. */
export function movedCount(scores: PlanScores): number | undefined {
  return links.get(scores)?.ids.size;
}
