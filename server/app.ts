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
import { refuseUnstorableInput } from './graphql/input-guard';
import { refuseDeepJson } from './http/json-depth';
import { stringifyInSlices } from './speed/stringify-in-slices';
import { sendKeptBytes } from './speed/kept-bytes';
import { realizationRowsPlugin } from './graphql/realization-rows';
import { sheetScoresPlugin } from './graphql/sheet-scores-read';
import { getSchema } from './graphql/schema';
import { graphiqlRouter } from './graphiql';
import { armor, OPERATION_LIMITS } from './http/armor';
import { trustedDocuments } from './http/trusted-documents';
import { planWideFieldsRule } from './http/plan-wide-fields';
import { PLAN_COST, planCost, type PlanCostLimits } from './http/plan-cost';
import { bodyErrors, lastErrors, principalOf, refuseUnauthenticated, rateLimits, resolveToken } from './http/guards';
import { config, type OpsConfig, type ScaleOutConfig, type SecurityConfig } from './config';
import { bearerAccess, reportsRouter } from './http/reports';
import { healthRouter } from './http/health';
import { metricsRouter } from './http/metrics';
import { type Logger, requestLogging, silentLogger } from './ops/logger';
import { bindResponse, observeRequests, operationNames } from './ops/metrics';
import { type Coordination, openCoordination } from './ops/redis';
import { type Invalidations, openInvalidations } from './ops/invalidation';
import { authenticate } from './auth/authenticate';
import { startLive, type Live } from './live';
import { PLAN_SCORES, ScoreSnapshots } from './services/score-snapshots';
import { KeptAnswers, keptAnswersPlugin } from './graphql/kept-answers';
import { keepSnapshotsFresh } from './services/snapshot-drops';
import { shareSheetStates } from './sync/shared-states';
import { pruneCommits } from './services/commit-order';
import type { ComputeGate } from './compute/gate';
import { openPlanCompute, type PlanCompute } from './compute/pool';

/** Body cap: under Excel on the web's 5 MB per request, so anything the add-in can send fits. */
export const MAX_BODY = '5mb';
/** how often the commit log is pruned (COMMIT_LOG_KEEP): a few thousand commits of a busy plan, one statement */
const PRUNE_EVERY_MS = 10 * 60_000;

export type App = {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Redis, when REDIS_URL (or options.scaleOut) names one: further connections come from coordination.connect */
  coordination: Coordination | null;
  /** dropping entries of in-process caches on every instance (server/ops/invalidation.ts) */
  invalidations: Invalidations;
  /** subscriptions over graphql-ws and the change events behind them (server/live) */
  live: Live;
  /** scored plans kept between reads until their plan changes (server/services/score-snapshots.ts) */
  snapshots: ScoreSnapshots;
  /** plan-tree answers kept per caller until their plan changes (server/graphql/kept-answers.ts) */
  answers: KeptAnswers;
  /** the threads plan-wide scores and reports are computed in (server/compute), one pool per app */
  compute: PlanCompute;
  /** stops accepting and waits for the requests in flight (cut after the shutdown timeout) */
  drain(): Promise<void>;
  /** closes what the app opened besides the database (Redis), after drain */
  release(): Promise<void>;
  /** drain, then release */
  stop(): Promise<void>;
};

export type AppOptions = {
  log?: (error: unknown) => void;
  security?: Partial<SecurityConfig>;
  /** the speed layer (server/speed/README.md); default: CRUSCOTTO_FAST_PATHS, on unless it says off */
  fastPaths?: boolean;
  /** what token expiry, the token's last-use hint and the rate-limit windows go by (tests move one by hand) */
  clock?: Clock;
  /** REDIS_URL and REDIS_KEY_PREFIX unless given here (`redisUrl: undefined` is a single instance) */
  scaleOut?: Partial<ScaleOutConfig>;
  /** METRICS_TOKEN and SHUTDOWN_TIMEOUT_SECONDS unless given here */
  ops?: Partial<Pick<OpsConfig, 'metricsToken' | 'shutdownTimeoutMs' | 'scoreCacheMb' | 'answerCacheMb'>>;
  /** request logs (one JSON line per request); default: none, as in tests (server/main.ts passes LOG_LEVEL's) */
  logger?: Logger;
  /** the price limits of plan-wide computations (server/http/plan-cost.ts); tests lower them */
  planCost?: Partial<PlanCostLimits>;
  /** threads computing plan-wide scores and reports, 0 on the event loop; default: COMPUTE_THREADS */
  computeThreads?: number;
  /** a test seam: holds the threads' computations where a test says (server/compute/gate.ts) */
  computeGate?: ComputeGate;
};

/**
 * Express + Apollo on one HTTP server: GraphQL at /graphql behind CORS, a bearer token and rate limits; the
 * offline GraphiQL page at /, /health and /ready stay open; /metrics for the monitoring (server/http/metrics.ts).
 * With Redis the rate limits are shared by every instance (README, "Running several instances").
 */
export async function createApp(orm: Orm, options: AppOptions = {}): Promise<App> {
  const security: SecurityConfig = { ...config().security, ...options.security };
  const scaleOut: ScaleOutConfig = { ...config().scaleOut, ...options.scaleOut };
  const ops = { ...config().ops, ...options.ops };
  const logger = options.logger ?? silentLogger;
  const log = options.log ?? (options.logger ? (error: unknown) => logger.error({ err: error }) : console.error);
  const coordination = openCoordination(scaleOut.redisUrl, scaleOut.redisPrefix, (error, purpose) =>
    logger.warn({ err: error, purpose }, 'Redis connection error'),
  );
  const invalidations = openInvalidations(coordination, (error) => logger.warn({ err: error }, 'invalidation'));
  const snapshots = new ScoreSnapshots({ maxBytes: ops.scoreCacheMb * 2 ** 20 });
  const dropStale = keepSnapshotsFresh(orm.em, snapshots, invalidations, (error) =>
    logger.warn({ err: error }, 'invalidation'),
  );
  // a sync's kept plan state brought to the other instances' kept states (sync/shared-states.ts)
  const unshare = shareSheetStates(orm.em, snapshots, coordination, (error) =>
    logger.warn({ err: error }, 'sheet states'),
  );
  // plan-tree answers per caller and plan stamp (graphql/kept-answers.ts), freed by the same drops as the scores
  const answers = new KeptAnswers({ maxBytes: ops.answerCacheMb * 2 ** 20 });
  // the sheet's commit log bounded (commit-order.ts); each instance prunes, the same deletion whoever runs it first
  const pruning = setInterval(() => {
    pruneCommits(orm.em.fork(), ops.commitLogKeep).catch((error) => logger.warn({ err: error }, 'commit log'));
  }, PRUNE_EVERY_MS).unref();
  const unregisterAnswers = invalidations.on(PLAN_SCORES, (key) => answers.drop(key));
  const fastPaths = options.fastPaths ?? config().fastPaths;
  const clock = options.clock ?? systemClock;
  const app = express();
  const httpServer = http.createServer(app);
  // A big plan's request can hold the event loop for seconds; Node's 5 s keep-alive timer then fires before the
  // next request already waiting on an idle socket is read, and resets it (ECONNRESET under load, bench B4).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const limits = armor();
  const schema = await getSchema({ fastPaths });
  const live = startLive(orm.em, { coordination, fastPaths, snapshots });
  const compute = openPlanCompute(options.computeThreads ?? config().computeThreads, options.computeGate);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError: (formatted, error) => formatError(formatted, error, log),
    includeStacktraceInErrorResponses: false,
    introspection: security.introspection,
    // with introspection off, "Did you mean …?" would leak the schema piece by piece, so it goes (whole, and for
    // enum values too); with it on the schema is public anyway and the suggestion helps the client's developer
    hideSchemaDetailsFromClientErrors: !security.introspection,
    allowBatchedHttpRequests: false,
    // the process's signals are ours (server/ops/shutdown.ts): Apollo's own handler (on outside NODE_ENV=test) stopped
    // the server and raised SIGTERM again, which our handler took for a second signal and exited 1 at once
    stopOnTerminationSignals: false,
    // a big answer is serialised a slice per turn of the event loop, the same bytes (issue 13, item 5)
    stringifyResult: stringifyInSlices,
    // graphql-js stops lexing past the limit, and a document over it is a parse error (400), like any other
    parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
    validationRules: [...limits.validationRules, planWideFieldsRule],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: ops.shutdownTimeoutMs }),
      operationNames(),
      ...noStorePlugins(),
      refuseSubscriptions(),
      refuseUnstorableInput(),
      planCost({ ...PLAN_COST, ...options.planCost }),
      keptAnswersPlugin(answers),
      realizationRowsPlugin(),
      sheetScoresPlugin(),
      live.plugin(),
      ...limits.plugins,
    ],
  });
  await apollo.start();
  // subscriptions: graphql-ws on the same port and path, with the same token check and limits as HTTP
  live.attach({
    httpServer,
    path: '/graphql',
    schema,
    authenticate: (authorization) => authenticate(orm.em, authorization, clock()),
    context: (principal) => createContext(orm.em, principal, { fastPaths, live: live.feeds, snapshots, compute }),
    validationRules: [...limits.validationRules, planWideFieldsRule],
    maxTokens: OPERATION_LIMITS.maxTokens,
    formatError: (error) => formatError(error.toJSON(), error, log),
    trusted: { mode: security.trustedDocuments, development: security.development },
  });
  app.disable('x-powered-by');
  // behind a load balancer every client would otherwise share its address in the per-address limits
  if (scaleOut.trustProxy !== undefined) app.set('trust proxy', scaleOut.trustProxy);
  app.use(requestLogging(logger), observeRequests());
  app.use(healthRouter(orm, coordination), metricsRouter(ops.metricsToken));
  // into the request log when there is one; in-process servers (tests) keep the library's console warnings
  const limiterLog = options.logger && {
    error: (error: unknown, message?: string) => logger.error({ err: error }, message),
    warn: (error: unknown, message?: string) => logger.warn({ err: error }, message),
  };
  const { authFailures: failureLimit, requests: budget } = rateLimits(security, clock, coordination, limiterLog);
  // an app of its own only for its settings: no ETag on GraphQL answers. Express hashed every answer to send one (a
  // SHA-1 of megabytes per realization read, bench B4), for answers never stored (no-store) nor asked again by ETag
  const graphql = express();
  graphql.disable('x-powered-by');
  graphql.set('etag', false);
  app.use('/graphql', graphql);
  graphql.use(
    cors<cors.CorsRequest>({
      origin: security.corsOrigins,
      allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name'],
    }),
    resolveToken(orm, clock),
    failureLimit,
    refuseUnauthenticated,
    budget,
    express.json({ limit: MAX_BODY }),
    refuseDeepJson,
    trustedDocuments(security.trustedDocuments, security.development),
    sendKeptBytes(),
    expressMiddleware(apollo, {
      context: async ({ res }) =>
        bindResponse(createContext(orm.em, principalOf(res), { fastPaths, snapshots, compute }), res),
    }),
  );
  app.use(
    reportsRouter({
      resolveAccess: bearerAccess(orm, { fastPaths, clock, snapshots, compute }),
      // the same limiter instances as /graphql: one budget per token across the API and the files, and a valid
      // token is never counted as a failed authentication
      guards: [resolveToken(orm, clock), failureLimit, budget],
    }),
  );
  app.use(graphiqlRouter('/graphql'));
  // any other path: a JSON 404, not Express's HTML page
  app.use((_req, res) => {
    res.status(404).json({
      errors: [{ message: 'Percorso sconosciuto / unknown path', extensions: { code: 'NOT_FOUND' } }],
    });
  });
  app.use(bodyErrors);
  app.use(lastErrors(log));
  const release = async () => {
    // after the drain: no request is waiting for a thread any more
    await compute.close();
    await live.close();
    clearInterval(pruning);
    dropStale();
    unshare();
    unregisterAnswers();
    await invalidations.close();
    await coordination?.close();
    // a stopped app may outlive its server (tests, benches, an embedding holding it): what it kept goes with it
    snapshots.drop(null);
    answers.drop(null);
  };
  return {
    httpServer,
    apollo,
    coordination,
    invalidations,
    live,
    snapshots,
    answers,
    compute,
    drain: () => apollo.stop(),
    release,
    async stop() {
      await apollo.stop();
      await release();
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
