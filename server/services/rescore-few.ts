import type { ScoringProfile } from '@core/scoring';
import type { Checkpoint } from '@core/vocabulary/enums';
import type { Indicator, OperationalObjective, StrategicObjective } from '../entities';
import { LayeredMap } from '../speed/layered-map';
import type { PlanSnapshot } from './plan-snapshot';
import type { PlanScores, ScoreReuse } from './realization';
import { recordMoves } from './score-moves';
// the scorers of each level, as the whole scoring (realization.ts) calls them
import * as levelScorers from './score-levels';
import { unitRescored } from './unit-rescore';

/**
 * The plan's shape as positions in the snapshot's lists: each node's place, each aggregate's children, each unit's
 * indicators. A rescore (ScoreReuse) changes no node's place or parents or units, so the shape of the scores it starts
 * from is the shape of the scores it gives: built once, from the first snapshot rescored, and handed on.
 */
type Shape = {
  indicatorAt: Map<string, number>;
  indicatorsOfOO: Map<string, number[]>;
  ownOfSO: Map<string, number[]>;
  ooAt: Map<string, number>;
  oosOfSO: Map<string, number[]>;
  soAt: Map<string, number>;
  sosOfPerspective: Map<string, number[]>;
  perspectiveAt: Map<string, number>;
  indicatorsOfUnit: Map<string, number[]>;
  /** each indicator's parents and units, by position, as the shape was built */
  placeOf: string[];
};

const shapes = new WeakMap<PlanScores, Shape>();

const placeOf = (s: PlanSnapshot, i: Indicator) =>
  `${i.operationalObjective?.id ?? ''}|${i.strategicObjective?.id ?? ''}|${(s.unitsOf.get(i.id) ?? []).join(',')}`;

function positions<T extends { id: string }>(rows: readonly T[]): Map<string, number> {
  const at = new Map<string, number>();
  rows.forEach((row, k) => at.set(row.id, k));
  return at;
}

function groupedAt<T>(rows: readonly T[], keysOf: (row: T) => Iterable<string | null | undefined>) {
  const groups = new Map<string, number[]>();
  rows.forEach((row, k) => {
    for (const key of keysOf(row)) {
      if (!key) continue;
      const group = groups.get(key);
      if (group) group.push(k);
      else groups.set(key, [k]);
    }
  });
  return groups;
}

function shapeOf(s: PlanSnapshot): Shape {
  return {
    indicatorAt: positions(s.indicators),
    indicatorsOfOO: groupedAt(s.indicators, (i) => [i.operationalObjective?.id]),
    ownOfSO: groupedAt(s.indicators, (i) => [i.strategicObjective?.id]),
    ooAt: positions(s.operationalObjectives),
    oosOfSO: groupedAt(s.operationalObjectives, (o) => [o.strategicObjective?.id]),
    soAt: positions(s.strategicObjectives),
    sosOfPerspective: groupedAt(s.strategicObjectives, (o) => [o.perspective.id]),
    perspectiveAt: positions(s.perspectives),
    indicatorsOfUnit: groupedAt(s.indicators, (i) => s.unitsOf.get(i.id) ?? []),
    placeOf: s.indicators.map((i) => placeOf(s, i)),
  };
}

/**
 * Whether `s` has the shape of the scores `prev` (the same nodes in the same places, each level's results keyed by
 * them) and every changed indicator is one of them, in its place: only then are the few scored alone.
 */
function sameShape(s: PlanSnapshot, prev: PlanScores, shape: Shape, changed: ReadonlySet<string>): boolean {
  const sizes: Array<[readonly unknown[], Map<string, number>]> = [
    [s.indicators, shape.indicatorAt],
    [s.operationalObjectives, shape.ooAt],
    [s.strategicObjectives, shape.soAt],
    [s.perspectives, shape.perspectiveAt],
  ];
  if (sizes.some(([rows, at]) => rows.length !== at.size)) return false;
  for (const id of changed) {
    const k = shape.indicatorAt.get(id);
    const indicator = k === undefined ? undefined : s.indicators[k];
    if (!indicator || indicator.id !== id || placeOf(s, indicator) !== shape.placeOf[k!]) return false;
    // the results are layered over the kept ones (LayeredMap), which must hold every key already
    if (!prev.indicators.has(id)) return false;
  }
  return true;
}

/**
 * Whether `s` has as many nodes of each level and cruscotti as `prev` has results: a change that created or removed
 * one has not, and is never rescored alone (checked before a shape is built for it: B1's batches of new rows built
 * the shape of the whole plan each, to find its sizes changed).
 */
function sameSizes(s: PlanSnapshot, prev: PlanScores): boolean {
  return (
    s.indicators.length === prev.indicators.size &&
    s.operationalObjectives.length === prev.operationalObjectives.size &&
    s.strategicObjectives.length === prev.strategicObjectives.size &&
    s.perspectives.length === prev.perspectives.size &&
    s.dashboards.length === prev.dashboards.size
  );
}

/**
 * The scores after a change of a few existing indicators' own rows (ScoreReuse; nothing created, moved or re-linked):
 * those indicators scored again, then only the aggregates above them, each level's map the kept one with the few
 * results laid over it (LayeredMap: the same keys in the same order as a whole scoring gives them). A 20-row sync of
 * a 4,800-indicator plan went over every indicator and every level's rows to find the few (bench B4: 14 % of a sync);
 * copying each level's map whole was then a quarter to a third of a rescore (bench/results/2026-12-06.md, dupscore).
 * Undefined when the change is not of that kind: the caller scores as before.
 */
export function rescoreFew(
  s: PlanSnapshot,
  year: number,
  checkpoint: Checkpoint,
  { prev, changed, rows }: ScoreReuse,
  profile: ScoringProfile,
): PlanScores | undefined {
  if (!sameSizes(s, prev)) return undefined;
  const shape = shapes.get(prev) ?? shapeOf(s);
  if (!sameShape(s, prev, shape, changed)) return undefined;
  const ctx = { year, checkpoint: checkpoint as '30/6' | '31/12', profile };
  const indicatorRows = levelScorers.periodRows(s, year, checkpoint, rows, false);
  const at = <T>(list: readonly T[], k: number[] | undefined) => k?.map((n) => list[n]);
  // the ids scored again (indicators, objectives, cruscotti), as the whole scoring marks them for units and managers
  const dirty = new Set<string>();

  // every id scored again at any level, as it is laid over the kept results: the sheet's rows among them are those
  // whose scores may have moved (score-moves.ts)
  const moved = new Set<string>();
  // a level's kept results with the few scored again over them: nothing of the level copied but those
  const scoredAgain = <T>(kept: ReadonlyMap<string, T>, ids: Iterable<string>, score: (id: string) => T) =>
    LayeredMap.over(
      kept,
      Array.from(ids, (id) => {
        moved.add(id);
        return [id, score(id)] as const;
      }),
    );

  const dirtyOOs = new Set<string>();
  const dirtySOs = new Set<string>();
  const indicators = scoredAgain(prev.indicators, changed, (id) => {
    const indicator = s.indicators[shape.indicatorAt.get(id)!];
    dirty.add(id);
    if (indicator.operationalObjective) dirtyOOs.add(indicator.operationalObjective.id);
    if (indicator.strategicObjective) dirtySOs.add(indicator.strategicObjective.id);
    return levelScorers.indicatorResult(indicator, indicatorRows, ctx);
  });

  const operationalObjectives = scoredAgain(prev.operationalObjectives, dirtyOOs, (id) => {
    const oo: OperationalObjective = s.operationalObjectives[shape.ooAt.get(id)!];
    dirty.add(id);
    if (oo.strategicObjective) dirtySOs.add(oo.strategicObjective.id);
    return levelScorers.operationalResult(oo, at(s.indicators, shape.indicatorsOfOO.get(id)), indicators, ctx);
  });

  const dirtyPerspectives = new Set<string>();
  const strategicObjectives = scoredAgain(prev.strategicObjectives, dirtySOs, (id) => {
    const so: StrategicObjective = s.strategicObjectives[shape.soAt.get(id)!];
    dirty.add(id);
    dirtyPerspectives.add(so.perspective.id);
    const oos = at(s.operationalObjectives, shape.oosOfSO.get(id));
    const own = at(s.indicators, shape.ownOfSO.get(id));
    return levelScorers.strategicResult(so, oos, own, operationalObjectives, indicators, ctx);
  });

  const perspectives = scoredAgain(prev.perspectives, dirtyPerspectives, (id) => {
    const p = s.perspectives[shape.perspectiveAt.get(id)!];
    return levelScorers.perspectiveResult(
      p,
      at(s.strategicObjectives, shape.sosOfPerspective.get(id)),
      strategicObjectives,
      ctx,
    );
  });

  // a cruscotto's entries find their indicators by the shape's positions (the last of each id, as lastOf keeps it)
  const indicatorOf = (id: string) => {
    const k = shape.indicatorAt.get(id);
    return k === undefined ? undefined : s.indicators[k];
  };
  const dashboards = levelScorers.dashboardResults(s, prev.dashboards, dirty, indicators, ctx, false, indicatorOf);

  // a unit scores its service dashboard if it has one (scored again if that was), else its indicators
  const serviceDashboardOf = levelScorers.serviceDashboards(s);
  const dirtyUnits = new Set<string>();
  for (const [unitId, dashboard] of serviceDashboardOf) if (dirty.has(dashboard.id)) dirtyUnits.add(unitId);
  for (const id of changed) for (const unitId of s.unitsOf.get(id) ?? []) dirtyUnits.add(unitId);
  const units = scoredAgain(
    prev.units,
    [...dirtyUnits].filter((unitId) => prev.units.has(unitId)),
    (unitId) => {
      const dashboard = serviceDashboardOf.get(unitId);
      if (dashboard) return dashboards.get(dashboard.id)!;
      const places = shape.indicatorsOfUnit.get(unitId);
      const was = prev.units.get(unitId);
      return unitRescored(unitId, was, places, s.indicators, shape.indicatorAt, changed, indicators, ctx);
    },
  );

  const levels = { indicators, operationalObjectives, strategicObjectives, perspectives, dashboards, units };
  const scores = levelScorers.planScoresOf(s, levels, prev.managers, dirty, ctx);
  shapes.set(scores, shape);
  recordMoves(scores, prev, moved);
  return scores;
}
