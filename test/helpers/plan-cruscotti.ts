import type { EntityManager } from '@mikro-orm/core';
import { DashboardKind, EntryLevel, UnitType } from '@core/vocabulary/enums';
import * as entity from '../../server/entities';

/**
 * What a plan's scores hold above its objectives, added to a generated plan (buildPlan): a manager per perspective
 * with its strategic objectives and their first operational objectives in the portfolio, a manager evaluated through
 * a personal cruscotto, and a unit scored by its service cruscotto; each cruscotto lists every `every`-th indicator.
 */
export async function addManagersAndDashboards(em: EntityManager, planId: string, every = 12): Promise<void> {
  const tx = em.fork();
  const plan = await tx.findOneOrFail(entity.PlanVersion, planId, { populate: ['org'] });
  const org = plan.org;
  const byPlan = { plan: planId };
  const perspectives = await tx.find(entity.Perspective, byPlan, { orderBy: { position: 'asc' } });
  const strategic = await tx.find(entity.StrategicObjective, byPlan, { orderBy: { code: 'asc' } });
  const operational = await tx.find(entity.OperationalObjective, byPlan, { orderBy: { code: 'asc' } });
  const listed = (await tx.find(entity.Indicator, byPlan, { orderBy: { code: 'asc' } })).filter(
    (_, k) => k % every === 0,
  );
  for (const perspective of perspectives) {
    const manager = tx.create(entity.Person, { org, fullName: `Dirigente ${perspective.name}` });
    const sos = strategic.filter((so) => so.perspective.id === perspective.id);
    for (const so of sos) {
      tx.create(entity.ManagerAssignment, { org, plan, manager, strategicObjective: so, weight: 50 / sos.length });
      const oo = operational.find((o) => o.strategicObjective?.id === so.id)!;
      tx.create(entity.ManagerAssignment, { org, plan, manager, operationalObjective: oo, weight: 50 / sos.length });
    }
  }
  const unit = tx.create(entity.OrgUnit, { org, name: 'Servizio "Cruscotto"', type: UnitType.UO });
  const dashboards = [
    tx.create(entity.Dashboard, {
      org,
      plan,
      kind: DashboardKind.SERVICE,
      name: 'Cruscotto del servizio',
      ownerUnit: unit,
    }),
    tx.create(entity.Dashboard, {
      org,
      plan,
      kind: DashboardKind.MANAGER,
      name: 'Cruscotto del dirigente',
      ownerPerson: tx.create(entity.Person, { org, fullName: 'Dirigente con cruscotto' }),
    }),
  ];
  for (const dashboard of dashboards)
    for (const indicator of listed)
      tx.create(entity.DashboardEntry, { org, plan, dashboard, indicator, level: EntryLevel.OPERATIONAL });
  await tx.flush();
}
