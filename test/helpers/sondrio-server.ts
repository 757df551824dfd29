import type { SecurityConfig } from '../../server/config';
import { databaseNames } from './databases';
import { startServer, type TestServer } from './server';
import { sondrioPlan, type SondrioPlan } from './sync';

/**
 * What most integration and add-in tests start from: a real server on a fresh database seeded with the Sondrio
 * 2022-2024 plan, and that plan as the sheet sees it (its id, its organisation, every row by level and code).
 */
export type SondrioServer = { server: TestServer; plan: SondrioPlan };

type Dialect = 'sqlite' | 'postgresql';
type Options = { security?: Partial<SecurityConfig> };

export async function startSondrioServer(dialect: Dialect = 'sqlite', options: Options = {}): Promise<SondrioServer> {
  const server = await startServer(dialect, { ...options, seed: true });
  try {
    return { server, plan: await sondrioPlan(server) };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * A Sondrio server for the enclosing describe block (or file): started before its first test, closed after its last.
 * Jest wants its hooks registered synchronously, so this returns the object the hook fills in; read its fields inside
 * tests and later hooks (registered after this call, they run after the server is up).
 */
export function withSondrioServer(dialect: Dialect = 'sqlite', options: Options = {}): SondrioServer {
  const context = {} as SondrioServer;
  beforeAll(async () => {
    Object.assign(context, await startSondrioServer(dialect, options));
  });
  afterAll(() => context.server?.close());
  return context;
}

/**
 * `describe` once for each database the run has (SQLite, and PostgreSQL when it answers: `(%s)` in the title names
 * it), with a Sondrio server for the block (withSondrioServer). The body gets the object the hook fills in, and the
 * database's name for the few tests that differ by it.
 */
export function describeOnSondrio(
  title: string,
  body: (sondrio: SondrioServer, dialect: Dialect) => void,
  options: Options = {},
): void {
  describe.each(databaseNames())(title, (dialect) => body(withSondrioServer(dialect, options), dialect));
}
