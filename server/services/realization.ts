import {
  aggregate,
  type AggregateChild,
  type AggregateResult,
  type ActivityInput,
  storedProfile,
  type DashboardResult,
  type IndicatorInput,
  type IndicatorResult,
  type ManagerResult,
  type RuleName,
  scoreDashboard,
  scoreIndicator,
  scoreManagerByPeriod,
  scoreStrategicObjective,
  type ScoringProfile,
  type StrategicResult,
  type TargetInput,
} from '@core/scoring';
import type { Checkpoint } from '@core/vocabulary/enums';
import { DashboardKind, IndicatorStatus, RevisionKind, TargetMode } from '@core/vocabulary/enums';
import type { Indicator, Measurement, Target, TargetRevision } from '../entities';
import type { ScoringProfile as ProfileRow } from '../entities/scoring-profile';
import { runSteps, STEP_ITEMS, type Steps } from '../speed/steps';
import { groupBy } from './group-by';
import { groupsOf, lastOf } from './lookups';
import type { PlanSnapshot } from './plan-snapshot';

/** Every score of one plan version for one (year, checkpoint), computed together from one snapshot. */
export type PlanScores = {
  profile: ScoringProfile;
  indicators: Map<string, IndicatorResult>;
  operationalObjectives: Map<string, AggregateResult>;
  strategicObjectives: Map<string, StrategicResult>;
  perspectives: Map<string, AggregateResult>;
  plan: AggregateResult;
  dashboards: Map<string, DashboardResult>;
  units: Map<string, AggregateResult>;
  managers: Map<string, ManagerResult>;
};

/** The plan's profile as the engine reads it: stored parameters over the defaults, named "name@version". */
export function profileOf(row: ProfileRow | null | undefined): ScoringProfile {
  return storedProfile(
    row && { name: row.name, version: row.profileVersion, status: row.status, parameters: row.parameters },
  );
}

/** Latest approved revision is the effective target (docs/scoring.md §5.2.1); the original is kept for the explanation. */
function targetInput(target: Target, revisions: TargetRevision[], indicator: Indicator): TargetInput | undefined {
  const approved = revisions.filter((r) => r.approved);
  const effective = approved[approved.length - 1];
  if (!effective) return undefined;
  const original = revisions[0];
  return {
    mode: indicator.monitoring || target.mode === TargetMode.MONITORING ? 'monitoring' : 'scored',
    value: effective.value,
    revision: effective.kind === RevisionKind.REVISED ? 'revised' : 'original',
    original: effective.kind === RevisionKind.REVISED && original ? original.value : undefined,
    rule: (target.rule as RuleName | null) ?? undefined,
    polarity: target.polarity ?? undefined,
    thresholds: target.thresholds,
  };
}

function actualInput(m: Measurement | undefined): IndicatorInput['actual'] {
  if (!m) return undefined;
  return {
    value: m.value ?? undefined,
    neutralised: m.neutralised,
    neutralisationReason: m.neutralisationReason ?? undefined,
    manualScore: m.manualScore ?? undefined,
    justification: m.manualJustification ?? undefined,
    author: m.author ?? undefined,
    at: m.recordedAt.toISOString(),
    notCompleted: m.notCompleted,
  };
}

/** A replaced indicator is shown but not scored (docs/domain.md §8.7): it leaves every aggregate with that reason. */
function asChild(indicator: Indicator, result: IndicatorResult): AggregateChild {
  if (indicator.status === IndicatorStatus.REPLACED) {
    return {
      id: indicator.id,
      code: indicator.code,
      weight: indicator.weight,
      score: null,
      status: 'not_applicable',
      reason: 'replaced',
    };
  }
  return {
    id: result.id,
    code: result.code,
    weight: indicator.weight,
    score: result.score,
    status: result.status,
    errors: result.errors,
  };
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
  // without reuse every result is computed: `kept` finds nothing
  const prev = reuse?.prev;
  const changed = reuse?.changed;
  const dirty = new Set<string>();
  const kept = <T>(map: Map<string, T> | undefined, id: string, below: boolean): T | undefined =>
    below ? undefined : map?.get(id);
  const profile = profileOf(s.plan.scoringProfile as ProfileRow | null);
  const ctx = { year, checkpoint: checkpoint as '30/6' | '31/12', profile };
  // with reuse, the groups of the few rows scored again are found when asked (lookups.ts), not the whole plan's; a
  // batch of new rows scores thousands again, each asking for its groups: then grouping every list once costs less
  const whole = !changed || changed.size > FEW_CHANGED;
  // the period's rows alone: `s` may hold every period's when reuse is given (the sync's state, rescore.ts)
  const inPeriod = (row: { year: number; checkpoint: string }) => row.year === year && row.checkpoint === checkpoint;
  const indexed = reuse?.rows;
  const targetOf = indexed?.targetOf ?? lastOf(s.targets, (t) => (inPeriod(t) ? t.indicator.id : null), whole);
  const revisionsOf = indexed?.revisionsOf ?? groupsOf(s.revisions, (r) => r.target.id, whole);
  const measurementOf =
    indexed?.measurementOf ?? lastOf(s.measurements, (m) => (inPeriod(m) ? m.indicator.id : null), whole);
  const activitiesOf = groupsOf(s.activities, (a) => a.project.id, whole);
  // which aggregates have a result scored again below them, told upwards as each level is scored
  const dirtyBelow = new Set<string>();
  const markDirty = (id: string, ...parents: Array<string | null | undefined>) => {
    dirty.add(id);
    for (const parent of parents) if (parent) dirtyBelow.add(parent);
  };
  // an aggregate level: each row's kept result when nothing below it was scored again, else scored now
  const scoreLevel = <R extends { id: string }, T>(
    rows: readonly R[],
    previous: Map<string, T> | undefined,
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
    const target = targetOf(indicator.id);
    const activities: ActivityInput[] | undefined = indicator.project
      ? (activitiesOf(indicator.project.id) ?? []).map((a) => ({
          id: a.id,
          code: a.name,
          name: a.name,
          weight: a.weight,
          polarity: 'higher',
          rule: (a.rule as RuleName | null) ?? undefined,
          target: a.target ? { mode: 'scored', value: a.target, revision: 'original' } : undefined,
          actual: a.actual ? { value: a.actual } : undefined,
        }))
      : undefined;
    indicators.set(
      indicator.id,
      scoreIndicator(
        {
          id: indicator.id,
          code: indicator.code,
          polarity: indicator.polarity,
          polarityConfirmed: indicator.polarityConfirmed,
          polarityEvidence: indicator.polarityEvidence,
          rule: (indicator.rule as RuleName | null) ?? undefined,
          target: target ? targetInput(target, revisionsOf(target.id) ?? [], indicator) : undefined,
          actual: actualInput(measurementOf(indicator.id)),
          activities: activities && activities.length > 0 ? activities : undefined,
        },
        ctx,
      ),
    );
  }

  yield;
  const indicatorsOfOO = groupsOf(s.indicators, (i) => i.operationalObjective?.id, whole);
  const ownOfSO = groupsOf(s.indicators, (i) => i.strategicObjective?.id, whole);
  const childrenOf = (list: Indicator[] | undefined) => (list ?? []).map((i) => asChild(i, indicators.get(i.id)!));

  const operationalObjectives = scoreLevel(s.operationalObjectives, prev?.operationalObjectives, (oo) => {
    markDirty(oo.id, oo.strategicObjective?.id);
    return aggregate(childrenOf(indicatorsOfOO(oo.id)), {
      subject: { type: 'objective', id: oo.id, code: oo.code, year, checkpoint: ctx.checkpoint },
      profile,
    });
  });

  const oosOfSO = groupsOf(s.operationalObjectives, (o) => o.strategicObjective?.id, whole);
  const strategicObjectives = scoreLevel(s.strategicObjectives, prev?.strategicObjectives, (so) => {
    markDirty(so.id, so.perspective.id);
    const contributions = (oosOfSO(so.id) ?? [])
      .filter((o) => o.contributes)
      .map((o) => {
        const r = operationalObjectives.get(o.id)!;
        return { id: o.id, code: o.code, weight: o.weight, score: r.score, status: r.status, errors: r.errors };
      });
    const own = childrenOf(ownOfSO(so.id));
    return scoreStrategicObjective(
      {
        id: so.id,
        code: so.code,
        own: own.length ? own : undefined,
        contributions: contributions.length ? contributions : undefined,
        ownShare: so.ownShare,
        passMark: so.passMark,
      },
      ctx,
    );
  });

  const sosOfPerspective = groupsOf(s.strategicObjectives, (o) => o.perspective.id, whole);
  const perspectives = scoreLevel(s.perspectives, prev?.perspectives, (p) => {
    const children = (sosOfPerspective(p.id) ?? []).map((o) => ({
      ...strategicObjectives.get(o.id)!,
      weight: undefined,
    }));
    return aggregate(children, {
      subject: { type: 'perspective', id: p.id, code: p.code ?? p.name, year, checkpoint: ctx.checkpoint },
      profile,
    });
  });
  const plan = aggregate([...perspectives.values()], {
    subject: { type: 'plan', id: s.plan.id, code: s.plan.label, year, checkpoint: ctx.checkpoint },
    profile,
  });

  yield;
  const entriesOf = groupsOf(s.entries, (e) => e.dashboard.id, whole);
  for (const e of s.entries) if (dirty.has(e.indicator.id)) dirtyBelow.add(e.dashboard.id);
  const indicatorById = lastOf(s.indicators, (i) => i.id, whole);
  const dashboards = scoreLevel(s.dashboards, prev?.dashboards, (d) => {
    dirty.add(d.id);
    const entries = (entriesOf(d.id) ?? []).map((e) => {
      const indicator = indicatorById(e.indicator.id);
      const objectiveId =
        e.operationalObjective?.id ??
        e.strategicObjective?.id ??
        indicator?.operationalObjective?.id ??
        indicator?.strategicObjective?.id ??
        d.id;
      return {
        indicatorId: e.indicator.id,
        indicatorCode: indicator?.code,
        objectiveId,
        weight: e.weight,
        level: e.level,
      };
    });
    return scoreDashboard({ id: d.id, code: d.name, entries }, indicators, ctx);
  });

  yield;
  // docs/scoring.md §5.5: a unit scores its service dashboard if it has one, else the indicators it is responsible for.
  const units = new Map<string, AggregateResult>();
  const serviceDashboardOf = new Map(
    s.dashboards.filter((d) => d.kind === DashboardKind.SERVICE && d.ownerUnit).map((d) => [d.ownerUnit!.id, d]),
  );
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
        (dashboard
          ? dashboards.get(dashboard.id)!
          : aggregate(
              childrenOf(indicatorsOfUnit.get(unitId)).map((c) => ({ ...c, weight: undefined })),
              { subject: { type: 'unit', id: unitId, year, checkpoint: ctx.checkpoint }, profile },
            )),
    );
  }

  yield;
  // docs/scoring.md §5.9: a manager scores the weighted portfolio of the plan version, or the dashboard they are evaluated through.
  const managers = new Map<string, ManagerResult>();
  const funds = s.funds.map((f) => ({ name: f.fund, unitValue: f.unitValue }));
  const relevanceOf = new Map<string, string | null | undefined>([
    ...s.strategicObjectives.map((o) => [o.id, o.relevance] as const),
    ...s.operationalObjectives.map((o) => [o.id, o.relevance] as const),
  ]);
  const assignmentsOf = groupBy(s.assignments, (a) => a.manager.id);
  const personalDashboardOf = new Map(
    s.dashboards.filter((d) => d.ownerPerson && d.kind !== DashboardKind.SERVICE).map((d) => [d.ownerPerson!.id, d]),
  );
  for (const managerId of new Set([...assignmentsOf.keys(), ...personalDashboardOf.keys()])) {
    const assignments = assignmentsOf.get(managerId);
    const dashboard = personalDashboardOf.get(managerId);
    const below =
      (dashboard !== undefined && dirty.has(dashboard.id)) ||
      (assignments ?? []).some((a) => dirty.has((a.operationalObjective ?? a.strategicObjective)!.id));
    managers.set(
      managerId,
      kept(prev?.managers, managerId, below) ??
        scoreManagerByPeriod(
          {
            id: managerId,
            assignments: assignments?.map((a) => {
              const objectiveId = (a.operationalObjective ?? a.strategicObjective)!.id;
              const r = operationalObjectives.get(objectiveId) ?? strategicObjectives.get(objectiveId);
              const relevance = relevanceOf.get(objectiveId);
              return {
                objectiveId,
                code: r?.code,
                weight: a.weight,
                score: r?.score ?? null,
                status: r?.status,
                errors: r?.errors,
                relevance: relevance ? (relevance.toUpperCase() as 'HIGH' | 'MEDIUM' | 'LOW') : null,
                validFrom: a.validFrom ?? null,
                validTo: a.validTo ?? null,
              };
            }),
            dashboard: !assignments && dashboard ? dashboards.get(dashboard.id) : undefined,
            funds,
          },
          ctx,
        ),
    );
  }

  return {
    profile,
    indicators,
    operationalObjectives,
    strategicObjectives,
    perspectives,
    plan,
    dashboards,
    units,
    managers,
  };
}
