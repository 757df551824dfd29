import { ApiToken } from '../../server/entities';
import { revokeToken } from '../../server/services/users';
import { databaseNames } from '../helpers/databases';
import type { Caller, GraphQLResponse } from '../helpers/server';
import { outcomes, writes } from '../helpers/sync';
import { withTenantServer } from '../helpers/tenant';

/** Authentication and what each role of an organisation may and may not do, through CRUD, sync and governance. */

function ok<T = any>(r: GraphQLResponse<T>): T {
  if (r.errors) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

function code(r: GraphQLResponse): string | undefined {
  expect(r.errors).toHaveLength(1);
  return r.errors![0].extensions?.code;
}

const SYNC = `mutation($i: SyncBatchInput!) { syncRows(input: $i) { applied rows { index status errors { column code message messageIt } } } }`;
const syncInput = (planId: string, rows: unknown[]) => ({
  i: { planId, year: 2022, checkpoint: 'YEAR_END', mode: 'PARTIAL', rows },
});
const ROW_VERSION = `query($p: ID!) { sheetRows(planId: $p, year: 2022) { rows { rowId rowVersion actual { raw } title } } }`;

describe.each(databaseNames())('authentication (%s)', (dialect) => {
  const env = withTenantServer(dialect, 'AUTH');

  async function post(headers: Record<string, string>) {
    const response = await fetch(`${env.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse };
  }

  it('refuses a request without a token, or with a malformed or unknown one, with 401 UNAUTHENTICATED and the reason', async () => {
    for (const [headers, reason] of [
      [{}, 'MISSING_TOKEN'],
      [{ authorization: 'Basic dXNlcjpwYXNz' }, 'MALFORMED_HEADER'],
      [{ authorization: 'Bearer cru_notarealtokenatall' }, 'INVALID_TOKEN'],
      [{ authorization: `Bearer ${env.server.token}x` }, 'INVALID_TOKEN'],
    ] as Array<[Record<string, string>, string]>) {
      const { status, body } = await post(headers);
      expect([reason, status]).toEqual([reason, 401]);
      expect(body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
      expect(body.errors![0].message).toMatch(/Authorization: Bearer/);
      expect(body.data).toBeUndefined();
    }
  });

  it('refuses an expired token and a revoked one, saying so; the others keep working', async () => {
    const expired = await env.server.as('viewer', env.tenant.org, [], {
      expiresAt: new Date(env.server.clock.now().getTime() - 1000),
    });
    const r1 = await post({ authorization: `Bearer ${expired.token}` });
    expect(r1.status).toBe(401);
    expect(r1.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    expect(r1.body.errors![0].message).toMatch(/expired on \d{4}-/);

    const revoked = await env.server.as('viewer', env.tenant.org);
    expect(ok(await revoked.gql('{ me { name } }')).me.name).toBe(revoked.name);
    expect(await revokeToken(env.server.orm.em.fork(), revoked.token)).toBe(1);
    const r2 = await post({ authorization: `Bearer ${revoked.token}` });
    expect(r2.status).toBe(401);
    expect(r2.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_REVOKED' });

    const valid = await env.server.as('viewer', env.tenant.org, [], {
      expiresAt: new Date(env.server.clock.now().getTime() + 3_600_000),
    });
    expect(ok(await valid.gql('{ me { name memberships { organisationId role } } }')).me).toEqual({
      name: valid.name,
      memberships: [{ organisationId: env.tenant.org, role: 'VIEWER' }],
    });
  });

  it('costs one SQL statement per request (token, user and memberships read together)', async () => {
    await env.server.gql('{ __typename }');
    env.server.statements.length = 0;
    expect((await env.server.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    expect(env.server.statements).toHaveLength(1);
    expect(env.server.statements[0]).toMatch(/api_token/);
  });

  it("records a token's last use at its first request, then only once more than a minute has passed (one write)", async () => {
    const caller = await env.server.as('viewer', env.tenant.org);
    const lastUsedAt = async () =>
      (await env.server.orm.em.fork().findOneOrFail(ApiToken, { user: caller.userId })).lastUsedAt ?? null;
    const writesOfOneRequest = async () => {
      env.server.statements.length = 0;
      expect(ok(await caller.gql('{ me { name } }')).me.name).toBe(caller.name);
      return writes(env.server.statements).length;
    };
    expect(await lastUsedAt()).toBeNull();
    expect(await writesOfOneRequest()).toBe(1);
    const first = env.server.clock.now();
    expect(await lastUsedAt()).toEqual(first);
    env.server.clock.advance(60_000);
    expect(await writesOfOneRequest()).toBe(0);
    expect(await lastUsedAt()).toEqual(first);
    env.server.clock.advance(1);
    expect(await writesOfOneRequest()).toBe(1);
    expect(await lastUsedAt()).toEqual(env.server.clock.now());
  });

  it('keeps /health and the GraphiQL page open', async () => {
    expect((await fetch(`${env.server.url}/health`)).status).toBe(200);
    const page = await fetch(`${env.server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Bearer INCOLLARE-QUI-IL-TOKEN');
  });

  it('stores only a hash of the token, and records when it was last used', async () => {
    const caller = await env.server.as('viewer', env.tenant.org);
    await caller.gql('{ me { name } }');
    const rows = (await env.server.orm.em
      .getConnection()
      .execute('select prefix, hash, last_used_at from api_token')) as Array<{
      prefix: string;
      hash: string;
      last_used_at: unknown;
    }>;
    expect(JSON.stringify(rows)).not.toContain(caller.token);
    const mine = rows.find((r) => caller.token.startsWith(r.prefix))!;
    expect(mine.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(mine.last_used_at).not.toBeNull();
  });
});

describe.each(databaseNames())('roles in an organisation (%s)', (dialect) => {
  const env = withTenantServer(dialect, 'ROLES');
  let other: { unit: string; indicator: string };
  let viewer: Caller;
  let editor: Caller;
  let controller: Caller;
  let admin: Caller;

  beforeAll(async () => {
    const unit = ok(
      await env.server.gql(
        `mutation($o: ID!) { createOrgUnit(input: { organisationId: $o, name: "Altro ufficio", type: UO }) { id } }`,
        { o: env.tenant.org },
      ),
    ).createOrgUnit.id;
    const indicator = ok(
      await env.server.gql(
        `mutation($oo: ID!, $u: ID!) { createIndicator(input: { operationalObjectiveId: $oo, code: "1.1.2", title: "Altra azione", responsibleUnitIds: [$u] }) { id } }`,
        { oo: env.tenant.oo, u: unit },
      ),
    ).createIndicator.id;
    other = { unit, indicator };
    viewer = await env.server.as('viewer', env.tenant.org);
    editor = await env.server.as('unit_editor', env.tenant.org, [env.tenant.unit]);
    controller = await env.server.as('controller', env.tenant.org);
    admin = await env.server.as('admin', env.tenant.org);
  });

  const READS = `query($p: ID!) { planVersion(id: $p) { label perspectives { name } } sheetRows(planId: $p, year: 2022) { rows { rowId } }
    report(planId: $p, year: 2022) { rows { code } } auditEvents(filter: { planId: $p }) { totalCount } }`;

  it('lets every role read everything of its organisation', async () => {
    for (const caller of [viewer, editor, controller, admin]) {
      const data = ok(await caller.gql(READS, { p: env.tenant.plan }));
      expect(data.planVersion.label).toContain('Piano');
      expect(data.sheetRows.rows.length).toBe(5);
      expect(data.auditEvents.totalCount).toBeGreaterThan(5);
    }
  });

  it('viewer (OIV): edits nothing, by any path', async () => {
    const attempts = [
      viewer.gql(`mutation($p: ID!) { createPerspective(input: { planId: $p, name: "X" }) { id } }`, {
        p: env.tenant.plan,
      }),
      viewer.gql(`mutation($id: ID!) { updateMeasurement(id: $id, input: { value: "1" }) { id } }`, {
        id: env.tenant.measurement,
      }),
      viewer.gql(`mutation($id: ID!) { deleteDashboardEntry(id: $id) { id } }`, { id: env.tenant.entry }),
      viewer.gql(SYNC, syncInput(env.tenant.plan, [{ rowId: env.tenant.indicator, actual: '1' }])),
      viewer.gql(`mutation($p: ID!) { lockCheckpoint(planId: $p, year: 2022, checkpoint: MID_YEAR) { id } }`, {
        p: env.tenant.plan,
      }),
      viewer.gql(`mutation($p: ID!) { approvePlanVersion(id: $p) { id } }`, { p: env.tenant.plan }),
      viewer.gql(`mutation($o: ID!) { createScoringProfileFromPreset(organisationId: $o, preset: BRESCIA) { id } }`, {
        o: env.tenant.org,
      }),
      viewer.gql(`mutation($o: ID!) { updateOrganisation(id: $o, input: { name: "X" }) { id } }`, {
        o: env.tenant.org,
      }),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(code(r)).toBe('FORBIDDEN');
      expect(r.errors![0].message).toMatch(/your role: viewer/);
    }
    const measurement = ok(
      await env.server.gql(`query($id: ID!) { measurement(id: $id) { value { raw } version } }`, {
        id: env.tenant.measurement,
      }),
    ).measurement;
    expect(measurement).toEqual({ value: { raw: '105' }, version: 1 });
  });

  it('unit editor: the actual values of indicators of their units, nothing else; a refused row does not stop the others', async () => {
    const before = ok(await env.server.gql(ROW_VERSION, { p: env.tenant.plan })).sheetRows.rows;
    const own = before.find((r: { rowId: string }) => r.rowId === env.tenant.indicator);
    const foreign = before.find((r: { rowId: string }) => r.rowId === other.indicator);
    const result = ok(
      await editor.gql(
        SYNC,
        syncInput(env.tenant.plan, [
          { rowId: env.tenant.indicator, rowVersion: own.rowVersion, actual: '120', note: 'dato di ufficio' },
          { rowId: other.indicator, rowVersion: foreign.rowVersion, actual: '7' },
          {
            rowId: env.tenant.oo,
            rowVersion: before.find((r: { rowId: string }) => r.rowId === env.tenant.oo).rowVersion,
            title: 'Nuovo titolo',
          },
          { level: 'perspective', title: 'Nuova prospettiva' },
        ]),
      ),
    ).syncRows;
    expect(result.applied).toBe(1);
    expect(outcomes(result)).toEqual([
      ['UPDATED', []],
      ['REJECTED', ['actual:FORBIDDEN']],
      ['REJECTED', ['title:FORBIDDEN']],
      ['REJECTED', ['rowId:FORBIDDEN']],
    ]);
    expect(result.rows[1].errors[0].message).toBe(
      'your role (unit_editor) may only enter actual values of indicators of your units',
    );
    expect(result.rows[1].errors[0].messageIt).toBe(
      'il tuo ruolo (unit_editor) consente solo di inserire i valori ottenuti degli indicatori delle tue unità',
    );
    const after = ok(await env.server.gql(ROW_VERSION, { p: env.tenant.plan })).sheetRows.rows;
    expect(after.find((r: { rowId: string }) => r.rowId === env.tenant.indicator).actual.raw).toBe('120');
    expect(after.find((r: { rowId: string }) => r.rowId === other.indicator).actual).toBeNull();
    expect(after).toHaveLength(before.length);

    // CRUD: the same rules
    ok(
      await editor.gql(`mutation($id: ID!) { updateMeasurement(id: $id, input: { value: "121" }) { id } }`, {
        id: env.tenant.measurement,
      }),
    );
    const foreignCreate = await editor.gql(
      `mutation($i: ID!) { createMeasurement(input: { indicatorId: $i, year: 2022, value: "1" }) { id } }`,
      { i: other.indicator },
    );
    expect(code(foreignCreate)).toBe('FORBIDDEN');
    expect(foreignCreate.errors![0].message).toMatch(/outside your units/);
    for (const r of [
      await editor.gql(`mutation($id: ID!) { updateIndicator(id: $id, input: { title: "X" }) { id } }`, {
        id: env.tenant.indicator,
      }),
      await editor.gql(`mutation($id: ID!) { createTargetRevision(input: { targetId: $id, value: "1" }) { id } }`, {
        id: env.tenant.target,
      }),
      await editor.gql(`mutation($p: ID!) { lockCheckpoint(planId: $p, year: 2022, checkpoint: MID_YEAR) { id } }`, {
        p: env.tenant.plan,
      }),
    ])
      expect(code(r)).toBe('FORBIDDEN');

    // a sheet cannot put the change in someone else's name
    const spoof = ok(
      await editor.gql(SYNC, {
        i: {
          ...syncInput(env.tenant.plan, [
            {
              rowId: env.tenant.indicator,
              rowVersion: ok(await env.server.gql(ROW_VERSION, { p: env.tenant.plan })).sheetRows.rows.find(
                (r: { rowId: string }) => r.rowId === env.tenant.indicator,
              ).rowVersion,
              actual: '122',
            },
          ]).i,
          source: { kind: 'ADDIN', author: controller.name },
        },
      }),
    ).syncRows;
    expect(spoof.rows[0].status).toBe('UPDATED');
    // who entered it is on the record
    const events = ok(
      await env.server.gql(
        `query($a: String!) { auditEvents(filter: { actor: $a }) { edges { node { entityType action } } } }`,
        { a: editor.name },
      ),
    ).auditEvents.edges;
    expect(events.map((e: any) => e.node.entityType).sort()).toEqual(['Measurement', 'Measurement', 'Measurement']);
    const byController = ok(
      await env.server.gql(`query($a: String!) { auditEvents(filter: { actor: $a }) { totalCount } }`, {
        a: controller.name,
      }),
    ).auditEvents;
    expect(byController.totalCount).toBe(0);
  });

  it('controller: the plan, targets, actuals and checkpoint locks; not the organisation itself', async () => {
    ok(
      await controller.gql(
        `mutation($id: ID!) { updateIndicator(id: $id, input: { title: "Titolo del controllo" }) { id } }`,
        { id: env.tenant.indicator },
      ),
    );
    ok(
      await controller.gql(
        `mutation($p: ID!) { createPerspective(input: { planId: $p, name: "Prospettiva del controllo" }) { id } }`,
        { p: env.tenant.plan },
      ),
    );
    ok(
      await controller.gql(`mutation($id: ID!) { updateMeasurement(id: $id, input: { value: "99" }) { id } }`, {
        id: env.tenant.measurement,
      }),
    );
    ok(
      await controller.gql(
        `mutation($p: ID!) { lockCheckpoint(planId: $p, year: 2022, checkpoint: MID_YEAR) { id } }`,
        { p: env.tenant.plan },
      ),
    );
    expect(
      ok(
        await controller.gql(`mutation($p: ID!) { unlockCheckpoint(planId: $p, year: 2022, checkpoint: MID_YEAR) }`, {
          p: env.tenant.plan,
        }),
      ).unlockCheckpoint,
    ).toBe(true);
    const synced = ok(
      await controller.gql(
        SYNC,
        syncInput(env.tenant.plan, [
          {
            rowId: other.indicator,
            rowVersion: ok(await env.server.gql(ROW_VERSION, { p: env.tenant.plan })).sheetRows.rows.find(
              (r: { rowId: string }) => r.rowId === other.indicator,
            ).rowVersion,
            actual: '8',
            title: 'Titolo via foglio',
          },
        ]),
      ),
    ).syncRows;
    expect(synced.rows[0].status).toBe('UPDATED');
    expect(
      code(
        await controller.gql(`mutation($o: ID!) { updateOrganisation(id: $o, input: { name: "X" }) { id } }`, {
          o: env.tenant.org,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      code(await controller.gql(`mutation { createOrganisation(input: { code: "NEW", name: "X" }) { id } }`)),
    ).toBe('FORBIDDEN');
  });

  it('admin: also the organisation; only a system administrator creates or deletes organisations', async () => {
    expect(
      ok(
        await admin.gql(
          `mutation($o: ID!) { updateOrganisation(id: $o, input: { name: "Ente rinominato" }) { name } }`,
          { o: env.tenant.org },
        ),
      ).updateOrganisation.name,
    ).toBe('Ente rinominato');
    const create = await admin.gql(`mutation { createOrganisation(input: { code: "NEW", name: "X" }) { id } }`);
    expect(code(create)).toBe('FORBIDDEN');
    expect(create.errors![0].message).toMatch(/system administrators only/);
    expect(
      code(
        await admin.gql(`mutation($o: ID!) { deleteOrganisation(id: $o, cascade: true) { id } }`, {
          o: env.tenant.org,
        }),
      ),
    ).toBe('FORBIDDEN');
    const created = ok(
      await env.server.gql(`mutation { createOrganisation(input: { code: "NEW", name: "Nuovo ente" }) { id } }`),
    ).createOrganisation;
    // the admin of ROLES does not see the new organisation; the system administrator does
    expect(ok(await admin.gql(`{ organisations { id } }`)).organisations).toEqual([{ id: env.tenant.org }]);
    expect(
      ok(await env.server.gql(`{ organisations { id } }`)).organisations.map((o: { id: string }) => o.id),
    ).toContain(created.id);
  });
});
