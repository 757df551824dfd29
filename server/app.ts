import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { type Clock, systemClock } from './http/clock';
import type { Orm } from './db/orm';
import { type Context, createContext } from './graphql/context';
import { formatError } from './graphql/errors';
import { noStorePlugins } from './graphql/no-store';
import { refuseSubscriptions } from './graphql/subscriptions';
import { getSchema } from './graphql/schema';
import { graphiqlRouter } from './graphiql';
import { armor, OPERATION_LIMITS } from './http/armor';
import { trustedDocuments } from './http/trusted-documents';
import { planWideFieldsRule } from './http/plan-wide-fields';
import {
  authFailureLimit,
  bodyErrors,
  lastErrors,
  principalOf,
  refuseUnauthenticated,
  requestLimit,
  resolveToken,
} from './http/guards';
import { config, type SecurityConfig } from './config';
import { bearerAccess, reportsRouter } from './http/reports';

/** Body cap: under Excel on the web's 5 MB per request, so anything the add-in can send fits. */
export const MAX_BODY = '5mb';

export type App = { httpServer: http.Server; apollo: ApolloServer<Context>; stop(): Promise<void> };

export type AppOptions = {
  log?: (error: unknown) => void;
  security?: Partial<SecurityConfig>;
  /** the speed layer (server/speed/README.md); default: CRUSCOTTO_FAST_PATHS, on unless it says off */
  fastPaths?: boolean;
  /** what token expiry, the token's last-use hint and the rate-limit windows go by (tests move one by hand) */
  clock?: Clock;
};

/**
 * Express + Apollo on one HTTP server: GraphQL at /graphql behind CORS, a bearer token and rate limits; the
 * offline GraphiQL page at / and /health stay open.
 */
export async function createApp(orm: Orm, options: AppOptions = {}): Promise<App> {
  const security: SecurityConfig = { ...config().security, ...options.security };
  const fastPaths = options.fastPaths ?? config().fastPaths;
  const clock = options.clock ?? systemClock;
  const app = express();
  const httpServer = http.createServer(app);
  // A big plan's request can hold the event loop for seconds; Node's 5 s keep-alive timer then fires before the
  // next request already waiting on an idle socket is read, and resets it (ECONNRESET under load, bench B4).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const limits = armor();
  const apollo = new ApolloServer<Context>({
    schema: await getSchema({ fastPaths }),
    formatError: (formatted, error) => formatError(formatted, error, options.log),
    includeStacktraceInErrorResponses: false,
    introspection: security.introspection,
    // with introspection off, "Did you mean …?" would leak the schema piece by piece, so it goes (whole, and for
    // enum values too); with it on the schema is public anyway and the suggestion helps the client's developer
    hideSchemaDetailsFromClientErrors: !security.introspection,
    allowBatchedHttpRequests: false,
    // graphql-js stops lexing past the limit, and a document over it is a parse error (400), like any other
    parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
    validationRules: [...limits.validationRules, planWideFieldsRule],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...noStorePlugins(),
      refuseSubscriptions(),
      ...limits.plugins,
    ],
  });
  await apollo.start();
  app.disable('x-powered-by');
  const failureLimit = authFailureLimit(security, clock);
  const budget = requestLimit(security, clock);
  app.use(
    '/graphql',
    cors<cors.CorsRequest>({
      origin: security.corsOrigins,
      allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name'],
    }),
    resolveToken(orm, clock),
    failureLimit,
    refuseUnauthenticated,
    budget,
    express.json({ limit: MAX_BODY }),
    trustedDocuments(security.trustedDocuments, security.development),
    expressMiddleware(apollo, { context: async ({ res }) => createContext(orm.em, principalOf(res), { fastPaths }) }),
  );
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    reportsRouter({
      resolveAccess: bearerAccess(orm, { fastPaths, clock }),
      // the same limiter instances as /graphql: one budget per token across the API and the files, and a valid
      // token is never counted as a failed authentication
      guards: [resolveToken(orm, clock), failureLimit, budget],
    }),
  );
  app.use(graphiqlRouter('/graphql'));
  app.use(bodyErrors);
  app.use(lastErrors(options.log ?? ((error) => console.error(error))));
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
