/**
 * Many entries of one dashboard at once (issue 14, item 5): a Bergamo cruscotto lists dozens of indicators, and one
 * createDashboardEntry per row was 256 calls for one plan. Set-based: the dashboard, its plan's indicators and
 * objectives are read in one statement each, every entry is checked (a bad one names its index and field, and
 * nothing is written), then all rows are written and audited in one flush.
 */
import { AuditAction, EntryLevel, PlanStatus } from '@core/vocabulary/enums';
import { Dashboard, DashboardEntry, Indicator, OperationalObjective, StrategicObjective } from '../entities';
import { type FieldProblem, InputError, NotFoundError } from '../errors';
import { recordChange, snapshot } from './audit';
import type { ServiceContext } from './service-context';
import { readsTogether } from '../speed/reads-together';

export type DashboardEntryDraft = {
  indicatorId: string;
  strategicObjectiveId?: string | null;
  operationalObjectiveId?: string | null;
  weight?: number | null;
  level?: EntryLevel;
  actionLabel?: string | null;
  dataSource?: string | null;
  position?: number;
};

/** at most this many entries per call: a whole Bergamo plan's cruscotti fit many times over */
export const MAX_ENTRIES = 5000;

export async function createDashboardEntries(
  ctx: ServiceContext,
  dashboardId: string,
  entries: DashboardEntryDraft[],
): Promise<DashboardEntry[]> {
  const { em } = ctx;
  const dashboard = await em.findOne(Dashboard, { id: dashboardId }, { populate: ['plan'] });
  if (!dashboard) throw new NotFoundError('Dashboard', dashboardId);
  ctx.access?.check(dashboard.org.id, 'plan');
  if (dashboard.plan.status !== PlanStatus.DRAFT)
    throw InputError.of(
      'dashboardId',
      'PLAN_LOCKED',
      `the plan version is ${dashboard.plan.status}: its structure cannot change`,
    );
  if (entries.length > MAX_ENTRIES)
    throw InputError.of('entries', 'OUT_OF_RANGE', `must be between 0 and ${MAX_ENTRIES}`);
  const plan = dashboard.plan.id;
  const idsOf = (pick: (e: DashboardEntryDraft) => string | null | undefined) => [
    ...new Set(entries.map(pick).filter((id): id is string => !!id)),
  ];
  const [indicators, strategic, operational] = await readsTogether(em, [
    () => em.find(Indicator, { plan, id: { $in: idsOf((e) => e.indicatorId) } }),
    () => em.find(StrategicObjective, { plan, id: { $in: idsOf((e) => e.strategicObjectiveId) } }),
    () => em.find(OperationalObjective, { plan, id: { $in: idsOf((e) => e.operationalObjectiveId) } }),
  ] as const);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const [indicatorOf, strategicOf, operationalOf] = [byId(indicators), byId(strategic), byId(operational)];
  const problems: FieldProblem[] = [];
  // an id of another plan or organisation reads as not found, never as a link
  const missing = (i: number, field: string, id: string) =>
    problems.push({ field: `entries.${i}.${field}`, code: 'NOT_FOUND', message: `no row with id "${id}"` });
  entries.forEach((e, i) => {
    if (!indicatorOf.has(e.indicatorId)) missing(i, 'indicatorId', e.indicatorId);
    if (e.strategicObjectiveId && !strategicOf.has(e.strategicObjectiveId))
      missing(i, 'strategicObjectiveId', e.strategicObjectiveId);
    if (e.operationalObjectiveId && !operationalOf.has(e.operationalObjectiveId))
      missing(i, 'operationalObjectiveId', e.operationalObjectiveId);
    if (e.weight != null && !(e.weight >= 0))
      problems.push({ field: `entries.${i}.weight`, code: 'min', message: 'must not be negative' });
  });
  if (problems.length) throw new InputError(problems);
  const rows = entries.map((e, i) =>
    em.create(DashboardEntry, {
      org: dashboard.org,
      plan: dashboard.plan,
      dashboard,
      indicator: indicatorOf.get(e.indicatorId)!,
      strategicObjective: e.strategicObjectiveId ? strategicOf.get(e.strategicObjectiveId)! : null,
      operationalObjective: e.operationalObjectiveId ? operationalOf.get(e.operationalObjectiveId)! : null,
      weight: e.weight ?? null,
      level: e.level ?? EntryLevel.STRATEGIC,
      actionLabel: e.actionLabel ?? null,
      dataSource: e.dataSource ?? null,
      // entries keep the order they were sent in unless a position is given
      position: e.position ?? i,
    }),
  );
  for (const row of rows) recordChange(ctx, row, AuditAction.CREATE, null, snapshot(em, row), dashboard.org);
  await em.flush();
  return rows;
}
