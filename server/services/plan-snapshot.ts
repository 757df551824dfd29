import type { EntityManager } from '@mikro-orm/core';
import {
  Activity, Dashboard, DashboardEntry, FundParameter, Indicator, ManagerAssignment, Measurement, OperationalObjective,
  Perspective, PlanVersion, Project, StrategicObjective, Target, TargetRevision,
} from '../entities';
import type { Checkpoint } from '../domain/enums';
import { NotFoundError } from './errors';

/**
 * Everything scoring needs of one plan version, read with a fixed number of statements whatever the plan's size:
 * one per kind of row, filtered by the plan.
 */
export type PlanSnapshot = {
  plan: PlanVersion;
  perspectives: Perspective[];
  strategicObjectives: StrategicObjective[];
  operationalObjectives: OperationalObjective[];
  indicators: Indicator[];
  targets: Target[];
  revisions: TargetRevision[];
  measurements: Measurement[];
  projects: Project[];
  activities: Activity[];
  dashboards: Dashboard[];
  entries: DashboardEntry[];
  assignments: ManagerAssignment[];
  funds: FundParameter[];
  /** indicator id → ids of its responsible units */
  unitsOf: Map<string, string[]>;
};

/** A period narrows targets and measurements to one (year, checkpoint); without one, every period is read. */
export type Period = { year: number; checkpoint: Checkpoint };

export async function loadPlanSnapshot(em: EntityManager, planId: string, period: Period | null): Promise<PlanSnapshot> {
  const plan = await em.findOne(PlanVersion, { id: planId }, { populate: ['scoringProfile'] });
  if (!plan) throw new NotFoundError('PlanVersion', planId);
  const byPlan = { plan: planId };
  const order = { orderBy: { position: 'asc', id: 'asc' } } as const;
  const [perspectives, strategicObjectives, operationalObjectives, indicators, targets, revisions, measurements, projects, activities, dashboards, entries, assignments, funds] =
    await Promise.all([
      em.find(Perspective, byPlan, order),
      em.find(StrategicObjective, byPlan, order),
      em.find(OperationalObjective, byPlan, order),
      em.find(Indicator, byPlan, order),
      em.find(Target, { plan: planId, ...period }, { orderBy: { year: 'asc', checkpoint: 'asc', id: 'asc' } }),
      em.find(TargetRevision, { target: { plan: planId, ...period } }, { orderBy: { seq: 'asc' } }),
      em.find(Measurement, { plan: planId, ...period }),
      em.find(Project, byPlan, order),
      em.find(Activity, { project: { plan: planId } }, order),
      em.find(Dashboard, byPlan, order),
      em.find(DashboardEntry, byPlan, order),
      em.find(ManagerAssignment, byPlan, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      em.find(FundParameter, { cycle: plan.cycle.id }),
    ]);
  const unitsOf = new Map<string, string[]>();
  const pivot = (await em.getConnection().execute(
    'select indicator_id, org_unit_id from indicator_responsible_units where indicator_id in (select id from indicator where plan_id = ?)',
    [planId],
    'all',
    em.getTransactionContext(),
  )) as Array<{ indicator_id: string; org_unit_id: string }>;
  for (const row of pivot) {
    const list = unitsOf.get(row.indicator_id);
    if (list) list.push(row.org_unit_id);
    else unitsOf.set(row.indicator_id, [row.org_unit_id]);
  }
  return {
    plan, perspectives, strategicObjectives, operationalObjectives, indicators, targets, revisions, measurements,
    projects, activities, dashboards, entries, assignments, funds, unitsOf,
  };
}

/** The snapshot narrowed to one period's targets and actuals: what the scores of (year, checkpoint) read. */
export function forPeriod(s: PlanSnapshot, year: number, checkpoint: Checkpoint): PlanSnapshot {
  const targets = s.targets.filter((t) => t.year === year && t.checkpoint === checkpoint);
  const ids = new Set(targets.map((t) => t.id));
  return {
    ...s,
    targets,
    revisions: s.revisions.filter((r) => ids.has(r.target.id)),
    measurements: s.measurements.filter((m) => m.year === year && m.checkpoint === checkpoint),
  };
}
