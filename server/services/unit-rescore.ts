import type { AggregateChild, AggregateResult, IndicatorResult } from '@core/scoring';
import type { Indicator } from '../entities';
import { type ScoreContext, unitAggregate, unitChild } from './score-levels';

/**
 * The children a unit's result was computed from (unitChild of each of its indicators, in the plan's order), kept
 * beside the result a rescore gave, with the positions they were built from (the shape's list, rescore-few.ts, handed
 * on from rescore to rescore: the same list means the same indicators in the same places, as every level's rescore
 * there assumes). The next rescore replaces the few that changed instead of building them all. The list itself is
 * never changed once kept (a result's explanation is built later from its own copy).
 */
const keptOf = new WeakMap<AggregateResult, { children: readonly AggregateChild[]; places: readonly number[] }>();

/** Where `place` is in `places` (ascending), or -1. */
function indexIn(places: readonly number[], place: number): number {
  let lo = 0;
  let hi = places.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = places[mid];
    if (at === place) return mid;
    if (at < place) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * A unit's result after a rescore of the indicators `changed` (rescore-few.ts): the unit's mean computed again over
 * all its children, as unitResult computes it, but from the children kept with its previous result, those of the
 * changed indicators replaced. The generated plan of bench B4 gives one unit all 4,800 indicators: building every
 * child again on each 20-row sync was most of the rescore (bench/results/2026-12-06.md, session b4lite). Same
 * children in the same order, so the same mean, the same explanation and the same keys as the unit scored whole.
 *
 * `places`: the unit's indicators as positions in `indicatorList`, ascending (the plan's order); `placeOf`, each
 * indicator's position. Without a kept list (the previous result scored whole) every child is built, and kept.
 */
export function unitRescored(
  unitId: string,
  previous: AggregateResult | undefined,
  places: readonly number[] | undefined,
  indicatorList: readonly Indicator[],
  placeOf: ReadonlyMap<string, number>,
  changed: ReadonlySet<string>,
  indicators: ReadonlyMap<string, IndicatorResult>,
  ctx: ScoreContext,
): AggregateResult {
  const kept = previous && keptOf.get(previous);
  let children: AggregateChild[];
  if (kept && places && kept.places === places) {
    children = kept.children.slice();
    for (const id of changed) {
      const k = indexIn(places, placeOf.get(id)!);
      if (k >= 0) children[k] = unitChild(indicatorList[places[k]], indicators.get(id)!);
    }
  } else {
    children = (places ?? []).map((k) => {
      const indicator = indicatorList[k];
      return unitChild(indicator, indicators.get(indicator.id)!);
    });
  }
  const result = unitAggregate(unitId, children, ctx);
  if (places) keptOf.set(result, { children, places });
  return result;
}

/** The children kept with a unit's result (tests: whether a rescore reused them). */
export const keptUnitChildren = (result: AggregateResult | undefined) => result && keptOf.get(result)?.children;
