import {
  type AggregateResult,
  type DashboardResult,
  type IndicatorResult,
  type ManagerResult,
  storedProfile,
  type ScoringProfile,
  type StrategicResult,
} from '@core/scoring';
import type { Checkpoint } from '@core/vocabulary/enums';
import type { Indicator, Measurement, Target, TargetRevision } from '../entities';
import type { ScoringProfile as ProfileRow } from '../entities/scoring-profile';
import { runSteps, STEP_ITEMS, type Steps } from '../speed/steps';
import { groupsOf } from './lookups';
import type { PlanSnapshot } from './plan-snapshot';
import { rescoreFew } from './rescore-few';
import {
  dashboardResults,
  indicatorResult,
  operationalResult,
  perspectiveResult,
  periodRows,
  planScoresOf,
  serviceDashboards,
  strategicResult,
  unitResult,
} from './score-levels';

/** Every score of one plan version for one (year, checkpoint), computed together from one snapshot. */
export type PlanScores = {
  profile: ScoringProfile;
  indicators: ReadonlyMap<string, IndicatorResult>;
  operationalObjectives: ReadonlyMap<string, AggregateResult>;
  strategicObjectives: ReadonlyMap<string, StrategicResult>;
  perspectives: ReadonlyMap<string, AggregateResult>;
  plan: AggregateResult;
  dashboards: ReadonlyMap<string, DashboardResult>;
  units: ReadonlyMap<string, AggregateResult>;
  managers: ReadonlyMap<string, ManagerResult>;
};

/** The plan's profile as the engine reads it: stored parameters over the defaults, named "name@version". */
export function profileOf(row: ProfileRow | null | undefined): ScoringProfile {
  return storedProfile(
    row && { name: row.name, version: row.profileVersion, status: row.status, parameters: row.parameters },
  );
}

/** above this many indicators scored again, their groups are found by grouping each list once, not per indicator */
const FEW_CHANGED = 32;

/**
 * The scores of the same plan and period before a write, and the indicators whose own rows (indicator, target,
 * revisions, actual) the write changed or created: everything else of the plan as it was (no node deleted or moved,
 * no existing row's responsible units, no cruscotto entry or profile changed; the sync checks it,
 * server/sync/rescore.ts); a node created has no kept result and is scored with everything above it. Then only
 * those indicators are scored again, and only the aggregates above them (their objectives, perspectives, the
 * plan, the cruscotti listing them, their units, the managers of those objectives); every other result is the
 * kept one, the same object.
 */
export type ScoreReuse = {
  prev: PlanScores;
  changed: ReadonlySet<string>;
  /**
   * The period's rows of an indicator, found in indexes already built (the sync's plan state, sync/plan-state.ts)
   * rather than looked for in every period's rows: a 20-row sync scanned the plan's targets, revisions and actuals
   * once per indicator it rescored, most of its rescoring (bench B4).
   */
  rows?: PeriodRows;
};

/** An indicator's target and actual of the period scored, and a target's revisions in the snapshot's order. */
export type PeriodRows = {
  targetOf(indicatorId: string): Target | undefined;
  revisionsOf(targetId: string): TargetRevision[] | undefined;
  measurementOf(indicatorId: string): Measurement | undefined;
};

/**
 * The scores of (year, checkpoint) from `s`: its targets and actuals of that period. Scored whole, `s` is narrowed to
 * the period (forPeriod: smaller groups); with `reuse` it may hold every period's rows.
 */
export function computePlanScores(
  s: PlanSnapshot,
  year: number,
  checkpoint: Checkpoint,
  reuse?: ScoreReuse,
): PlanScores {
  return runSteps(planScoreSteps(s, year, checkpoint, reuse));
}

/** computePlanScores as steps (server/speed/steps.ts): a yield every STEP_ITEMS indicators and between the levels. */
export function* planScoreSteps(
  s: PlanSnapshot,
  year: number,
  checkpoint: Checkpoint,
  reuse?: ScoreReuse,
): Steps<PlanScores> {
  // a few existing indicators changed, nothing else: those and the aggregates above them, no pass over the plan
  const few = reuse && rescoreFew(s, year, checkpoint, reuse, profileOf(s.plan.scoringProfile as ProfileRow | null));
  if (few) return few;
  // without reuse every result is computed: `kept` finds nothing
  const prev = reuse?.prev;
  const changed = reuse?.changed;
  const dirty = new Set<string>();
  const kept = <T>(map: ReadonlyMap<string, T> | undefined, id: string, below: boolean): T | undefined =>
    below ? undefined : map?.get(id);
  const profile = profileOf(s.plan.scoringProfile as ProfileRow | null);
  const ctx = { year, checkpoint: checkpoint as '30/6' | '31/12', profile };
  // with reuse, the groups of the few rows scored again are found when asked (lookups.ts), not the whole plan's; a
  // batch of new rows scores thousands again, each asking for its groups: then grouping every list once costs less
  const whole = !changed || changed.size > FEW_CHANGED;
  // the period's rows alone: `s` may hold every period's when reuse is given (the sync's state, rescore.ts)
  const rows = periodRows(s, year, checkpoint, reuse?.rows, whole);
  // which aggregates have a result scored again below them, told upwards as each level is scored
  const dirtyBelow = new Set<string>();
  const markDirty = (id: string, ...parents: Array<string | null | undefined>) => {
    dirty.add(id);
    for (const parent of parents) if (parent) dirtyBelow.add(parent);
  };
  // an aggregate level: each row's kept result when nothing below it was scored again, else scored now
  const scoreLevel = <R extends { id: string }, T>(
    rows: readonly R[],
    previous: ReadonlyMap<string, T> | undefined,
    score: (row: R) => T,
  ): Map<string, T> => {
    const results = new Map<string, T>();
    for (const row of rows) results.set(row.id, kept(previous, row.id, dirtyBelow.has(row.id)) ?? score(row));
    return results;
  };

  const indicators = new Map<string, IndicatorResult>();
  for (const indicator of s.indicators) {
    if (indicators.size % STEP_ITEMS === STEP_ITEMS - 1) yield;
    const same = kept(prev?.indicators, indicator.id, !changed || changed.has(indicator.id));
    if (same) {
      indicators.set(indicator.id, same);
      continue;
    }
    markDirty(indicator.id, indicator.operationalObjective?.id, indicator.strategicObjective?.id);
    indicators.set(indicator.id, indicatorResult(indicator, rows, ctx));
  }

  yield;
  const indicatorsOfOO = groupsOf(s.indicators, (i) => i.operationalObjective?.id, whole);
  const ownOfSO = groupsOf(s.indicators, (i) => i.strategicObjective?.id, whole);
  const operationalObjectives = scoreLevel(s.operationalObjectives, prev?.operationalObjectives, (oo) => {
    markDirty(oo.id, oo.strategicObjective?.id);
    return operationalResult(oo, indicatorsOfOO(oo.id), indicators, ctx);
  });

  const oosOfSO = groupsOf(s.operationalObjectives, (o) => o.strategicObjective?.id, whole);
  const strategicObjectives = scoreLevel(s.strategicObjectives, prev?.strategicObjectives, (so) => {
    markDirty(so.id, so.perspective.id);
    return strategicResult(so, oosOfSO(so.id), ownOfSO(so.id), operationalObjectives, indicators, ctx);
  });

  const sosOfPerspective = groupsOf(s.strategicObjectives, (o) => o.perspective.id, whole);
  const perspectives = scoreLevel(s.perspectives, prev?.perspectives, (p) =>
    perspectiveResult(p, sosOfPerspective(p.id), strategicObjectives, ctx),
  );

  yield;
  const dashboards = dashboardResults(s, prev?.dashboards, dirty, indicators, ctx, whole);

  yield;
  // docs/scoring.md §5.5: a unit scores its service dashboard if it has one, else the indicators it is responsible for.
  const units = new Map<string, AggregateResult>();
  const serviceDashboardOf = serviceDashboards(s);
  const indicatorsOfUnit = new Map<string, Indicator[]>();
  for (const indicator of s.indicators) {
    for (const unitId of s.unitsOf.get(indicator.id) ?? []) {
      const list = indicatorsOfUnit.get(unitId);
      if (list) list.push(indicator);
      else indicatorsOfUnit.set(unitId, [indicator]);
    }
  }
  for (const unitId of new Set([...indicatorsOfUnit.keys(), ...serviceDashboardOf.keys()])) {
    const dashboard = serviceDashboardOf.get(unitId);
    const below = dashboard
      ? dirty.has(dashboard.id)
      : (indicatorsOfUnit.get(unitId) ?? []).some((i) => dirty.has(i.id));
    // nothing is marked dirty past this level, so a kept unit is simply the value when there is one
    units.set(
      unitId,
      kept(prev?.units, unitId, below) ??
        (dashboard ? dashboards.get(dashboard.id)! : unitResult(unitId, indicatorsOfUnit.get(unitId), indicators, ctx)),
    );
  }

  yield;
  const levels = { indicators, operationalObjectives, strategicObjectives, perspectives, dashboards, units };
  return planScoresOf(s, levels, prev?.managers, dirty, ctx);
}
