import {
  aggregate,
  type AggregateChild,
  type AggregateResult,
  type ActivityInput,
  type DashboardResult,
  type IndicatorResult,
  type IndicatorInput,
  type ManagerResult,
  type RuleName,
  scoreDashboard,
  scoreIndicator,
  scoreManagerByPeriod,
  scoreStrategicObjective,
  type ScoringProfile,
  type StrategicResult,
  type Subject,
  type TargetInput,
} from '@core/scoring';
import { type Checkpoint, DashboardKind, IndicatorStatus, RevisionKind, TargetMode } from '@core/vocabulary/enums';
import type {
  Activity,
  Indicator,
  Measurement,
  OperationalObjective,
  Perspective,
  StrategicObjective,
  Target,
  TargetRevision,
} from '../entities';
import { groupBy } from './group-by';
import { groupsOf, lastOf } from './lookups';
import type { PlanSnapshot } from './plan-snapshot';
import type { PlanScores } from './realization';

/**
 * Each level's score of one node from its children's results: what a plan scored whole (realization.ts) and a
 * rescore of a few indicators (rescore-few.ts) both compute, so that the two cannot differ.
 */
export type ScoreContext = { year: number; checkpoint: '30/6' | '31/12'; profile: ScoringProfile };

/** An indicator's rows of the period scored: its target and that target's revisions, its actual, its activities. */
export type IndicatorRows = {
  targetOf(indicatorId: string): Target | undefined;
  revisionsOf(targetId: string): TargetRevision[] | undefined;
  measurementOf(indicatorId: string): Measurement | undefined;
  activitiesOf(projectId: string): Activity[] | undefined;
};

/**
 * The indicators' rows of (year, checkpoint) in `s`, which may hold every period's: from the indexes given (the
 * sync's plan state, rescore.ts), else found in its lists, all grouped at once when `whole`, else per indicator asked.
 */
export function periodRows(
  s: PlanSnapshot,
  year: number,
  checkpoint: Checkpoint,
  indexed: Omit<IndicatorRows, 'activitiesOf'> | undefined,
  whole: boolean,
): IndicatorRows {
  const inPeriod = (row: { year: number; checkpoint: string }) => row.year === year && row.checkpoint === checkpoint;
  return {
    targetOf: indexed?.targetOf ?? lastOf(s.targets, (t) => (inPeriod(t) ? t.indicator.id : null), whole),
    revisionsOf: indexed?.revisionsOf ?? groupsOf(s.revisions, (r) => r.target.id, whole),
    measurementOf:
      indexed?.measurementOf ?? lastOf(s.measurements, (m) => (inPeriod(m) ? m.indicator.id : null), whole),
    activitiesOf: groupsOf(s.activities, (a) => a.project.id, whole),
  };
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

const childrenOf = (list: Indicator[] | undefined, indicators: ReadonlyMap<string, IndicatorResult>) =>
  (list ?? []).map((i) => asChild(i, indicators.get(i.id)!));

export function indicatorResult(indicator: Indicator, rows: IndicatorRows, ctx: ScoreContext): IndicatorResult {
  const target = rows.targetOf(indicator.id);
  const activities: ActivityInput[] | undefined = indicator.project
    ? (rows.activitiesOf(indicator.project.id) ?? []).map((a) => ({
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
  return scoreIndicator(
    {
      id: indicator.id,
      code: indicator.code,
      polarity: indicator.polarity,
      polarityConfirmed: indicator.polarityConfirmed,
      polarityEvidence: indicator.polarityEvidence,
      rule: (indicator.rule as RuleName | null) ?? undefined,
      target: target ? targetInput(target, rows.revisionsOf(target.id) ?? [], indicator) : undefined,
      actual: actualInput(rows.measurementOf(indicator.id)),
      activities: activities && activities.length > 0 ? activities : undefined,
    },
    ctx,
  );
}

export function operationalResult(
  oo: OperationalObjective,
  own: Indicator[] | undefined,
  indicators: ReadonlyMap<string, IndicatorResult>,
  ctx: ScoreContext,
): AggregateResult {
  return aggregateOf(childrenOf(own, indicators), { type: 'objective', id: oo.id, code: oo.code }, ctx);
}

export function strategicResult(
  so: StrategicObjective,
  oos: OperationalObjective[] | undefined,
  ownIndicators: Indicator[] | undefined,
  operationalObjectives: ReadonlyMap<string, AggregateResult>,
  indicators: ReadonlyMap<string, IndicatorResult>,
  ctx: ScoreContext,
): StrategicResult {
  const contributions = (oos ?? [])
    .filter((o) => o.contributes)
    .map((o) => {
      const r = operationalObjectives.get(o.id)!;
      return { id: o.id, code: o.code, weight: o.weight, score: r.score, status: r.status, errors: r.errors };
    });
  const own = childrenOf(ownIndicators, indicators);
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
}

export function perspectiveResult(
  p: Perspective,
  sos: StrategicObjective[] | undefined,
  strategicObjectives: ReadonlyMap<string, StrategicResult>,
  ctx: ScoreContext,
): AggregateResult {
  const children = (sos ?? []).map((o) => ({ ...strategicObjectives.get(o.id)!, weight: undefined }));
  return aggregateOf(children, { type: 'perspective', id: p.id, code: p.code ?? p.name }, ctx);
}

function planResult(
  plan: PlanSnapshot['plan'],
  perspectives: ReadonlyMap<string, AggregateResult>,
  ctx: ScoreContext,
): AggregateResult {
  return aggregateOf([...perspectives.values()], { type: 'plan', id: plan.id, code: plan.label }, ctx);
}

/** docs/scoring.md §5.5: a unit without a service dashboard scores the indicators it is responsible for. */
export function unitResult(
  unitId: string,
  own: Indicator[] | undefined,
  indicators: ReadonlyMap<string, IndicatorResult>,
  ctx: ScoreContext,
): AggregateResult {
  return unitAggregate(
    unitId,
    (own ?? []).map((i) => unitChild(i, indicators.get(i.id)!)),
    ctx,
  );
}

/** One of a unit's indicators as its child: equal weights, whatever the indicator's own weight. */
export const unitChild = (indicator: Indicator, result: IndicatorResult): AggregateChild => ({
  ...asChild(indicator, result),
  weight: undefined,
});

/** A unit's mean of its children (unitChild of each of its indicators, in the plan's order). */
export function unitAggregate(unitId: string, children: AggregateChild[], ctx: ScoreContext): AggregateResult {
  return aggregateOf(children, { type: 'unit', id: unitId }, ctx);
}

/**
 * The mean of one node's children (docs/scoring.md §5.5), its explanation naming the node and the period scored:
 * the subject's keys in the order every answer and kept text has written them (type, id, code, year, checkpoint).
 */
function aggregateOf(
  children: AggregateChild[],
  node: Pick<Subject, 'type' | 'id' | 'code'>,
  { year, checkpoint, profile }: ScoreContext,
): AggregateResult {
  return aggregate(children, { subject: { ...node, year, checkpoint }, profile });
}

/** The service dashboard of each unit that has one (docs/scoring.md §5.5: the unit scores it). */
export function serviceDashboards(s: PlanSnapshot) {
  return new Map(
    s.dashboards.filter((d) => d.kind === DashboardKind.SERVICE && d.ownerUnit).map((d) => [d.ownerUnit!.id, d]),
  );
}

/**
 * The cruscotti: each one's kept result unless an indicator it lists was scored again (`dirty`), which marks it
 * dirty in turn. `kept(previous, id, below)`: the kept result when nothing below was scored again.
 * `indicatorOf`: each entry's indicator (the last of its id, as lastOf), from the rescore's positions when it has
 * them; else indexed once, when a cruscotto is scored again: found per entry, a rescore of 4 indicators of a
 * 4,800-indicator plan went over the whole list for each of its cruscotti's 800 entries (session dashidx).
 */
export function dashboardResults(
  s: PlanSnapshot,
  previous: ReadonlyMap<string, DashboardResult> | undefined,
  dirty: Set<string>,
  indicators: ReadonlyMap<string, IndicatorResult>,
  ctx: ScoreContext,
  whole: boolean,
  indicatorOf?: (id: string) => Indicator | undefined,
): Map<string, DashboardResult> {
  const entriesOf = groupsOf(s.entries, (e) => e.dashboard.id, whole);
  const below = new Set<string>();
  for (const e of s.entries) if (dirty.has(e.indicator.id)) below.add(e.dashboard.id);
  let indexed: ((id: string) => Indicator | undefined) | undefined = indicatorOf;
  const indicatorById = (id: string) => (indexed ??= lastOf(s.indicators, (i) => i.id, true))(id);
  const results = new Map<string, DashboardResult>();
  for (const d of s.dashboards) {
    const same = below.has(d.id) ? undefined : previous?.get(d.id);
    if (same) {
      results.set(d.id, same);
      continue;
    }
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
    results.set(d.id, scoreDashboard({ id: d.id, code: d.name, entries }, indicators, ctx));
  }
  return results;
}

/**
 * docs/scoring.md §5.9: a manager scores the weighted portfolio of the plan version, or the dashboard they are
 * evaluated through; the kept result unless an objective or dashboard of theirs was scored again (`dirty`).
 */
function managerResults(
  s: PlanSnapshot,
  previous: ReadonlyMap<string, ManagerResult> | undefined,
  dirty: Set<string>,
  levels: {
    operationalObjectives: ReadonlyMap<string, AggregateResult>;
    strategicObjectives: ReadonlyMap<string, StrategicResult>;
    dashboards: ReadonlyMap<string, DashboardResult>;
  },
  ctx: ScoreContext,
): Map<string, ManagerResult> {
  const { operationalObjectives, strategicObjectives, dashboards } = levels;
  const managers = new Map<string, ManagerResult>();
  const funds = s.funds.map((f) => ({ name: f.fund, unitValue: f.unitValue }));
  let relevanceOf: Map<string, string | null | undefined> | undefined;
  const relevance = (id: string) =>
    (relevanceOf ??= new Map<string, string | null | undefined>([
      ...s.strategicObjectives.map((o) => [o.id, o.relevance] as const),
      ...s.operationalObjectives.map((o) => [o.id, o.relevance] as const),
    ])).get(id);
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
    const same = below ? undefined : previous?.get(managerId);
    managers.set(
      managerId,
      same ??
        scoreManagerByPeriod(
          {
            id: managerId,
            assignments: assignments?.map((a) => {
              const objectiveId = (a.operationalObjective ?? a.strategicObjective)!.id;
              const r = operationalObjectives.get(objectiveId) ?? strategicObjectives.get(objectiveId);
              const level = relevance(objectiveId);
              return {
                objectiveId,
                code: r?.code,
                weight: a.weight,
                score: r?.score ?? null,
                status: r?.status,
                errors: r?.errors,
                relevance: level ? (level.toUpperCase() as 'HIGH' | 'MEDIUM' | 'LOW') : null,
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
  return managers;
}

/** The levels a scoring computes node by node, each its own way (whole, or a few again): the rest follows from them. */
export type ScoredLevels = Omit<PlanScores, 'profile' | 'plan' | 'managers'>;

/**
 * The scored plan from its levels: the plan's mean of its perspectives and the managers (each kept unless an
 * objective or dashboard of theirs is `dirty`), put together here alone, so that a whole scoring (realization.ts) and
 * a rescore of a few indicators (rescore-few.ts) cannot assemble it differently.
 */
export function planScoresOf(
  s: PlanSnapshot,
  levels: ScoredLevels,
  previousManagers: ReadonlyMap<string, ManagerResult> | undefined,
  dirty: Set<string>,
  ctx: ScoreContext,
): PlanScores {
  return {
    profile: ctx.profile,
    indicators: levels.indicators,
    operationalObjectives: levels.operationalObjectives,
    strategicObjectives: levels.strategicObjectives,
    perspectives: levels.perspectives,
    plan: planResult(s.plan, levels.perspectives, ctx),
    dashboards: levels.dashboards,
    units: levels.units,
    managers: managerResults(s, previousManagers, dirty, levels, ctx),
  };
}
