/**
 * What a new binding of a plan may be scoped to, for the caller (the pane's "Righe del foglio"): the units and
 * cruscotti the server would accept as its scope, by the same rule (sheet-scope.ts, bindingRule), so the pane never
 * offers a unit whose sheet the server then refuses. The plan and its units are read through the tenant filter: a
 * plan of another organisation is not found, and its units are never listed.
 */
import type { EntityManager } from '@mikro-orm/core';
import { Dashboard, OrgUnit, PlanVersion } from '../entities';
import { NotFoundError } from '../errors';
import type { ServiceContext } from '../services/service-context';
import { readsTogether } from '../speed/reads-together';
import { bindingRule } from './sheet-scope';

export type BindableScopes = {
  /** the caller's sheets are limited to their own units (a unit editor): the pane says so when the lists are empty */
  limitedToOwnUnits: boolean;
  /** by name, as the pane lists them */
  units: OrgUnit[];
  /** in the plan's order */
  dashboards: Dashboard[];
};

export async function bindableScopes(
  ctx: Pick<ServiceContext, 'access'> & { em: EntityManager },
  planId: string,
): Promise<BindableScopes> {
  const plan = await ctx.em.findOne(PlanVersion, { id: planId });
  if (!plan) throw new NotFoundError('PlanVersion', planId);
  const may = bindingRule(ctx, plan.org.id);
  const [units, dashboards] = await readsTogether(ctx.em, [
    () => ctx.em.find(OrgUnit, { org: plan.org.id }),
    () => ctx.em.find(Dashboard, { plan: planId }, { orderBy: { position: 'asc', id: 'asc' } }),
  ] as const);
  return {
    limitedToOwnUnits: may.limited !== null,
    units: units
      .filter((u) => may.unit(u.id))
      .sort((a, b) => a.name.localeCompare(b.name, 'it') || a.id.localeCompare(b.id)),
    dashboards: dashboards.filter((d) => may.dashboard(d)),
  };
}
