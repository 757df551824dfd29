import type { Tenant } from '../../helpers/tenant';

/**
 * The isolation table of security-isolation.test.ts: for every root query, mutation and subscription field, how it
 * is called with one tenant's ids (read or write, and which control call must succeed).
 */

type Vars = (t: Tenant, n: number) => Record<string, unknown>;
/**
 * read: must return nothing of B; the same call by a system administrator must show B (so the probe reaches B).
 * write: must change nothing of B; with `ownOk` the same call on A's own ids succeeds (so the input is valid).
 */
export type Probe =
  | { kind: 'read'; op: string; vars: Vars; showsB?: boolean }
  | { kind: 'write'; op: string; vars: Vars; ownOk?: boolean }
  /** a subscription, over the websocket: B's ids are refused as not found, A's and a system administrator's open */
  | { kind: 'subscribe'; op: string; vars: Vars };

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
  // a plain list has its Relay connection beside it (issue 19), probed the same way
  const paged = `${many}Connection`;
  return {
    [one]: read(`query($id: ID!) { ${one}(id: $id) { ${fields} } }`, (t) => ({ id: t[key] })),
    [many]: read(`query($id: ID!) { ${many}(filter: { ids: [$id] }) { ${list} } }`, (t) => ({ id: t[key] })),
    ...(connection
      ? {}
      : {
          [paged]: read(
            `query($id: ID!) { ${paged}(filter: { ids: [$id] }) { totalCount edges { node { ${fields} } } } }`,
            (t) => ({ id: t[key] }),
          ),
        }),
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

/** A coded row of the plan's tree under the tenant's `parent`: a code new at every call (`n`) and a title. */
const coded =
  (parentId: string, parent: keyof Tenant, prefix: string): Vars =>
  (t, n) => ({ [parentId]: t[parent], code: `${prefix}${n}`, title: 'x' });

/** A value of the tenant's indicator for a year: what a target and an actual are created with alike. */
const indicatorValue: Vars = (t) => ({ indicatorId: t.indicator, year: 2024, value: '1' });

/** A member of each tenant (not an admin) with a token, both named with the tenant's marker; made in beforeAll. */
export type Member = { userId: string; tokenId: string };
export const members = new Map<string, Member>();
export const memberOf = (t: Tenant): Member => members.get(t.org)!;

export const TABLE: Record<string, Probe> = {
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
  ...crud(
    'StrategicObjective',
    'strategicObjective',
    'strategicObjectives',
    'so',
    'id title',
    coded('perspectiveId', 'perspective', 'S'),
  ),
  ...crud(
    'OperationalObjective',
    'operationalObjective',
    'operationalObjectives',
    'oo',
    'id title',
    coded('strategicObjectiveId', 'so', 'O'),
  ),
  ...crud(
    'Indicator',
    'indicator',
    'indicators',
    'indicator',
    'id title',
    coded('operationalObjectiveId', 'oo', 'I'),
    true,
  ),
  ...crud('Target', 'target', 'targets', 'target', 'id indicator { title }', indicatorValue),
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
  ...crud('Measurement', 'measurement', 'measurements', 'measurement', 'id note', indicatorValue, true),
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
  usersConnection: read(
    `query($o: ID!) { usersConnection(organisationId: $o) { totalCount edges { node { id name email role tokens { prefix } } } } }`,
    (t) => ({ o: t.org }),
  ),
  auditEvents: read(
    `query($o: ID!, $p: ID!) { byOrg: auditEvents(filter: { organisationId: $o }) { edges { node { entityId actor after } } }
    byPlan: auditEvents(filter: { planId: $p }) { edges { node { entityId after } } } }`,
    (t) => ({ o: t.org, p: t.plan }),
  ),
  // Relay's refetch: one id, and every id of the tenant at once (each kind of entity)
  node: read(`query($id: ID!) { node(id: $id) { id __typename ... on Indicator { title } } }`, (t) => ({
    id: t.indicator,
  })),
  nodes: read(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Organisation { name } } }`, (t) => ({
    ids: Object.entries(t)
      .filter(([key]) => key !== 'code' && key !== 'marker')
      .map(([, id]) => id),
  })),
  report: read(
    `query($p: ID!, $d: ID!) { byPlan: report(planId: $p, year: 2022) { rows { code title } }
    byDashboard: report(dashboardId: $d, year: 2022) { rows { code title } rowsConnection { edges { node { code title } } } } }`,
    (t) => ({ p: t.plan, d: t.dashboard }),
  ),
  planLint: read(`query($p: ID!) { planLint(planId: $p) { code subjectId message } }`, (t) => ({ p: t.plan })),
  planLintConnection: read(
    `query($p: ID!) { planLintConnection(planId: $p) { totalCount edges { node { code subjectId message } } } }`,
    (t) => ({ p: t.plan }),
  ),
  planChanged: {
    kind: 'subscribe',
    op: `subscription($p: ID!) { planChanged(planId: $p, year: 2022) { planId rows { rowId } } }`,
    vars: (t) => ({ p: t.plan }),
  },
  // the whole plan, one unit's sheet and one cruscotto's sheet (issue 18, item 7)
  sheetRows: read(
    `query($p: ID!, $u: ID!, $d: ID!, $c: String) { sheetRows(planId: $p, year: 2022) { rows { rowId title actual { raw } } }
    byUnit: sheetRows(planId: $p, year: 2022, scope: { unitId: $u }) { rows { rowId title } }
    byDashboard: sheetRows(planId: $p, year: 2022, scope: { dashboardId: $d }) { rows { rowId title } }
    afterCursor: sheetRows(planId: $p, year: 2022, after: $c) { rows { rowId title } deletedRowIds cursor } }`,
    // a cursor names its plan: B's own, from the start of its commit order (server/services/commit-order.ts)
    (t) => ({ p: t.plan, u: t.unit, d: t.dashboard, c: Buffer.from(`${t.plan}:0`).toString('base64url') }),
  ),
  // the pane's scores alone, whole and moved since a cursor (one no server knows: every row, complete)
  sheetScores: read(
    `query($p: ID!, $u: ID!, $d: ID!) { sheetScores(planId: $p, year: 2022) { rows { rowId realization { display } } cursor }
    byUnit: sheetScores(planId: $p, year: 2022, scope: { unitId: $u }) { rows { rowId } }
    byDashboard: sheetScores(planId: $p, year: 2022, scope: { dashboardId: $d }) { rows { rowId } }
    afterCursor: sheetScores(planId: $p, year: 2022, after: "sconosciuto") { rows { rowId } complete } }`,
    (t) => ({ p: t.plan, u: t.unit, d: t.dashboard }),
  ),
  // the pane's scope choice: the units and cruscotti the caller may bind, never another organisation's
  bindableScopes: read(
    `query($p: ID!) { bindableScopes(planId: $p) { limitedToOwnUnits units { id name } dashboards { id name } } }`,
    (t) => ({ p: t.plan }),
  ),
  codeValues: read(
    `query($p: ID!) { codeValues(input: { requests: [{ planId: $p, code: "1.1.1", year: 2022 }] }) { rowId title problem } }`,
    (t) => ({ p: t.plan }),
  ),
  rowHistory: read(
    `query($p: ID!, $r: ID!) { rowHistory(planId: $p, rowId: $r, year: 2022) { entityId after } }`,
    (t) => ({ p: t.plan, r: t.indicator }),
  ),
  lastFieldChanges: read(
    `query($p: ID!, $r: ID!) { lastFieldChanges(planId: $p, rowIds: [$r], year: 2022) { rowId changes { field actor at } } }`,
    (t) => ({ p: t.plan, r: t.indicator }),
  ),
  rowHistoryConnection: read(
    `query($p: ID!, $r: ID!) { rowHistoryConnection(planId: $p, rowId: $r, year: 2022) { totalCount edges { node { entityId after } } } }`,
    (t) => ({ p: t.plan, r: t.indicator }),
  ),

  createDashboardEntries: write(
    `mutation($d: ID!, $e: [DashboardEntryItemInput!]!) { createDashboardEntries(dashboardId: $d, entries: $e) { id } }`,
    (t) => ({ d: t.dashboard, e: [{ indicatorId: t.indicator }] }),
  ),
  confirmPolarities: write(
    `mutation($p: ID!) { confirmPolarities(planId: $p, all: true) { id polarityConfirmed } }`,
    (t) => ({ p: t.plan }),
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
  // no batch of A under this key: the own call is refused too (NOT_FOUND), B's changes nothing of B
  undoSyncBatch: write(
    `mutation($i: UndoSyncBatchInput!) { undoSyncBatch(input: $i) { undone rowIds } }`,
    (t) => ({ i: { planId: t.plan, batchKey: 'probe', year: 2022, checkpoint: 'YEAR_END' } }),
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
