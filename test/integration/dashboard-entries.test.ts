/**
 * Issue 14, item 5 (bulk half): createDashboardEntries adds many entries to one dashboard in one call — a Bergamo
 * cruscotto lists dozens — all or none, a refused entry named by its index, in a number of statements that does not
 * grow with the entries.
 */
import { withTenantServer } from '../helpers/tenant';
import { ok } from '../helpers/sync';

const BULK = `mutation($d: ID!, $e: [DashboardEntryItemInput!]!) {
  createDashboardEntries(dashboardId: $d, entries: $e) { id position weight actionLabel indicator { id } } }`;
const COUNT = `query($d: ID!) { dashboard(id: $d) { entries { id } } }`;

describe('createDashboardEntries (sqlite)', () => {
  const env = withTenantServer('sqlite', 'DBE');

  const count = async () => ok(await env.server.gql(COUNT, { d: env.tenant.dashboard })).dashboard.entries.length;

  it('writes every entry in order, with a bounded number of statements', async () => {
    const before = await count();
    const entries = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        indicatorId: env.tenant.indicator,
        strategicObjectiveId: env.tenant.so,
        weight: 10,
        actionLabel: `Azione ${i + 1}`,
      }));
    env.server.statements.length = 0;
    const few = ok(await env.server.gql(BULK, { d: env.tenant.dashboard, e: entries(3) })).createDashboardEntries;
    const fewStatements = env.server.statements.length;
    env.server.statements.length = 0;
    const many = ok(await env.server.gql(BULK, { d: env.tenant.dashboard, e: entries(60) })).createDashboardEntries;
    expect(env.server.statements.length).toBeLessThanOrEqual(fewStatements + 2);
    expect(few.map((e: any) => [e.position, e.actionLabel, e.indicator.id])).toEqual([
      [0, 'Azione 1', env.tenant.indicator],
      [1, 'Azione 2', env.tenant.indicator],
      [2, 'Azione 3', env.tenant.indicator],
    ]);
    expect(many).toHaveLength(60);
    expect(await count()).toBe(before + 63);
  });

  it('refuses the whole call when one entry names a row that is not there, naming its index; writes nothing', async () => {
    const before = await count();
    const r = await env.server.gql(BULK, {
      d: env.tenant.dashboard,
      e: [{ indicatorId: env.tenant.indicator }, { indicatorId: '00000000-0000-0000-0000-000000000000' }],
    });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.problems).toEqual([
      expect.objectContaining({ field: 'entries.1.indicatorId', code: 'NOT_FOUND' }),
    ]);
    expect(await count()).toBe(before);
  });
});
