import { getSchema } from '../../server/graphql/schema';
import { ApiToken, ENTITIES, Membership, Organisation, User } from '../../server/entities';
import type { Node } from '../../server/entities/base';
import { databaseNames } from '../helpers/databases';
import { type Caller, type GraphQLResponse, startServer, type TestServer } from '../helpers/server';
import { buildTenant, type Tenant } from '../helpers/tenant';

/**
 * Tenant isolation, field by field: every root query, mutation and subscription of the built schema is called by
 * an ADMIN of organisation A with the ids of organisation B, and must neither show anything of B nor change any
 * row of B. The table below says how each field is exercised; a root field missing from it fails the suite.
 */

type Vars = (t: Tenant, n: number) => Record<string, unknown>;
/**
 * read: must return nothing of B; the same call by a system administrator must show B (so the probe reaches B).
 * write: must change nothing of B; with `ownOk` the same call on A's own ids succeeds (so the input is valid).
 */
type Probe =
  | { kind: 'read'; op: string; vars: Vars; showsB?: boolean }
  | { kind: 'write'; op: string; vars: Vars; ownOk?: boolean };

const read = (op: string, vars: Vars, showsB = true): Probe => ({ kind: 'read', op, vars, showsB });
const write = (op: string, vars: Vars, ownOk = true): Probe => ({ kind: 'write', op, vars, ownOk });

/** The five fields of one CRUD entity: x(id), xs(filter), createX, updateX, deleteX. */
function crud(
  label: string,
  one: string,
  many: string,
  key: keyof Tenant,
  fields: string,
  create: Vars | null,
  connection = false,
): Record<string, Probe> {
  const list = connection ? `edges { node { ${fields} } }` : fields;
  return {
    [one]: read(`query($id: ID!) { ${one}(id: $id) { ${fields} } }`, (t) => ({ id: t[key] })),
    [many]: read(`query($id: ID!) { ${many}(filter: { ids: [$id] }) { ${list} } }`, (t) => ({ id: t[key] })),
    [`create${label}`]: write(
      `mutation($i: Create${label}Input!) { create${label}(input: $i) { id } }`,
      (t, n) => ({ i: create ? create(t, n) : {} }),
      create !== null,
    ),
    [`update${label}`]: write(`mutation($id: ID!) { update${label}(id: $id, input: {}) { id } }`, (t) => ({
      id: t[key],
    })),
    [`delete${label}`]: write(
      `mutation($id: ID!) { delete${label}(id: $id, cascade: true) { id deleted } }`,
      (t) => ({ id: t[key] }),
      false,
    ),
  };
}

/** A member of each tenant (not an admin) with a token, both named with the tenant's marker; made in beforeAll. */
type Member = { userId: string; tokenId: string };
const members = new Map<string, Member>();
const memberOf = (t: Tenant): Member => members.get(t.org)!;

const TABLE: Record<string, Probe> = {
  ...crud('Organisation', 'organisation', 'organisations', 'org', 'id name', null),
  ...crud('OrgUnit', 'orgUnit', 'orgUnits', 'unit', 'id name', (t, n) => ({
    organisationId: t.org,
    name: `U${n}`,
    type: 'UO',
  })),
  ...crud('Person', 'person', 'people', 'person', 'id fullName', (t, n) => ({
    organisationId: t.org,
    fullName: `P${n}`,
  })),
  ...crud('ManagerRole', 'managerRole', 'managerRoles', 'managerRole', 'id person { fullName }', (t) => ({
    personId: t.person,
    role: 'DIRIGENTE',
    unitId: t.unit,
  })),
  ...crud('FundParameter', 'fundParameter', 'fundParameters', 'fundParameter', 'id cycle { name }', (t) => ({
    cycleId: t.cycle,
    fund: 'DIPENDENTI',
    unitValue: 2,
  })),
  ...crud('PlanCycle', 'planCycle', 'planCycles', 'cycle', 'id name', (t, n) => ({
    organisationId: t.org,
    name: `C${n}`,
    firstYear: 2025,
    years: [2025],
  })),
  ...crud('PlanVersion', 'planVersion', 'planVersions', 'plan', 'id label', (t, n) => ({
    cycleId: t.cycle,
    revision: n,
    label: `V${n}`,
  })),
  ...crud('ScoringProfile', 'scoringProfile', 'scoringProfiles', 'profile', 'id organisation { name }', (t, n) => ({
    organisationId: t.org,
    name: `custom${n}`,
    profileVersion: 1,
    parameters: {},
  })),
  ...crud('Perspective', 'perspective', 'perspectives', 'perspective', 'id name', (t, n) => ({
    planId: t.plan,
    name: `P${n}`,
  })),
  ...crud('StrategicObjective', 'strategicObjective', 'strategicObjectives', 'so', 'id title', (t, n) => ({
    perspectiveId: t.perspective,
    code: `S${n}`,
    title: 'x',
  })),
  ...crud('OperationalObjective', 'operationalObjective', 'operationalObjectives', 'oo', 'id title', (t, n) => ({
    strategicObjectiveId: t.so,
    code: `O${n}`,
    title: 'x',
  })),
  ...crud(
    'Indicator',
    'indicator',
    'indicators',
    'indicator',
    'id title',
    (t, n) => ({ operationalObjectiveId: t.oo, code: `I${n}`, title: 'x' }),
    true,
  ),
  ...crud('Target', 'target', 'targets', 'target', 'id indicator { title }', (t) => ({
    indicatorId: t.indicator,
    year: 2024,
    value: '1',
  })),
  ...crud(
    'TargetRevision',
    'targetRevision',
    'targetRevisions',
    'revision',
    'id value { raw } target { indicator { title } }',
    (t) => ({ targetId: t.target, value: '2' }),
  ),
  ...crud('Baseline', 'baseline', 'baselines', 'baseline', 'id indicator { title }', (t, n) => ({
    indicatorId: t.indicator,
    year: 2000 + (n % 90),
  })),
  ...crud(
    'Measurement',
    'measurement',
    'measurements',
    'measurement',
    'id note',
    (t) => ({ indicatorId: t.indicator, year: 2024, value: '1' }),
    true,
  ),
  ...crud('Project', 'project', 'projects', 'project', 'id name', (t, n) => ({ planId: t.plan, name: `Pr${n}` })),
  ...crud('Activity', 'activity', 'activities', 'activity', 'id name', (t, n) => ({
    projectId: t.project,
    name: `A${n}`,
  })),
  ...crud('Dashboard', 'dashboard', 'dashboards', 'dashboard', 'id name', (t, n) => ({
    planId: t.plan,
    kind: 'SERVICE',
    name: `D${n}`,
  })),
  ...crud('DashboardEntry', 'dashboardEntry', 'dashboardEntries', 'entry', 'id dashboard { name }', (t) => ({
    dashboardId: t.dashboard,
    indicatorId: t.indicator,
  })),
  ...crud(
    'ManagerAssignment',
    'managerAssignment',
    'managerAssignments',
    'assignment',
    'id manager { fullName }',
    (t) => ({ managerId: t.person, operationalObjectiveId: t.oo, weight: 5 }),
  ),

  me: read(
    `{ me { id name email systemAdmin memberships { organisationId role unitIds } tokens { prefix label } } }`,
    () => ({}),
    false,
  ),
  users: read(
    `query($o: ID!) { users(organisationId: $o) { id name email role unitIds tokens { id prefix label } } }`,
    (t) => ({ o: t.org }),
  ),
  auditEvents: read(
    `query($o: ID!, $p: ID!) { byOrg: auditEvents(filter: { organisationId: $o }) { edges { node { entityId actor after } } }
    byPlan: auditEvents(filter: { planId: $p }) { edges { node { entityId after } } } }`,
    (t) => ({ o: t.org, p: t.plan }),
  ),
  report: read(
    `query($p: ID!, $d: ID!) { byPlan: report(planId: $p, year: 2022) { rows { code title } }
    byDashboard: report(dashboardId: $d, year: 2022) { rows { code title } } }`,
    (t) => ({ p: t.plan, d: t.dashboard }),
  ),
  planLint: read(`query($p: ID!) { planLint(planId: $p) { code subjectId message } }`, (t) => ({ p: t.plan })),
  sheetRows: read(
    `query($p: ID!) { sheetRows(planId: $p, year: 2022) { rows { rowId title actual { raw } } } }`,
    (t) => ({ p: t.plan }),
  ),
  rowHistory: read(
    `query($p: ID!, $r: ID!) { rowHistory(planId: $p, rowId: $r, year: 2022) { entityId after } }`,
    (t) => ({ p: t.plan, r: t.indicator }),
  ),

  approvePlanVersion: write(
    `mutation($p: ID!) { approvePlanVersion(id: $p) { id status } }`,
    (t) => ({ p: t.plan }),
    false,
  ),
  closePlanVersion: write(
    `mutation($p: ID!) { closePlanVersion(id: $p) { id status } }`,
    (t) => ({ p: t.plan }),
    false,
  ),
  lockCheckpoint: write(
    `mutation($p: ID!) { lockCheckpoint(planId: $p, year: 2022, checkpoint: MID_YEAR) { id } }`,
    (t) => ({ p: t.plan }),
  ),
  unlockCheckpoint: write(
    `mutation($p: ID!) { unlockCheckpoint(planId: $p, year: 2023, checkpoint: YEAR_END) }`,
    (t) => ({ p: t.plan }),
    false,
  ),
  syncRows: write(`mutation($i: SyncBatchInput!) { syncRows(input: $i) { applied rows { status } } }`, (t) => ({
    i: {
      planId: t.plan,
      year: 2022,
      checkpoint: 'YEAR_END',
      mode: 'PARTIAL',
      rows: [
        { rowId: t.indicator, actual: '1', title: 'x' },
        { level: 'perspective', title: 'New' },
      ],
    },
  })),
  createScoringProfileFromPreset: write(
    `mutation($o: ID!) { createScoringProfileFromPreset(organisationId: $o, preset: BRESCIA) { id } }`,
    (t) => ({ o: t.org }),
  ),
  importPlan: write(
    `mutation($o: ID!) { importPlan(input: { orgId: $o, fileName: "piano.txt", content: "PIANO DELLA PERFORMANCE", dryRun: false }) { format } }`,
    (t) => ({ o: t.org }),
    false,
  ),
  inviteUser: write(`mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }`, (t, n) => ({
    i: {
      organisationId: t.org,
      email: ` New.${n}@${t.code}.test `,
      name: `N${n}`,
      role: 'UNIT_EDITOR',
      unitIds: [t.unit],
    },
  })),
  updateMembership: write(`mutation($i: UpdateMembershipInput!) { updateMembership(input: $i) { id role } }`, (t) => ({
    i: { organisationId: t.org, userId: memberOf(t).userId, role: 'CONTROLLER' },
  })),
  removeMembership: write(
    `mutation($o: ID!, $u: ID!) { removeMembership(organisationId: $o, userId: $u) }`,
    (t) => ({ o: t.org, u: memberOf(t).userId }),
    false,
  ),
  deactivateUser: write(
    `mutation($u: ID!) { deactivateUser(userId: $u) { id active } }`,
    (t) => ({ u: memberOf(t).userId }),
    false,
  ),
  createApiToken: write(`mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token { id } } }`, (t) => ({
    i: { userId: memberOf(t).userId, label: 'probe', expiresInDays: 1 },
  })),
  revokeApiToken: write(`mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`, (t) => ({
    id: memberOf(t).tokenId,
  })),
  reviseScoringProfile: write(
    `mutation($id: ID!) { reviseScoringProfile(id: $id, parameters: { bandsMode: "linear" }) { id } }`,
    (t) => ({ id: t.profile }),
  ),
};

async function rootFields(): Promise<string[]> {
  const schema = await getSchema();
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
    .flatMap((type) => (type ? Object.keys(type.getFields()) : []))
    .filter((name) => name !== '__typename');
}

function idsOf(t: Tenant): string[] {
  return Object.entries(t)
    .filter(([k]) => k !== 'code' && k !== 'marker')
    .map(([, v]) => v);
}

/** What of B a response shows: its marker anywhere, an id of B in the data, or in errors an id the caller did not send. */
function leaksOf(response: GraphQLResponse, b: Tenant, sent: Record<string, unknown>): string[] {
  const all = JSON.stringify(response);
  const data = JSON.stringify(response.data ?? null);
  const errors = JSON.stringify(response.errors ?? []);
  const sentText = JSON.stringify(sent);
  const leaks: string[] = [];
  if (all.includes(b.marker)) leaks.push(`marker ${b.marker}`);
  for (const id of idsOf(b)) {
    if (data.includes(id)) leaks.push(`id ${id} in data`);
    if (errors.includes(id) && !sentText.includes(id)) leaks.push(`id ${id} in errors`);
  }
  return leaks;
}

/** Every row of B (and B itself) with its version, plus B's indicator-unit links: any change shows. */
async function fingerprint(server: TestServer, b: Tenant): Promise<string[]> {
  const em = server.orm.em.fork();
  const out: string[] = [];
  for (const entity of ENTITIES) {
    const meta = em.getMetadata().get(entity.name);
    const where = entity === Organisation ? { id: b.org } : meta.properties.org ? { org: b.org } : null;
    if (!where) continue;
    const rows = await em.find<Node>(entity, where);
    out.push(...rows.map((r) => `${entity.name}:${r.id}:${r.version}`));
  }
  const links = (await em
    .getConnection()
    .execute(
      'select indicator_id, org_unit_id from indicator_responsible_units where indicator_id in (select id from indicator where org_id = ?)',
      [b.org],
    )) as Array<{ indicator_id: string; org_unit_id: string }>;
  out.push(...links.map((l) => `link:${l.indicator_id}:${l.org_unit_id}`));
  // people are not tenant-owned: B's members' accounts and tokens are compared too
  const userIds = (await em.find(Membership, { org: b.org })).map((m) => m.user.id);
  const users = await em.find(User, { id: { $in: userIds } });
  const tokens = await em.find(ApiToken, { user: { $in: userIds } });
  out.push(...users.map((u) => `User:${u.id}:${u.version}:${u.active}:${u.email}`));
  out.push(...tokens.map((t) => `ApiToken:${t.id}:${t.version}:${t.revokedAt?.toISOString() ?? 'live'}`));
  return out.sort();
}

async function addMember(server: TestServer, t: Tenant): Promise<Member> {
  const invited = await server.gql(`mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }`, {
    i: { organisationId: t.org, email: `member@${t.code}.test`, name: `Utente ${t.marker}`, role: 'VIEWER' },
  });
  const userId = invited.data!.inviteUser.id as string;
  const issued = await server.gql(`mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token { id } } }`, {
    i: { userId, label: `Token ${t.marker}`, expiresInDays: 30 },
  });
  return { userId, tokenId: issued.data!.createApiToken.token.id as string };
}

const REQUEST_ERRORS = ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'INTERNAL_SERVER_ERROR'];
const codes = (r: GraphQLResponse) => (r.errors ?? []).map((e) => e.extensions?.code);

describe('the isolation table', () => {
  it('covers every root query, mutation and subscription field of the schema, and nothing else', async () => {
    const fields = await rootFields();
    const missing = fields.filter((f) => !(f in TABLE));
    const stale = Object.keys(TABLE).filter((f) => !fields.includes(f));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });
});

describe.each(databaseNames())('tenant isolation, every root field (%s)', (dialect) => {
  let server: TestServer;
  let a: Tenant;
  let b: Tenant;
  let adminOfA: Caller;
  let before: string[];
  let n = 100;

  beforeAll(async () => {
    server = await startServer(dialect);
    a = await buildTenant(server.gql, 'AAA');
    b = await buildTenant(server.gql, 'BBB');
    adminOfA = await server.as('admin', a.org);
    for (const t of [a, b]) members.set(t.org, await addMember(server, t));
    before = await fingerprint(server, b);
    expect(before.length).toBeGreaterThan(20);
  }, 120_000);
  afterAll(() => server.close());

  const reads = Object.entries(TABLE).filter(([, p]) => p.kind === 'read');
  const writes = Object.entries(TABLE).filter(([, p]) => p.kind === 'write');

  it.each(reads)('%s: an admin of A reads nothing of B', async (_field, probe) => {
    const varsB = probe.vars(b, n++);
    const attempt = await adminOfA.gql(probe.op, varsB);
    expect(codes(attempt).filter((c) => REQUEST_ERRORS.includes(c))).toEqual([]);
    expect(leaksOf(attempt, b, varsB)).toEqual([]);
    // controls: the probe does reach B's data (a system administrator sees it), and A's own data is readable
    const asSystem = await server.gql(probe.op, varsB);
    expect(asSystem.errors).toBeUndefined();
    if (probe.kind === 'read' && probe.showsB) expect(leaksOf(asSystem, b, varsB).length).toBeGreaterThan(0);
    const own = await adminOfA.gql(probe.op, probe.vars(a, n++));
    expect(own.errors).toBeUndefined();
  });

  it.each(writes)('%s: an admin of A changes nothing of B', async (_field, probe) => {
    const varsB = probe.vars(b, n++);
    const attempt = await adminOfA.gql(probe.op, varsB);
    expect(codes(attempt).filter((c) => REQUEST_ERRORS.includes(c))).toEqual([]);
    expect(attempt.errors?.length ?? 0).toBeGreaterThan(0);
    expect(leaksOf(attempt, b, varsB)).toEqual([]);
    expect(await fingerprint(server, b)).toEqual(before);
    if (probe.kind === 'write' && probe.ownOk) {
      const own = await adminOfA.gql(probe.op, probe.vars(a, n++));
      expect(own.errors).toBeUndefined();
    }
  });

  it('refuses a row of A that names a row of B, as "not found" (the same answer as for an id that does not exist)', async () => {
    const op = `mutation($i: CreateIndicatorInput!) { createIndicator(input: $i) { id } }`;
    const cross = await adminOfA.gql(op, {
      i: { operationalObjectiveId: a.oo, code: 'X1', title: 'x', responsibleUnitIds: [b.unit] },
    });
    const none = await adminOfA.gql(op, {
      i: {
        operationalObjectiveId: a.oo,
        code: 'X1',
        title: 'x',
        responsibleUnitIds: ['00000000-0000-4000-8000-000000000000'],
      },
    });
    expect(cross.errors![0].extensions!.problems.map((p: { code: string }) => p.code)).toEqual(['NOT_FOUND']);
    expect(none.errors![0].extensions!.problems.map((p: { code: string }) => p.code)).toEqual(['NOT_FOUND']);
    const realization = await adminOfA.gql(
      `query($u: ID!, $p: ID!) { orgUnit(id: $u) { realization(planId: $p, year: 2022) { display } } }`,
      { u: a.unit, p: b.plan },
    );
    expect(realization.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(await fingerprint(server, b)).toEqual(before);
  });

  it("refuses A's admin B's units in a membership, and B's people through A's organisation", async () => {
    const invite = await adminOfA.gql(`mutation($i: InviteUserInput!) { inviteUser(input: $i) { id } }`, {
      i: { organisationId: a.org, email: 'cross@aaa.test', name: 'Cross', role: 'UNIT_EDITOR', unitIds: [b.unit] },
    });
    expect(invite.errors![0].extensions!.problems.map((p: { code: string }) => p.code)).toEqual(['NOT_FOUND']);
    const update = await adminOfA.gql(`mutation($i: UpdateMembershipInput!) { updateMembership(input: $i) { id } }`, {
      i: { organisationId: a.org, userId: memberOf(b).userId, role: 'ADMIN' },
    });
    expect(update.errors![0].extensions!.problems.map((p: { code: string }) => p.code)).toEqual(['NOT_FOUND']);
    const remove = await adminOfA.gql(
      `mutation($o: ID!, $u: ID!) { removeMembership(organisationId: $o, userId: $u) }`,
      { o: a.org, u: memberOf(b).userId },
    );
    expect(remove.errors![0].extensions!.problems.map((p: { code: string }) => p.code)).toEqual(['NOT_FOUND']);
    expect(await fingerprint(server, b)).toEqual(before);
  });

  it("lets A's admin add a person of B to A, but not act on that person as a whole (no token that would open B)", async () => {
    const invited = await adminOfA.gql(`mutation($i: InviteUserInput!) { inviteUser(input: $i) { id name role } }`, {
      i: { organisationId: a.org, email: ` MEMBER@${b.code}.TEST`, name: 'ignored for a known person', role: 'VIEWER' },
    });
    expect(invited.data!.inviteUser).toEqual({ id: memberOf(b).userId, name: `Utente ${b.marker}`, role: 'VIEWER' });
    const u = memberOf(b).userId;
    const token = await adminOfA.gql(
      `mutation($u: ID!) { createApiToken(input: { userId: $u, label: "x", expiresInDays: 1 }) { secret } }`,
      { u },
    );
    const revoke = await adminOfA.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, {
      id: memberOf(b).tokenId,
    });
    const deactivate = await adminOfA.gql(`mutation($u: ID!) { deactivateUser(userId: $u) { id } }`, { u });
    expect([token, revoke, deactivate].map((r) => [r.data, codes(r)])).toEqual([
      [null, ['FORBIDDEN']],
      [null, ['FORBIDDEN']],
      [null, ['FORBIDDEN']],
    ]);
    // undo (B's fingerprint counts B's members' accounts, and this person is one): only A's membership was added
    expect(
      (
        await adminOfA.gql(`mutation($o: ID!, $u: ID!) { removeMembership(organisationId: $o, userId: $u) }`, {
          o: a.org,
          u,
        })
      ).data,
    ).toEqual({ removeMembership: true });
    expect(await fingerprint(server, b)).toEqual(before);
  });
});
