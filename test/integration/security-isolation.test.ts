import { getSchema } from '../../server/graphql/schema';
import { ApiToken, ENTITIES, Membership, Organisation, User } from '../../server/entities';
import type { Node } from '../../server/entities/base';
import { databaseNames } from '../helpers/databases';
import { type Caller, type GraphQLResponse, startServer, type TestServer } from '../helpers/server';
import { buildTenant, type Tenant } from '../helpers/tenant';
import { type Member, memberOf, members, TABLE } from './isolation/table';
import { listenTo, socketUrl, subscribed } from '../helpers/live';

/**
 * Tenant isolation, field by field: every root query, mutation and subscription of the built schema is called by
 * an ADMIN of organisation A with the ids of organisation B, and must neither show anything of B nor change any
 * row of B. The table (isolation/table.ts) says how each field is exercised; a root field missing from it fails the
 * suite.
 */

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
  });
  afterAll(() => server.close());

  const reads = Object.entries(TABLE).filter(([, p]) => p.kind === 'read');
  const writes = Object.entries(TABLE).filter(([, p]) => p.kind === 'write');
  const subscriptions = Object.entries(TABLE).filter(([, p]) => p.kind === 'subscribe');

  it.each(subscriptions)('%s: an admin of A cannot follow B over the websocket', async (_field, probe) => {
    const varsB = probe.vars(b, n++);
    const url = socketUrl(server);
    const attempt = listenTo(url, adminOfA.token, probe.op, varsB);
    const asSystem = listenTo(url, server.token, probe.op, varsB);
    const own = listenTo(url, adminOfA.token, probe.op, probe.vars(a, n++));
    try {
      const refused = await attempt.failure;
      expect(codes({ errors: refused })).toEqual(['NOT_FOUND']);
      expect(leaksOf({ errors: refused }, b, varsB)).toEqual([]);
      // controls: the same subscription opens for a system administrator on B and for A's admin on A
      await subscribed({ app: server.app }, 2);
      expect([asSystem.errors, own.errors]).toEqual([[], []]);
    } finally {
      await Promise.all([attempt, asSystem, own].map((l) => l.stop()));
    }
  });

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

  it("refuses A's admin to link a person of B into A, showing nothing of them; a system administrator may", async () => {
    const invite = (caller: { gql: typeof server.gql }) =>
      caller.gql(`mutation($i: InviteUserInput!) { inviteUser(input: $i) { id name role tokens { prefix label } } }`, {
        i: {
          organisationId: a.org,
          email: ` MEMBER@${b.code}.TEST`,
          name: 'ignored for a known person',
          role: 'VIEWER',
        },
      });
    const refused = await invite(adminOfA);
    expect(refused.data).toBeNull();
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    // issue 13, finding 7: the answer named B's person and showed their tokens' metadata
    expect(JSON.stringify(refused)).not.toContain(`Utente ${b.marker}`);
    expect(refused.errors![0].message).toMatch(/ask a system administrator/);
    expect(await fingerprint(server, b)).toEqual(before);

    const linked = await invite(server);
    expect(linked.data!.inviteUser).toMatchObject({
      id: memberOf(b).userId,
      name: `Utente ${b.marker}`,
      role: 'VIEWER',
    });
    // linked, the person is A's too, but still not A's admin's to act on as a whole (no token that would open B)
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
