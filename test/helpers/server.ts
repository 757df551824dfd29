import { type App, createApp, listen } from '../../server/app';
import { openOrm, type Orm } from '../../server/db/orm';
import { seedIfEmpty } from '../../server/fixtures/sondrio';
import { databaseFor, type TestDatabase } from './databases';

export type GraphQLResponse<T = any> = { data?: T; errors?: Array<{ message: string; path?: unknown; extensions?: Record<string, any> }> };

/** A real server on a loopback port, on a fresh database, talked to over HTTP like any client. */
export type TestServer = {
  url: string;
  orm: Orm;
  databaseUrl: string;
  /** SQL statements seen since the last reset */
  statements: string[];
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
};

export async function startServer(dialect: 'sqlite' | 'postgresql', options: { seed?: boolean } = {}): Promise<TestServer> {
  const database: TestDatabase = databaseFor(dialect);
  const databaseUrl = await database.create();
  const statements: string[] = [];
  const orm = await openOrm(databaseUrl, { onQuery: (sql) => statements.push(sql) });
  if (options.seed) await seedIfEmpty(orm.em);
  const errors: unknown[] = [];
  const app: App = await createApp(orm, { log: (e) => { errors.push(e); if (process.env.DEBUG_SERVER_ERRORS) console.error(e); } });
  const port = await listen(app.httpServer, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  statements.length = 0;
  return {
    url,
    orm,
    databaseUrl,
    statements,
    async gql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    },
    async close() {
      await app.stop();
      await orm.close(true);
      await database.dropAll();
    },
  };
}
