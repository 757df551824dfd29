import { getSchema } from '../../server/graphql/schema';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { ok } from '../helpers/sync';

/**
 * Relay's refetch on real data (issue 19): for every type implementing Node, one object of the Sondrio example plan
 * read through its ordinary query, then read again with node(id) — the same fields, the same values — and all of them
 * at once with nodes(ids), types mixed. Another organisation's admin gets null for each, as for every read.
 */

/** How each Node type is read ordinarily: a query answering one object of it, and the fields compared. */
const ORDINARY: Record<string, { query: (plan: string) => string; fields: string }> = {
  Organisation: { query: () => `organisationsConnection(first: 1)`, fields: 'id code name' },
  OrgUnit: { query: () => `orgUnitsConnection(first: 1)`, fields: 'id name type' },
  Person: { query: () => `peopleConnection(first: 1)`, fields: 'id fullName' },
  ManagerRole: { query: () => `managerRolesConnection(first: 1)`, fields: 'id role' },
  FundParameter: { query: () => `fundParametersConnection(first: 1)`, fields: 'id fund unitValue' },
  PlanCycle: { query: () => `planCyclesConnection(first: 1)`, fields: 'id name firstYear years' },
  PlanVersion: { query: () => `planVersionsConnection(first: 1)`, fields: 'id label status revision' },
  ScoringProfile: { query: () => `scoringProfilesConnection(first: 1)`, fields: 'id name profileVersion' },
  Perspective: { query: (p) => `perspectivesConnection(first: 1, filter: { planId: "${p}" })`, fields: 'id name' },
  StrategicObjective: {
    query: (p) => `strategicObjectivesConnection(first: 1, filter: { planId: "${p}" })`,
    fields: 'id code title',
  },
  OperationalObjective: {
    query: (p) => `operationalObjectivesConnection(first: 1, filter: { planId: "${p}" })`,
    fields: 'id code title weight',
  },
  Indicator: { query: (p) => `indicators(first: 1, filter: { planId: "${p}" })`, fields: 'id code title polarity' },
  Target: {
    query: (p) => `targetsConnection(first: 1, filter: { planId: "${p}" })`,
    fields: 'id year checkpoint mode',
  },
  TargetRevision: { query: () => `targetRevisionsConnection(first: 1)`, fields: 'id seq kind' },
  Baseline: { query: () => `baselinesConnection(first: 1)`, fields: 'id year' },
  Measurement: { query: () => `measurements(first: 1)`, fields: 'id year checkpoint neutralised' },
  Project: { query: (p) => `projectsConnection(first: 1, filter: { planId: "${p}" })`, fields: 'id name' },
  Activity: { query: () => `activitiesConnection(first: 1)`, fields: 'id name' },
  Dashboard: { query: (p) => `dashboardsConnection(first: 1, filter: { planId: "${p}" })`, fields: 'id name kind' },
  DashboardEntry: { query: () => `dashboardEntriesConnection(first: 1)`, fields: 'id level position' },
  ManagerAssignment: { query: () => `managerAssignmentsConnection(first: 1)`, fields: 'id weight' },
  AuditEvent: { query: (p) => `auditEvents(first: 1, filter: { planId: "${p}" })`, fields: 'id action entityType' },
  // a lock is read where it is made: the answer of lockCheckpoint (there is no list of locks)
  CheckpointLock: { query: () => '', fields: 'id year checkpoint reason' },
};

it('the table above names every type implementing Node', async () => {
  const schema = await getSchema();
  const nodes = schema.getPossibleTypes(schema.getType('Node') as never).map((t) => t.name);
  expect(Object.keys(ORDINARY).sort()).toEqual(nodes.sort());
});

/** The rows of a plan with a realization of their own, read through one fragment on the Scored interface. */
const SCORED = ['Dashboard', 'Indicator', 'OperationalObjective', 'Perspective', 'PlanVersion', 'StrategicObjective'];

it('the types implementing Scored are the rows of a plan with a realization of their own', async () => {
  const schema = await getSchema();
  const scored = schema.getPossibleTypes(schema.getType('Scored') as never).map((t) => t.name);
  expect(scored.sort()).toEqual(SCORED);
});

describeOnSondrio('node(id) refetches every kind of object of the Sondrio plan (%s)', (sondrio) => {
  /** type → the object its ordinary query gave */
  const read = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    const gql = async (q: string) => ok(await sondrio.server.gql(q));
    // what the example plan lacks is made the ordinary way, so every type has a real object to refetch
    const org = sondrio.plan.orgId;
    const some = async (list: string) => (await gql(`{ ${list}(first: 1) { totalCount } }`))[list].totalCount > 0;
    if (!(await some('peopleConnection')))
      await gql(`mutation { createPerson(input: { organisationId: "${org}", fullName: "Maria Rossi" }) { id } }`);
    const person = (await gql(`{ peopleConnection(first: 1) { edges { node { id } } } }`)).peopleConnection.edges[0]
      .node.id;
    if (!(await some('managerRolesConnection')))
      await gql(`mutation { createManagerRole(input: { personId: "${person}", role: DIRIGENTE }) { id } }`);
    const cycle = (await gql(`{ planCyclesConnection(first: 1) { edges { node { id } } } }`)).planCyclesConnection
      .edges[0].node.id;
    if (!(await some('fundParametersConnection')))
      await gql(
        `mutation { createFundParameter(input: { cycleId: "${cycle}", fund: DIRIGENTI, unitValue: 1.5 }) { id } }`,
      );
    const plan = sondrio.plan.planId;
    const indicator = sondrio.plan.indicator('1.1.1').rowId;
    const oo = sondrio.plan.operational('1.1').rowId;
    const unit = (await gql(`{ orgUnitsConnection(first: 1) { edges { node { id } } } }`)).orgUnitsConnection.edges[0]
      .node.id;
    const make = async (list: string, mutation: string, input: () => Promise<Record<string, unknown>>) => {
      if (await some(list)) return;
      const type = mutation[0].toUpperCase() + mutation.slice(1);
      ok(
        await sondrio.server.gql(`mutation($i: ${type}Input!) { ${mutation}(input: $i) { id } }`, {
          i: await input(),
        }),
      );
    };
    await make('baselinesConnection', 'createBaseline', async () => ({
      indicatorId: indicator,
      year: 2021,
      actual: '90',
    }));
    await make('measurements', 'createMeasurement', async () => ({ indicatorId: indicator, year: 2022, value: '105' }));
    await make('projectsConnection', 'createProject', async () => ({ planId: plan, name: 'Progetto' }));
    await make('activitiesConnection', 'createActivity', async () => ({
      projectId: (await gql(`{ projectsConnection(first: 1) { edges { node { id } } } }`)).projectsConnection.edges[0]
        .node.id,
      name: 'Attività',
    }));
    await make('dashboardsConnection', 'createDashboard', async () => ({
      planId: plan,
      kind: 'SERVICE',
      name: 'Cruscotto',
      ownerUnitId: unit,
    }));
    await make('dashboardEntriesConnection', 'createDashboardEntry', async () => ({
      dashboardId: (await gql(`{ dashboardsConnection(first: 1) { edges { node { id } } } }`)).dashboardsConnection
        .edges[0].node.id,
      indicatorId: indicator,
    }));
    await make('managerAssignmentsConnection', 'createManagerAssignment', async () => ({
      managerId: person,
      operationalObjectiveId: oo,
      weight: 100,
    }));
    const lock = await gql(
      `mutation { lockCheckpoint(planId: "${sondrio.plan.planId}", year: 2024, checkpoint: MID_YEAR, reason: "prova") { ${ORDINARY.CheckpointLock.fields} } }`,
    );
    read.set('CheckpointLock', lock.lockCheckpoint);
    for (const [type, { query, fields }] of Object.entries(ORDINARY)) {
      if (!query(sondrio.plan.planId)) continue;
      const q = query(sondrio.plan.planId);
      const list = q.slice(0, q.indexOf('('));
      const page = (await gql(`{ ${q} { edges { node { ${fields} } } } }`))[list];
      if (page.edges[0]) read.set(type, page.edges[0].node);
    }
  });

  it('every Node type has a real object, and node(id) gives it back with the same fields', async () => {
    expect([...read.keys()].sort()).toEqual(Object.keys(ORDINARY).sort());
    for (const [type, object] of read) {
      const r = await sondrio.server.gql(
        `query($id: ID!) { node(id: $id) { __typename ... on ${type} { ${ORDINARY[type].fields} } } }`,
        { id: object.id },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data.node).toEqual({ __typename: type, ...object });
    }
  });

  it('node(id) answers the same realization through Scored as through each type', async () => {
    const fields = 'realization(year: 2022) { status score display text }';
    for (const type of SCORED) {
      const id = read.get(type)!.id;
      const own = ok(
        await sondrio.server.gql(`query($id: ID!) { node(id: $id) { ... on ${type} { ${fields} } } }`, { id }),
      );
      const scored = ok(
        await sondrio.server.gql(`query($id: ID!) { node(id: $id) { ... on Scored { ${fields} } } }`, { id }),
      );
      expect({ type, ...scored.node }).toEqual({ type, ...own.node });
    }
    const indicator = ok(
      await sondrio.server.gql(`query($id: ID!) { node(id: $id) { ... on Scored { ${fields} } } }`, {
        id: sondrio.plan.indicator('1.1.1').rowId,
      }),
    );
    expect(indicator.node.realization).toMatchObject({ status: 'SCORED', score: expect.any(Number) });
  });

  it('nodes(ids) gives them all at once, types mixed, in the order asked', async () => {
    const asked = [...read.entries()].reverse();
    const r = await sondrio.server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, {
      ids: asked.map(([, o]) => o.id),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.nodes).toEqual(asked.map(([type, o]) => ({ __typename: type, id: o.id })));
  });

  it("another organisation's admin reads null for each, by node and by nodes", async () => {
    const other = ok(
      await sondrio.server.gql(`mutation { createOrganisation(input: { code: "ALTRA", name: "Altra" }) { id } }`),
    );
    const stranger = await sondrio.server.as('admin', other.createOrganisation.id);
    for (const [type, object] of read) {
      const r = await stranger.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: object.id });
      expect({ type, errors: r.errors, node: r.data?.node }).toEqual({ type, errors: undefined, node: null });
    }
    const all = await stranger.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: [...read.values()].map((o) => o.id),
    });
    expect(all.data.nodes).toEqual([...read.values()].map(() => null));
    // and the connections that list them list none of them to the stranger
    for (const [type, { query }] of Object.entries(ORDINARY)) {
      const q = query(sondrio.plan.planId).replace('first: 1', 'first: 500');
      if (!q) continue;
      const list = q.slice(0, q.indexOf('('));
      const page = ok(await stranger.gql(`{ ${q} { edges { node { id } } } }`))[list];
      const ids = page.edges.map((e: { node: { id: string } }) => e.node.id);
      expect({ type, listed: ids.includes(read.get(type)!.id) }).toEqual({ type, listed: false });
    }
  });
});
