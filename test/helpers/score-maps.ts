import type { PlanScores } from '../../server/services/realization';

/** The maps of a plan's scores (server/services/realization.ts, PlanScores), one per level a score is kept for. */
export const SCORE_MAPS = [
  'indicators',
  'operationalObjectives',
  'strategicObjectives',
  'perspectives',
  'dashboards',
  'units',
  'managers',
] as const;

/**
 * A rescore equals the whole plan scored again: equal results, every map's entries in the same order as the whole
 * scoring gives them. A rescore's maps are the kept ones with a few results over them (LayeredMap), which Jest would
 * compare as objects of another class: each is read into a Map first. The units' results are compared as JSON too:
 * toEqual sees a result's own fields, not its explanation (text and key order), and a unit's is rebuilt from kept
 * children (unit-rescore.ts).
 */
export function expectSameScores(rescored: PlanScores, whole: PlanScores): void {
  for (const level of SCORE_MAPS) expect([...rescored[level].keys()]).toEqual([...whole[level].keys()]);
  const read = (scores: PlanScores) => ({
    ...scores,
    ...Object.fromEntries(SCORE_MAPS.map((level) => [level, new Map<string, unknown>(scores[level])])),
  });
  expect(read(rescored)).toEqual(read(whole));
  expect(JSON.stringify([...rescored.units])).toBe(JSON.stringify([...whole.units]));
}
