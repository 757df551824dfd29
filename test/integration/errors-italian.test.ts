/**
 * Issue 14, item 6 over HTTP: every error a client can get — refused token, role, bad input, a missing row, a stale
 * version, a malformed query, an unknown document, a body that is not JSON — says it in Italian first and English
 * second: `message` is "Italian / English", `extensions.messageIt` and `extensions.messageEn` carry each alone, and
 * the Italian has no English word and no raw code (the same scan as the documents').
 */
import { getFile } from '../helpers/files';
import { notItalian } from '../helpers/italian-scan';
import type { GraphQLResponse } from '../helpers/server';
import { withTenantServer } from '../helpers/tenant';

type GqlError = NonNullable<GraphQLResponse['errors']>[number];

/** The Italian half, with the API's own names (fields the problems name, quoted ids) taken out before scanning. */
function italianLeaks(error: GqlError): string[] {
  const ext = error.extensions as Record<string, any>;
  const fields: string[] = (ext.problems ?? []).map((p: { field: string }) => p.field);
  const strip = (t: string) => fields.reduce((s, f) => s.split(`${f}:`).join(':'), t).replace(/"[^"]*"/g, '""');
  return [
    ...notItalian(strip(ext.messageIt)),
    ...(ext.problems ?? []).flatMap((p: { messageIt: string }) => notItalian(strip(p.messageIt))),
  ];
}

function expectTwoLanguages(error: GqlError | undefined, code: string): void {
  expect(error).toBeDefined();
  const ext = error!.extensions as Record<string, any>;
  expect(ext.code).toBe(code);
  expect(typeof ext.messageIt).toBe('string');
  expect(typeof ext.messageEn).toBe('string');
  expect(ext.messageIt).not.toBe(ext.messageEn);
  expect(error!.message).toBe(`${ext.messageIt} / ${ext.messageEn}`);
  for (const p of ext.problems ?? []) expect(typeof p.messageIt).toBe('string');
  expect({ code, leaks: italianLeaks(error!) }).toEqual({ code, leaks: [] });
}

describe('GraphQL and HTTP errors, Italian first (sqlite)', () => {
  const env = withTenantServer('sqlite', 'ERR');

  it('no token, an unknown token', async () => {
    expectTwoLanguages((await env.server.gqlWith(null, '{ me { id } }')).errors?.[0], 'UNAUTHENTICATED');
    expectTwoLanguages((await env.server.gqlWith('cru_nope', '{ me { id } }')).errors?.[0], 'UNAUTHENTICATED');
  });

  it('a role that may not change the plan', async () => {
    const viewer = await env.server.as('viewer', env.tenant.org);
    const r = await viewer.gql(`mutation($id: ID!) { updatePerspective(id: $id, input: { name: "x" }) { id } }`, {
      id: env.tenant.perspective,
    });
    expectTwoLanguages(r.errors?.[0], 'FORBIDDEN');
  });

  it('bad input from the validators and from the services', async () => {
    const negative = await env.server.gql(
      `mutation($id: ID!) { updateIndicator(id: $id, input: { weight: -5 }) { id } }`,
      {
        id: env.tenant.indicator,
      },
    );
    expectTwoLanguages(negative.errors?.[0], 'BAD_USER_INPUT');
    const format = await env.server.gql(
      `mutation { importPlan(input: { fileName: "plan.txt", content: "just some prose, no plan" }) { planId } }`,
    );
    expectTwoLanguages(format.errors?.[0], 'BAD_USER_INPUT');
  });

  it('a row that is not there, a stale version', async () => {
    const missing = await env.server.gql(
      `mutation { deletePerspective(id: "00000000-0000-0000-0000-000000000000") { id } }`,
    );
    expect(missing.errors?.[0].extensions?.code).toMatch(/NOT_FOUND|BAD_USER_INPUT/);
    expectTwoLanguages(missing.errors?.[0], missing.errors![0].extensions!.code as string);
    const stale = await env.server.gql(
      `mutation($id: ID!) { updatePerspective(id: $id, expectedVersion: 999, input: { name: "x" }) { id } }`,
      { id: env.tenant.perspective },
    );
    expectTwoLanguages(stale.errors?.[0], 'CONFLICT');
  });

  it('a malformed query, an unknown document, a body that is not JSON', async () => {
    expectTwoLanguages((await env.server.gql('{ nope }')).errors?.[0], 'GRAPHQL_VALIDATION_FAILED');
    const report = await getFile(env.server, `/reports/bilancio.html?planId=${env.tenant.plan}&year=2022`);
    expectTwoLanguages(report.json.errors[0], 'BAD_USER_INPUT');
    const body = await fetch(`${env.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${env.server.token}` },
      body: '{ not json',
    });
    expectTwoLanguages((await body.json()).errors[0], 'BAD_REQUEST');
  });
});
