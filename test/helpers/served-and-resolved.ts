import { SyncResolver } from '../../server/graphql/sync.resolver';
import { createEmptyPlan } from './other-plan';
import type { databaseFor } from './databases';
import { seededWithCopy } from './seeded-copy';
import { startServer, type TestServer } from './server';
import { sondrioPlan, type SondrioPlan } from './sync';

/**
 * Two servers on copies of one seeded database, for the reads served before execution (realization-rows.ts,
 * delta-rows.ts): `fast` with the fast paths on (the plugin serves), `plain` with them off (the resolver executes,
 * graphql-js writes); `resolved` spies on the `sheetRows` resolver, anew for each test. Call inside a describe.
 */
export function servedAndResolved(dialect: 'sqlite' | 'postgresql', databases: ReturnType<typeof databaseFor>) {
  const it = {} as { fast: TestServer; plain: TestServer; plan: SondrioPlan; resolved: jest.SpyInstance };
  beforeAll(async () => {
    const { source, copy } = await seededWithCopy(databases);
    it.fast = await startServer(dialect, { fastPaths: true, databaseUrl: source });
    it.plain = await startServer(dialect, { fastPaths: false, databaseUrl: copy });
    it.plan = await sondrioPlan(it.fast);
  });
  beforeEach(() => {
    it.resolved = jest.spyOn(SyncResolver.prototype, 'sheetRows');
  });
  afterEach(() => it.resolved.mockRestore());
  afterAll(async () => {
    await it.fast?.close();
    await it.plain?.close();
    await databases.dropAll();
  });
  return it;
}

/**
 * `query` asked by a controller of another organisation (its own empty plan made on each server) of both servers:
 * it must be answered as the resolver answers it (NOT_FOUND, nothing of the plan), by the resolver on `fast` too.
 */
export async function outsidersRead(
  servers: ReturnType<typeof servedAndResolved>,
  org: readonly [{ code: string; name: string }, string],
  query: string,
  variables: Record<string, unknown>,
) {
  // the plugin runs after authentication but reads through the caller's unit of work, filtered to its organisation
  const outsiders = await Promise.all(
    [servers.fast, servers.plain].map(async (server) =>
      server.as('controller', (await createEmptyPlan(server, ...org)).orgId),
    ),
  );
  servers.resolved.mockClear();
  const a = await outsiders[0].gql(query, variables);
  expect(servers.resolved.mock.calls.length).toBe(1);
  const b = await outsiders[1].gql(query, variables);
  expect(a.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect(a.data).toEqual(b.data);
  expect(a.errors?.map((e) => e.extensions?.code)).toEqual(b.errors?.map((e) => e.extensions?.code));
  return a;
}

/**
 * The body of `query` on `server` as sent, twice: served (the plugin answers it, its rows sent as kept bytes,
 * kept-bytes.ts) and executed (the same query with a directive that changes nothing, which the plugin never serves:
 * graphql-js writes it, Express encodes it), each with its Content-Length, serverTime made equal. Byte for byte, as
 * Latin-1 text (a byte a character), so that a difference in the order of keys or in an encoding shows.
 */
export async function servedAndExecutedBytes(
  server: TestServer,
  query: string,
  variables: Record<string, unknown>,
  resolved: jest.SpyInstance,
) {
  const body = async (text: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ query: text, variables }),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
    return bytes.toString('latin1').replace(/"serverTime":"[^"]*"/g, '"serverTime":""');
  };
  resolved.mockClear();
  const served = await body(query);
  expect(resolved.mock.calls.length).toBe(0);
  const executed = await body(query.replace('rows {', 'rows @include(if: true) {'));
  expect(resolved.mock.calls.length).toBe(1);
  return { served, executed };
}
