import fs from 'node:fs';
import path from 'node:path';
import { OPERATION_LIMITS } from '../../server/http/armor';
import { PLAN_WIDE } from '../../server/http/plan-wide-fields';
import { databaseNames } from '../helpers/databases';
import { type GraphQLResponse, type TestServer, withServer } from '../helpers/server';
import { withSondrioServer } from '../helpers/sondrio-server';
import { SHEET_ROWS, SYNC_ROWS } from '../helpers/sync';

/**
 * Abuse limits: operations too deep, too wide or too big, batched requests, too many requests, foreign origins;
 * each refused with a clear error while the server keeps answering normal queries. The limits are HTTP and
 * GraphQL-shape rules, the same on both databases: SQLite only, except the rate limits, whose file routes read the
 * database before they answer: both.
 */

async function raw(server: TestServer, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}`, ...headers },
    body,
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = { unparsed: text.slice(0, 200) };
  }
  return { status: response.status, headers: response.headers, json };
}

function firstError(r: { json: GraphQLResponse }) {
  expect(r.json.errors?.length).toBeGreaterThan(0);
  return r.json.errors![0];
}

describe('abusive queries are refused while the server keeps serving (sqlite)', () => {
  const sondrio = withSondrioServer();
  let server: TestServer;
  let planId: string;
  beforeAll(() => {
    ({
      server,
      plan: { planId },
    } = sondrio);
  });

  /** After every refusal: an ordinary query is answered at once. */
  async function stillServing() {
    const r = await server.gql(`{ planVersions { label } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.planVersions.length).toBe(1);
  }

  it('lets the real clients through: the add-in sync and refresh, the README and GraphiQL examples', async () => {
    const rows = await server.gql(SHEET_ROWS, { planId, year: 2022, checkpoint: 'YEAR_END', since: null });
    expect(rows.errors).toBeUndefined();
    expect(rows.data.sheetRows.rows.length).toBeGreaterThan(50);
    const sync = await server.gql(SYNC_ROWS, {
      input: {
        planId,
        year: 2022,
        checkpoint: 'YEAR_END',
        mode: 'PARTIAL',
        rows: [{ rowId: rows.data.sheetRows.rows[0].rowId }],
      },
    });
    expect(sync.errors).toBeUndefined();

    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    // a subscription runs over the websocket (test/integration/live-subscriptions.test.ts), not over HTTP
    for (const query of examples.filter((q) => !/^\s*subscription\b/.test(q))) {
      const r = await server.gql(query);
      expect([query.slice(0, 40), r.errors]).toEqual([query.slice(0, 40), undefined]);
    }
    const page = await (await fetch(`${server.url}/`)).text();
    const ide = JSON.parse(/defaultQuery: ("(?:[^"\\]|\\.)*")/.exec(page)![1]) as string;
    const r = await server.gql(ide);
    expect(r.errors).toBeUndefined();
    expect(r.data.planVersionsConnection.edges[0].node.perspectives.length).toBeGreaterThan(0);
  });

  it('refuses a query 50 levels deep', async () => {
    let selection = 'id';
    for (let i = 0; i < 25; i++) selection = `operationalObjective { indicators { ${selection} } }`;
    const r = await server.gql(
      `query($p: ID!) { indicators(filter: { planId: $p }) { edges { node { ${selection} } } } }`,
      { p: planId },
    );
    expect(r.errors!.map((e) => e.message).join(' ')).toMatch(
      new RegExp(`Query depth limit of ${OPERATION_LIMITS.maxDepth} exceeded`),
    );
    expect(r.errors!.map((e) => e.extensions!.code)).toEqual(r.errors!.map(() => 'GRAPHQL_VALIDATION_FAILED'));
    expect(r.data).toBeUndefined();
    await stillServing();
  });

  it('refuses deep fragments and fragment cycles', async () => {
    const fragments = Array.from(
      { length: 30 },
      (_, i) =>
        `fragment F${i} on Indicator { operationalObjective { indicators { ${i < 29 ? `...F${i + 1}` : 'id'} } } }`,
    );
    const deep = await server.gql(
      `query($p: ID!) { indicators(filter: { planId: $p }) { edges { node { ...F0 } } } } ${fragments.join(' ')}`,
      { p: planId },
    );
    expect(deep.errors!.map((e) => e.message).join(' ')).toMatch(/depth limit/);
    const cycle = await server.gql(
      `{ indicators { edges { node { ...A } } } } fragment A on Indicator { operationalObjective { indicators { ...B } } } fragment B on Indicator { ...A }`,
    );
    expect(cycle.errors!.map((e) => e.message).join(' ')).toMatch(/Cannot spread fragment "A" within itself/);
    await stillServing();
  });

  it('refuses 10,000 aliases (token limit) and more aliases than allowed in a short query', async () => {
    const huge = `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const r1 = await server.gql(huge);
    expect(r1.errors![0].message).toMatch(
      new RegExp(`Document contains more th.. ${OPERATION_LIMITS.maxTokens} tokens`),
    );
    const wide = `{ ${Array.from({ length: OPERATION_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: planVersions { id }`).join(' ')} }`;
    const r2 = await server.gql(wide);
    expect(r2.errors![0].message).toMatch(new RegExp(`Aliases limit of ${OPERATION_LIMITS.maxAliases} exceeded`));
    const allowed = await server.gql(
      `{ ${Array.from({ length: OPERATION_LIMITS.maxAliases }, (_, i) => `a${i}: planVersions { id }`).join(' ')} }`,
    );
    expect(allowed.errors).toBeUndefined();
    await stillServing();
  });

  it('refuses more plan-wide computations than allowed in one request, before running any (issue 13, finding 9)', async () => {
    const reports = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `r${i}: report(planId: "${planId}", year: 2022) { title }`).join(' ')} }`;
    server.statements.length = 0;
    const thirty = await server.gql(reports(30));
    const readsOfTheRefusal = server.statements.filter((sql) => !/from .api_token./.test(sql));
    expect(thirty.data).toBeUndefined();
    expect(thirty.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(thirty.errors![0].message).toMatch(new RegExp(`At most ${PLAN_WIDE.perRequest} plan-wide computations`));
    // refused by validation: not one report was computed, so nothing read but the caller's token (a count, where a
    // time under 30 s was a guess at the machine's speed: 30 reports took ≈12 s on a 3,000-indicator plan)
    expect(readsOfTheRefusal).toEqual([]);
    server.statements.length = 0;
    const allowed = await server.gql(reports(PLAN_WIDE.perRequest));
    expect(allowed.errors).toBeUndefined();
    // the same count sees a computed report: the plan's rows are read
    expect(server.statements.filter((sql) => !/from .api_token./.test(sql)).length).toBeGreaterThan(0);
    // one realization per (year, checkpoint): a whole tree showing the same scores at every level counts once
    const tree = await server.gql(
      `query($p: ID!) { planVersion(id: $p) { realization(year: 2022) { score } perspectives { realization(year: 2022) { score }
        strategicObjectives { realization(year: 2022) { score } } } } }`,
      { p: planId },
    );
    expect(tree.errors).toBeUndefined();
    const years = await server.gql(
      `query($p: ID!) { planVersion(id: $p) { ${[2022, 2023, 2024]
        .flatMap((y) => [
          `y${y}: realization(year: ${y}) { score }`,
          `m${y}: realization(year: ${y}, checkpoint: MID_YEAR) { score }`,
        ])
        .join(' ')} } }`,
      { p: planId },
    );
    expect(years.errors![0].message).toMatch(/plan-wide computations/);
    await stillServing();
  });

  it('refuses too many directives; with introspection on, an unknown field gets a clean suggestion', async () => {
    const directives = Array.from({ length: OPERATION_LIMITS.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
    const r1 = await server.gql(`{ planVersions { id ${directives} } }`);
    expect(r1.errors![0].message).toMatch(/Directives limit/);
    const r2 = await server.gql(`{ planVersions { labell } }`);
    // the schema is public when introspection is on: the suggestion helps, and no "[Suggestion hidden]?" remains
    expect(r2.errors![0].extensions!.messageEn).toBe(
      'Cannot query field "labell" on type "PlanVersion". Did you mean "label"?',
    );
    await stillServing();
  });

  it('answers huge variables just under the body limit with a clear error, and refuses a body over it with 413', async () => {
    const withCodeOf = (bytes: number) =>
      raw(
        server,
        JSON.stringify({
          query: 'query($c: String) { organisations(filter: { code: $c }) { id } }',
          variables: { c: 'x'.repeat(bytes) },
        }),
      );
    const r1 = await withCodeOf(4.8 * 1024 * 1024);
    expect(r1.status).toBe(200);
    expect(firstError(r1).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.objectContaining({ field: 'code', code: 'maxLength' })],
    });
    expect(JSON.stringify(r1.json).length).toBeLessThan(2000);

    const r2 = await withCodeOf(5.2 * 1024 * 1024);
    expect(r2.status).toBe(413);
    expect(firstError(r2)).toEqual({
      message: expect.stringMatching(/^Il corpo della richiesta supera .* \/ .*larger than the limit of 5242880 bytes/),
      extensions: { code: 'PAYLOAD_TOO_LARGE', messageIt: expect.any(String), messageEn: expect.any(String) },
    });

    const rows = Array.from({ length: 5001 }, (_, i) => ({ clientRef: `r${i}`, level: 'perspective', title: `P${i}` }));
    const r3 = await server.gql(SYNC_ROWS, {
      input: { planId, year: 2022, checkpoint: 'YEAR_END', mode: 'PARTIAL', rows },
    });
    expect(r3.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.objectContaining({ code: 'BATCH_TOO_LARGE' })],
    });
    await stillServing();
  });

  it('refuses batched (array) requests and bodies that are not JSON', async () => {
    const batch = await raw(
      server,
      JSON.stringify([{ query: '{ planVersions { id } }' }, { query: '{ organisations { id } }' }]),
    );
    expect(batch.status).toBe(400);
    expect(JSON.stringify(batch.json)).toMatch(/batching/i);
    const garbage = await raw(server, '{"query": ');
    expect(garbage.status).toBe(400);
    expect(firstError(garbage).extensions!.code).toBe('BAD_REQUEST');
    await stillServing();
  });

  it('answers CORS preflights for the allowed origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight('https://localhost:3000');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows introspection by default outside production', async () => {
    const r = await server.gql(`{ __schema { queryType { name } } }`);
    expect(r.data.__schema.queryType.name).toBe('Query');
  });
});

// the budgets are HTTP rules, but the file routes read the database before they answer: both databases
describe.each(databaseNames())('rate limits and configuration (%s)', (dialect) => {
  const server = withServer(dialect, {
    security: {
      requestsPerWindow: 5,
      authFailuresPerWindow: 3,
      windowMs: 60_000,
      introspection: false,
      corsOrigins: ['https://addin.example.org'],
    },
  });
  // windows end when the server's clock says so, not when a sleep guesses they have: however slow the machine,
  // every request of a test falls in the window the test opened
  const nextWindow = () => server.clock.advance(60_000);

  it('answers 429 with Retry-After past the per-token limit, does not punish another token, and recovers', async () => {
    nextWindow(); // the helper's warm-up request counted in the first one
    const other = await server.as(
      'viewer',
      (await server.gql(`mutation { createOrganisation(input: { code: "RL", name: "Rate" }) { id } }`)).data
        .createOrganisation.id,
    );
    for (let i = 0; i < 4; i++)
      expect((await raw(server, JSON.stringify({ query: '{ __typename }' }))).status).toBe(200);
    const limited = await raw(server, JSON.stringify({ query: '{ __typename }' }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60'); // the window opened by this test's first request, to the second
    expect(firstError(limited)).toEqual({
      message: expect.stringMatching(/^Troppe richieste: .* \/ Too many requests: at most 5 per minute per token/),
      extensions: { code: 'RATE_LIMITED', messageIt: expect.any(String), messageEn: expect.any(String) },
    });
    expect((await other.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    server.clock.advance(59_999);
    expect((await raw(server, JSON.stringify({ query: '{ __typename }' }))).status).toBe(429);
    server.clock.advance(1);
    expect((await raw(server, JSON.stringify({ query: '{ __typename }' }))).status).toBe(200);
  });

  it('slows down token guessing per address: 429 after too many failed authentications, while valid tokens still pass', async () => {
    nextWindow();
    const guesses = [];
    for (let i = 0; i < 4; i++)
      guesses.push(
        (await raw(server, JSON.stringify({ query: '{ __typename }' }), { authorization: `Bearer cru_guess${i}` }))
          .status,
      );
    expect(guesses).toEqual([401, 401, 401, 429]);
    expect((await raw(server, JSON.stringify({ query: '{ __typename }' }))).status).toBe(200);
  });

  it("counts file routes in the token's one budget and never a valid token as a failed authentication", async () => {
    nextWindow();
    const org = (
      await server.gql(`mutation { createOrganisation(input: { code: "RLF", name: "File routes" }) { id } }`)
    ).data.createOrganisation.id;
    const viewer = await server.as('viewer', org);
    const file = (path: string, token = viewer.token) =>
      fetch(`${server.url}${path}?planId=00000000-0000-4000-8000-000000000000&year=2022`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const report = () => file('/reports/relazione.html');
    // four valid requests, reports and the plan workbook: past the 3 failed authentications an address may make,
    // none of them is one
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await file(i % 2 ? '/export/plan.xlsx' : '/reports/relazione.html')).status);
    expect(statuses).toEqual([404, 404, 404, 404]);
    // the fifth request of the window, on /graphql, is within the token's budget of 5; the sixth, a file, is not
    expect((await viewer.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    const over = await report();
    expect(over.status).toBe(429);
    expect(((await over.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe(
      'RATE_LIMITED',
    );
    // a colleague's valid token from the same address is served on every file route: nothing was a failure
    const colleague = await server.as('viewer', org);
    expect((await file('/export/plan.xlsx', colleague.token)).status).toBe(404);
    expect((await file('/reports/relazione.xlsx', colleague.token)).status).toBe(404);
  });

  it('turns introspection off and uses the configured CORS origins', async () => {
    nextWindow();
    const r = await server.gql(`{ __schema { queryType { name } } }`);
    expect(r.errors![0].message).toMatch(/introspection is not allowed/i);
    // nor do suggestions reveal the schema piece by piece: the sentence ends where graphql-js's suggestion began,
    // for fields, arguments and enum values alike
    const unknown = await server.gql(`{ planVersions { labell } report(year: 2022, checkpoint: YEAR_ENDX) { title } }`);
    expect(unknown.errors!.map((e) => e.extensions!.messageEn)).toEqual([
      'Cannot query field "labell" on type "PlanVersion".',
      'Value "YEAR_ENDX" does not exist in "Checkpoint" enum.',
    ]);
    const preflight = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});
