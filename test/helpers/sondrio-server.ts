import type { SecurityConfig } from '../../server/config';
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
