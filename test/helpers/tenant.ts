import { type Gql, startServer, type TestServer, withServerAnd } from './server';

/** Ids of one row of every kind an organisation can own, created over GraphQL by a system administrator. */
export type Tenant = {
  code: string;
  /** a word in every name and title of this tenant: a response that contains it read this tenant's data */
  marker: string;
  org: string;
  unit: string;
  person: string;
  managerRole: string;
  cycle: string;
  fundParameter: string;
  profile: string;
  plan: string;
  perspective: string;
  so: string;
  oo: string;
  indicator: string;
  target: string;
  revision: string;
  baseline: string;
  measurement: string;
  project: string;
  activity: string;
  dashboard: string;
  entry: string;
  assignment: string;
};

async function one(gql: Gql, query: string, variables: Record<string, unknown>): Promise<string> {
  const result = await gql(query, variables);
  if (result.errors) throw new Error(`building the tenant failed: ${JSON.stringify(result.errors)} for ${query}`);
  const value = Object.values(result.data as Record<string, { id: string }>)[0];
  return value.id;
}

/** A small but complete organisation: its plan is a draft, 2023 year-end is locked, 2022 has an actual value. */
export async function buildTenant(gql: Gql, code: string): Promise<Tenant> {
  const marker = `SECRET${code}`;
  const m = (s: string) => `${s} ${marker}`;
  const org = await one(gql, `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, {
    i: { code, name: m('Ente') },
  });
  const unit = await one(gql, `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }`, {
    i: { organisationId: org, name: m('Ufficio'), type: 'UO' },
  });
  const person = await one(gql, `mutation($i: CreatePersonInput!) { createPerson(input: $i) { id } }`, {
    i: { organisationId: org, fullName: m('Dirigente') },
  });
  const managerRole = await one(gql, `mutation($i: CreateManagerRoleInput!) { createManagerRole(input: $i) { id } }`, {
    i: { personId: person, role: 'DIRIGENTE', unitId: unit },
  });
  const cycle = await one(gql, `mutation($i: CreatePlanCycleInput!) { createPlanCycle(input: $i) { id } }`, {
    i: { organisationId: org, name: m('Ciclo'), firstYear: 2022, years: [2022, 2023, 2024] },
  });
  const fundParameter = await one(
    gql,
    `mutation($i: CreateFundParameterInput!) { createFundParameter(input: $i) { id } }`,
    { i: { cycleId: cycle, fund: 'DIRIGENTI', unitValue: 1 } },
  );
  const profile = await one(
    gql,
    `mutation($o: ID!) { createScoringProfileFromPreset(organisationId: $o, preset: SONDRIO) { id } }`,
    { o: org },
  );
  const plan = await one(gql, `mutation($i: CreatePlanVersionInput!) { createPlanVersion(input: $i) { id } }`, {
    i: { cycleId: cycle, revision: 0, label: m('Piano'), scoringProfileId: profile },
  });
  const perspective = await one(gql, `mutation($i: CreatePerspectiveInput!) { createPerspective(input: $i) { id } }`, {
    i: { planId: plan, name: m('Prospettiva') },
  });
  const so = await one(
    gql,
    `mutation($i: CreateStrategicObjectiveInput!) { createStrategicObjective(input: $i) { id } }`,
    { i: { perspectiveId: perspective, code: '1', title: m('OS') } },
  );
  const oo = await one(
    gql,
    `mutation($i: CreateOperationalObjectiveInput!) { createOperationalObjective(input: $i) { id } }`,
    { i: { strategicObjectiveId: so, code: '1.1', title: m('OO'), weight: 100, responsibleUnitIds: [unit] } },
  );
  const indicator = await one(gql, `mutation($i: CreateIndicatorInput!) { createIndicator(input: $i) { id } }`, {
    i: { operationalObjectiveId: oo, code: '1.1.1', title: m('Azione'), weight: 100, responsibleUnitIds: [unit] },
  });
  const target = await one(gql, `mutation($i: CreateTargetInput!) { createTarget(input: $i) { id } }`, {
    i: { indicatorId: indicator, year: 2022, value: '100' },
  });
  const revision = await one(
    gql,
    `mutation($i: CreateTargetRevisionInput!) { createTargetRevision(input: $i) { id } }`,
    { i: { targetId: target, value: '110' } },
  );
  const baseline = await one(gql, `mutation($i: CreateBaselineInput!) { createBaseline(input: $i) { id } }`, {
    i: { indicatorId: indicator, year: 2021, actual: '90' },
  });
  const measurement = await one(gql, `mutation($i: CreateMeasurementInput!) { createMeasurement(input: $i) { id } }`, {
    i: { indicatorId: indicator, year: 2022, value: '105', note: m('Nota') },
  });
  const project = await one(gql, `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, {
    i: { planId: plan, name: m('Progetto') },
  });
  const activity = await one(gql, `mutation($i: CreateActivityInput!) { createActivity(input: $i) { id } }`, {
    i: { projectId: project, name: m('Attività') },
  });
  const dashboard = await one(gql, `mutation($i: CreateDashboardInput!) { createDashboard(input: $i) { id } }`, {
    i: { planId: plan, kind: 'SERVICE', name: m('Cruscotto'), ownerUnitId: unit },
  });
  const entry = await one(gql, `mutation($i: CreateDashboardEntryInput!) { createDashboardEntry(input: $i) { id } }`, {
    i: { dashboardId: dashboard, indicatorId: indicator },
  });
  const assignment = await one(
    gql,
    `mutation($i: CreateManagerAssignmentInput!) { createManagerAssignment(input: $i) { id } }`,
    { i: { managerId: person, operationalObjectiveId: oo, weight: 100 } },
  );
  await one(
    gql,
    `mutation($p: ID!) { lockCheckpoint(planId: $p, year: 2023, checkpoint: YEAR_END, reason: "chiuso") { id } }`,
    { p: plan },
  );
  return {
    code,
    marker,
    org,
    unit,
    person,
    managerRole,
    cycle,
    fundParameter,
    profile,
    plan,
    perspective,
    so,
    oo,
    indicator,
    target,
    revision,
    baseline,
    measurement,
    project,
    activity,
    dashboard,
    entry,
    assignment,
  };
}

export type TenantServer = { server: TestServer; tenant: Tenant };

/**
 * A server on a fresh database with one tenant (buildTenant) for the enclosing describe block: started before its
 * first test, closed after its last. Like withSondrioServer, it returns the object its hook fills in: read its fields
 * inside tests and in hooks registered after this call.
 */
export function withTenantServer(
  dialect: 'sqlite' | 'postgresql',
  code: string,
  options: Parameters<typeof startServer>[1] = {},
): TenantServer {
  return withServerAnd(dialect, options, async (server) => ({ tenant: await buildTenant(server.gql, code) }));
}
