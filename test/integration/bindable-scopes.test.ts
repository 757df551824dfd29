import { describeOnSondrio } from '../helpers/sondrio-server';
import { ok } from '../helpers/sync';
import { buildTenant } from '../helpers/tenant';

/**
 * The pane's scope choice (follow-up of issue 18, item 7): bindableScopes lists the units and cruscotti the caller
 * may scope a sheet to, by the rule sheetRows applies to a scope (server/sync/sheet-scope.ts, bindingRule): a unit
 * editor their own units and the cruscotti those own, an administrator or controller all of them, nobody another
 * organisation's. Every unit it lists, sheetRows accepts as scope; every unit it leaves out, sheetRows refuses.
 */

type Named = { id: string; name: string };
type Scopes = { limitedToOwnUnits: boolean; units: Named[]; dashboards: Named[] };
type Caller = { gql: (query: string, variables?: Record<string, unknown>) => Promise<any> };

const SCOPES = `query($planId: ID!) { bindableScopes(planId: $planId) {
  limitedToOwnUnits units { id name } dashboards { id name } } }`;
const SCOPED_ROWS = `query($planId: ID!, $scope: SheetScopeInput) {
  sheetRows(planId: $planId, year: 2022, scope: $scope) { rows { rowId } } }`;
const ids = (list: Named[]) => list.map((x) => x.id).sort();

describeOnSondrio('bindableScopes: the units and cruscotti a caller may bind (%s)', (sondrio) => {
  let units: Named[] = [];
  let dashboards: Array<Named & { ownerUnit: { id: string } | null }> = [];
  /** two cruscotti of the plan, each owned by one of the first two units */
  const owned: Named[] = [];

  const scopesOf = async (caller: Caller, planId = sondrio.plan.planId): Promise<Scopes> =>
    ok(await caller.gql(SCOPES, { planId })).bindableScopes as Scopes;

  beforeAll(async () => {
    const { server, plan } = sondrio;
    units = ok(await server.gql(`query($id: ID!) { organisation(id: $id) { units { id name } } }`, { id: plan.orgId }))
      .organisation.units;
    expect(units.length).toBeGreaterThanOrEqual(3);
    for (const [n, unit] of units.slice(0, 2).entries()) {
      const made = ok(
        await server.gql(`mutation($i: CreateDashboardInput!) { createDashboard(input: $i) { id name } }`, {
          i: { planId: plan.planId, kind: 'SERVICE', name: `Cruscotto di prova ${n + 1}`, ownerUnitId: unit.id },
        }),
      ).createDashboard as Named;
      owned.push(made);
    }
    dashboards = ok(
      await server.gql(`query($id: ID!) { planVersion(id: $id) { dashboards { id name ownerUnit { id } } } }`, {
        id: plan.planId,
      }),
    ).planVersion.dashboards;
  });

  it('an administrator and a controller see every unit of the organisation, by name, and every cruscotto of the plan', async () => {
    const { server, plan } = sondrio;
    for (const caller of [await server.as('admin', plan.orgId), await server.as('controller', plan.orgId)]) {
      const seen = await scopesOf(caller);
      expect(seen.limitedToOwnUnits).toBe(false);
      expect(ids(seen.units)).toEqual(ids(units));
      expect(seen.units.map((u) => u.name)).toEqual(
        [...units.map((u) => u.name)].sort((a, b) => a.localeCompare(b, 'it')),
      );
      expect(ids(seen.dashboards)).toEqual(ids(dashboards));
    }
  });

  it('a unit editor sees only their own units and the cruscotti those own; sheetRows accepts exactly those', async () => {
    const { server, plan } = sondrio;
    const [first, second, third] = units;
    const editor = await server.as('unit_editor', plan.orgId, [first.id, third.id]);
    const seen = await scopesOf(editor);
    expect(seen.limitedToOwnUnits).toBe(true);
    expect(ids(seen.units)).toEqual(ids([first, third]));
    const theirs = dashboards.filter((d) => d.ownerUnit && [first.id, third.id].includes(d.ownerUnit.id));
    expect(ids(seen.dashboards)).toEqual(ids(theirs));
    expect(ids(seen.dashboards)).toContain(owned[0].id);
    expect(ids(seen.dashboards)).not.toContain(owned[1].id);
    // one rule: what the list offers the server accepts as a sheet's scope, what it leaves out the server refuses
    for (const unit of units) {
      const answer = await editor.gql(SCOPED_ROWS, { planId: plan.planId, scope: { unitId: unit.id } });
      const listed = seen.units.some((u) => u.id === unit.id);
      expect({ unit: unit.name, refused: answer.errors?.[0]?.extensions?.code ?? null }).toEqual({
        unit: unit.name,
        refused: listed ? null : 'FORBIDDEN',
      });
    }
    for (const dashboard of dashboards) {
      const answer = await editor.gql(SCOPED_ROWS, { planId: plan.planId, scope: { dashboardId: dashboard.id } });
      const listed = seen.dashboards.some((d) => d.id === dashboard.id);
      expect(answer.errors?.[0]?.extensions?.code ?? null).toBe(listed ? null : 'FORBIDDEN');
    }
    // another unit editor, of the second unit: the other cruscotto
    const colleague = await scopesOf(await server.as('unit_editor', plan.orgId, [second.id]));
    expect(colleague.units).toEqual([second]);
    expect(ids(colleague.dashboards)).toContain(owned[1].id);
    expect(ids(colleague.dashboards)).not.toContain(owned[0].id);
  });

  it('a unit editor assigned to no unit gets empty lists, marked as limited to their own units', async () => {
    const { server, plan } = sondrio;
    const seen = await scopesOf(await server.as('unit_editor', plan.orgId, []));
    expect(seen).toEqual({ limitedToOwnUnits: true, units: [], dashboards: [] });
  });

  it("another organisation's units and cruscotti are never listed, and its plan is not found", async () => {
    const { server, plan } = sondrio;
    const other = await buildTenant(server.gql, 'ALTRA');
    const admin = await server.as('admin', plan.orgId);
    const seen = await scopesOf(admin);
    expect(ids(seen.units)).not.toContain(other.unit);
    expect(ids(seen.dashboards)).not.toContain(other.dashboard);
    // a unit editor whose grant names a unit of another organisation: not a unit of this plan's organisation
    const stray = await scopesOf(await server.as('unit_editor', plan.orgId, [other.unit]));
    expect(stray).toEqual({ limitedToOwnUnits: true, units: [], dashboards: [] });
    const foreign = await admin.gql(SCOPES, { planId: other.plan });
    expect(foreign.data).toBeNull();
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // the other organisation's own administrator sees its unit and cruscotto, and none of Sondrio's
    const theirs = await scopesOf(await server.as('admin', other.org), other.plan);
    expect(ids(theirs.units)).toEqual([other.unit]);
    expect(ids(theirs.dashboards)).toEqual([other.dashboard]);
  });
});
