import { isObjectType, type GraphQLSchema } from 'graphql';
import { getSchema } from '../../server/graphql/schema';
import { databaseNames } from '../helpers/databases';
import { startServer, type TestServer } from '../helpers/server';
import { buildTenant, type Tenant } from '../helpers/tenant';

/**
 * Relay's global object identification (issue 19): every entity with an id is a `Node`, and `node(id)` /
 * `nodes(ids)` refetch each kind of them by the id any other query gave, with a bounded number of statements.
 * Isolation between organisations is in security-isolation.test.ts (its table probes `node` and `nodes`).
 */

/** Types with an `id` that are not Nodes, and why: their id is another object's, or not an object's at all. */
const NOT_NODES: Record<string, string> = {
  ReportRow: 'the id of the plan node the row shows: refetch that node instead',
  AffectedScore: 'the id of the objective, plan or dashboard whose score changed',
  MovedScore: 'the id of the indicator, objective, plan or dashboard whose score a live update moved',
  UsedChild: 'the id of the child of an explanation: refetch that child',
  ExcludedChild: 'the id of the child of an explanation: refetch that child',
  DeletePayload: 'the id of a row that no longer exists',
  Me: 'the caller, not an object of an organisation',
  OrganisationMember: "a person's membership as seen by one organisation (the same user may belong to several)",
  ApiTokenInfo: 'a credential, listed only to its owner and the admins who issued it',
  UserAccount: "an account spans organisations: read through users(organisationId) by that organisation's admins",
};

function typesWithId(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((t) => isObjectType(t) && !t.name.startsWith('__') && 'id' in t.getFields())
    .map((t) => t.name)
    .sort();
}

it('every type with an id of its own implements Node; the others are listed with the reason', async () => {
  const schema = await getSchema();
  const node = schema.getType('Node')!;
  const nodes = schema.getPossibleTypes(node as never).map((t) => t.name);
  expect(typesWithId(schema).filter((name) => !nodes.includes(name))).toEqual(Object.keys(NOT_NODES).sort());
  expect(nodes).toHaveLength(23);
});

describe.each(databaseNames())('node(id) and nodes(ids) refetch every kind of entity (%s)', (dialect) => {
  let server: TestServer;
  let tenant: Tenant;
  /** one id of every Node type, with its GraphQL type name */
  let ids: Array<[string, string]>;
  beforeAll(async () => {
    server = await startServer(dialect, { seed: false });
    tenant = await buildTenant(server.gql, 'NODE');
    const byKey: Record<string, string> = {
      org: 'Organisation',
      unit: 'OrgUnit',
      person: 'Person',
      managerRole: 'ManagerRole',
      cycle: 'PlanCycle',
      fundParameter: 'FundParameter',
      profile: 'ScoringProfile',
      plan: 'PlanVersion',
      perspective: 'Perspective',
      so: 'StrategicObjective',
      oo: 'OperationalObjective',
      indicator: 'Indicator',
      target: 'Target',
      revision: 'TargetRevision',
      baseline: 'Baseline',
      measurement: 'Measurement',
      project: 'Project',
      activity: 'Activity',
      dashboard: 'Dashboard',
      entry: 'DashboardEntry',
      assignment: 'ManagerAssignment',
    };
    ids = Object.entries(byKey).map(([key, type]) => [tenant[key as keyof Tenant], type]);
    const events = await server.gql(
      `query($p: ID!) { auditEvents(first: 1, filter: { planId: $p }) { edges { node { id } } } }`,
      { p: tenant.plan },
    );
    ids.push([events.data.auditEvents.edges[0].node.id, 'AuditEvent']);
    const lock = await server.gql(
      `mutation($p: ID!) { lockCheckpoint(planId: $p, year: 2022, checkpoint: MID_YEAR) { id } }`,
      { p: tenant.plan },
    );
    ids.push([lock.data.lockCheckpoint.id, 'CheckpointLock']);
  });
  afterAll(() => server.close());

  it('node(id) answers each kind by the id its own query gave, as the object of that type', async () => {
    expect(new Set(ids.map(([, type]) => type)).size).toBe(23);
    for (const [id, type] of ids) {
      const r = await server.gql(`query($id: ID!) { node(id: $id) { __typename id ... on Node { id } } }`, { id });
      expect(r.errors).toBeUndefined();
      expect(r.data.node).toEqual({ __typename: type, id });
    }
    // fields of the concrete type come with it (what a Relay refetch query selects)
    const indicator = await server.gql(`query($id: ID!) { node(id: $id) { ... on Indicator { code title } } }`, {
      id: tenant.indicator,
    });
    expect(indicator.data.node).toEqual({ code: '1.1.1', title: `Azione ${tenant.marker}` });
  });

  it('nodes(ids) keeps the order, answers null for an unknown id, and reads in a bounded number of statements', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const asked = [...ids.map(([id]) => id), unknown, 'not-a-uuid'];
    server.statements.length = 0;
    const r = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: asked });
    const statements = server.statements.length;
    expect(r.errors).toBeUndefined();
    expect(r.data.nodes).toEqual([...ids.map(([id, type]) => ({ __typename: type, id })), null, null]);
    // one statement finds the tables, then one per kind of entity (23), whatever the number of ids; the request's
    // own bookkeeping (the token's last use) may add one
    expect(statements).toBeLessThanOrEqual(1 + 23 + 1);
    const twice = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [...asked, ...asked] });
    expect(twice.data.nodes).toHaveLength(asked.length * 2);
  });

  it('refuses more than 100 ids as the client’s mistake', async () => {
    const r = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: Array.from({ length: 101 }, () => tenant.org),
    });
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'ids' }] });
  });

  it('is null for a member of another organisation, like every read', async () => {
    const other = await server.gql(`mutation { createOrganisation(input: { code: "NODE2", name: "Altro" }) { id } }`);
    const stranger = await server.as('admin', other.data.createOrganisation.id);
    const r = await stranger.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids.map(([id]) => id) });
    expect(r.errors).toBeUndefined();
    expect(r.data.nodes.every((n: unknown) => n === null)).toBe(true);
  });
});
