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
