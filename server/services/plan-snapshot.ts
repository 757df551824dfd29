import type { EntityClass, EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { readPlanUnitLinks, readRows } from '../speed/read-rows';
import { readRowsInSlices } from '../speed/read-slices';
import { nextTurn } from '../speed/next-turn';
import {
  Activity,
  Dashboard,
  DashboardEntry,
  FundParameter,
  Indicator,
  ManagerAssignment,
  Measurement,
  OperationalObjective,
  Perspective,
  PlanVersion,
  Project,
  ScoringProfile,
  StrategicObjective,
  Target,
  TargetRevision,
} from '../entities';
import type { Checkpoint } from '@core/vocabulary/enums';
import { NotFoundError } from '../errors';

/** The rows of a plan's tree that the sheet shows and a sheet batch writes, by kind. */
export type TreeRows = {
  perspectives: Perspective[];
  strategicObjectives: StrategicObjective[];
  operationalObjectives: OperationalObjective[];
  indicators: Indicator[];
  targets: Target[];
  revisions: TargetRevision[];
  measurements: Measurement[];
};

/**
 * Everything scoring needs of one plan version, read with a fixed number of statements whatever the plan's size:
 * one per kind of row, filtered by the plan (sliced reads: one per kind and thousand rows).
 */
export type PlanSnapshot = TreeRows & {
  plan: PlanVersion;
  projects: Project[];
  activities: Activity[];
  dashboards: Dashboard[];
  entries: DashboardEntry[];
  assignments: ManagerAssignment[];
  funds: FundParameter[];
  /** indicator id → ids of its responsible units */
  unitsOf: Map<string, string[]>;
};

/** a sort both readers take: an order on E for em.find, a plain record for read-rows */
type Order<E> = QueryOrderMap<E> & Record<string, 'asc' | 'desc'>;
type Finder = <E extends object>(entity: EntityClass<E>, where: FilterQuery<E>, orderBy?: Order<E>) => Promise<E[]>;

/** The plan with its scoring profile, read-only. */
async function readOnlyPlan(em: EntityManager, planId: string): Promise<PlanVersion | null> {
  const [plan] = await readRows(em, PlanVersion, { id: planId });
  if (!plan) return null;
  if (plan.scoringProfile) [plan.scoringProfile] = await readRows(em, ScoringProfile, { id: plan.scoringProfile.id });
  return plan;
}

/** indicator id → ids of its responsible units, through the unit of work (the indicators' collections). */
async function unitsOfManaged(em: EntityManager, indicators: Indicator[]): Promise<Map<string, string[]>> {
  await em.populate(indicators, ['responsibleUnits']);
  const unitsOf = new Map<string, string[]>();
  for (const indicator of indicators) {
    const ids = indicator.responsibleUnits.getItems().map((unit) => unit.id);
    if (ids.length > 0) unitsOf.set(indicator.id, ids);
  }
  return unitsOf;
}

/** Awaits every promise of a record at once, keeping the names. */
async function allOf<T extends Record<string, Promise<unknown>>>(
  promises: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const values = await Promise.all(Object.values(promises));
  return Object.fromEntries(Object.keys(promises).map((key, i) => [key, values[i]])) as {
    [K in keyof T]: Awaited<T[K]>;
  };
}

/** A period narrows targets and measurements to one (year, checkpoint); without one, every period is read. */
export type Period = { year: number; checkpoint: Checkpoint };

/**
 * `readOnly` reads rows outside the unit of work (server/speed/read-rows.ts): for scores and reports, which only read,
 * at a fraction of the cost of managed entities. Whoever changes rows (the sync) loads them managed.
 * `sliced` (read-only reads outside a transaction: the plan-wide reads of a request) reads a thousand rows per
 * statement, each on a turn of the event loop of its own (server/speed/read-slices.ts): a 5,000-indicator plan's
 * read no longer holds the event loop for its whole length (issue 13, item 5). Inside a transaction the reads stay
 * whole: on SQLite the connection is shared, and a turn given away there would run others' statements inside it.
 */
export async function loadPlanSnapshot(
  em: EntityManager,
  planId: string,
  period: Period | null,
  options: { readOnly?: boolean; sliced?: boolean } = {},
): Promise<PlanSnapshot> {
  const sliced = options.readOnly && options.sliced && !em.isInTransaction();
  const find: Finder = sliced
    ? (entity, where, orderBy) =>
        readRowsInSlices(em, entity as EntityClass<{ id: string }>, where as never, orderBy) as never
    : options.readOnly
      ? (entity, where, orderBy) => readRows(em, entity, where, orderBy)
      : (entity, where, orderBy) => em.find(entity, where, orderBy ? { orderBy } : {});
  const plan = options.readOnly
    ? await readOnlyPlan(em, planId)
    : await em.findOne(PlanVersion, { id: planId }, { populate: ['scoringProfile'] });
  if (!plan) throw new NotFoundError('PlanVersion', planId);
  const byPlan = { plan: planId };
  const position = { position: 'asc', id: 'asc' } as const;
  const rows = await allOf({
    perspectives: find(Perspective, byPlan, position),
    strategicObjectives: find(StrategicObjective, byPlan, position),
    operationalObjectives: find(OperationalObjective, byPlan, position),
    indicators: find(Indicator, byPlan, position),
    targets: find(Target, { plan: planId, ...period }, { year: 'asc', checkpoint: 'asc', id: 'asc' }),
    revisions: find(TargetRevision, { target: { plan: planId, ...period } }, { seq: 'asc' }),
    measurements: find(Measurement, { plan: planId, ...period }),
    projects: find(Project, byPlan, position),
    activities: find(Activity, { project: { plan: planId } }, position),
    dashboards: find(Dashboard, byPlan, position),
    entries: find(DashboardEntry, byPlan, position),
    assignments: find(ManagerAssignment, byPlan, { createdAt: 'asc', id: 'asc' }),
    funds: find(FundParameter, { cycle: plan.cycle.id }),
  });
  if (sliced) await nextTurn();
  const unitsOf = options.readOnly ? await readPlanUnitLinks(em, planId) : await unitsOfManaged(em, rows.indicators);
  return { plan, ...rows, unitsOf };
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
