import { Client } from 'pg';
import { PG_BASE_URL } from '../test/helpers/databases';
import { startServer, type TestServer } from '../test/helpers/server';

export { dataStatements } from '../test/helpers/sync';

/**
 * The suite's server: the tests' own path (test/helpers/server.ts), a real server on a loopback port over a fresh
 * database of its own (a temporary SQLite file, or a PostgreSQL database created for the run and dropped after),
 * counting SQL statements, called with a system administrator's bearer token.
 */
export type BenchServer = TestServer & { dialect: 'sqlite' | 'postgresql' };

export async function benchServer(dialect: 'sqlite' | 'postgresql'): Promise<BenchServer> {
  return Object.assign(await startServer(dialect), { dialect });
}

/** Whether PostgreSQL answers at TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test). */
export async function postgresAnswers(): Promise<string | null> {
  const client = new Client({ connectionString: PG_BASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `no PostgreSQL answers at ${PG_BASE_URL.replace(/\/\/[^@]*@/, '//')}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function authHeaders(server: TestServer): Record<string, string> {
  return { 'content-type': 'application/json', ...(server.token ? { authorization: `Bearer ${server.token}` } : {}) };
}

/** One GraphQL request over HTTP, with the sizes of what went each way. */
export async function post<T>(server: TestServer, query: string, variables: Record<string, unknown>) {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: authHeaders(server), body });
  const text = await response.text();
  const json = JSON.parse(text) as { data?: T; errors?: unknown };
  return { json, requestBytes: Buffer.byteLength(body), responseBytes: Buffer.byteLength(text) };
}
