import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { Orm } from './db/orm';
import { type Context, createContext } from './graphql/context';
import { formatError } from './graphql/errors';
import { getSchema } from './graphql/schema';
import { graphiqlRouter } from './graphiql';

/** Body cap: under Excel on the web's 5 MB per request, so anything the add-in can send fits. */
export const MAX_BODY = '5mb';

export type App = { httpServer: http.Server; apollo: ApolloServer<Context>; stop(): Promise<void> };

/** Express + Apollo on one HTTP server: GraphQL at /graphql, the offline GraphiQL page at /. */
export async function createApp(orm: Orm, options: { log?: (error: unknown) => void } = {}): Promise<App> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    formatError: (formatted, error) => formatError(formatted, error, options.log),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  app.disable('x-powered-by');
  app.use(
    '/graphql',
    cors<cors.CorsRequest>(),
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, { context: async () => createContext(orm.em) }),
  );
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(graphiqlRouter('/graphql'));
  return {
    httpServer,
    apollo,
    async stop() {
      await apollo.stop();
    },
  };
}

export function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
