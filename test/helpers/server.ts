import { type App, type AppOptions, createApp, listen } from '../../server/app';
import { openOrm, type Orm } from '../../server/db/orm';
import { Role } from '@core/vocabulary/roles';
import { Membership, Organisation, User } from '../../server/entities';
import { seedIfEmpty } from '../../server/fixtures/sondrio';
import type { SecurityConfig } from '../../server/config';
import { createUser, issueToken } from '../../server/services/users';
import { databaseFor, type TestDatabase } from './databases';

export type GraphQLResponse<T = any> = {
  data?: T;
  errors?: Array<{ message: string; path?: unknown; extensions?: Record<string, any> }>;
};
export type Gql = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

/** A user of one organisation with one role, and their bearer token. */
export type Caller = { gql: Gql; token: string; userId: string; name: string };

/**
 * The server's clock in tests: it reads the real time when the server starts and then stands still until a test
 * moves it, so token expiry, the once-a-minute last-use write and the rate-limit windows never depend on how long
 * the tests took (a loaded machine once made a request cross the minute and write one statement more).
 */
export type TestClock = { now(): Date; advance(ms: number): void };

export function testClock(start = Date.now()): TestClock {
  let at = start;
  return {
    now: () => new Date(at),
    advance(ms) {
      at += ms;
    },
  };
}

/** A real server on a loopback port, on a fresh database, talked to over HTTP like any client. */
export type TestServer = {
  url: string;
  /** what the server goes by for token expiry, the token's last use and rate-limit windows */
  clock: TestClock;
  orm: Orm;
  /** the app itself: its live updates (subscriptions open, the hub) for the tests of server/live */
  app: App;
  databaseUrl: string;
  /** SQL statements seen since the last reset */
  statements: string[];
  /** the bearer token of a system administrator (may do everything everywhere) */
  token: string;
  /** GraphQL as the system administrator */
  gql: Gql;
  /** GraphQL with any token (or none) */
  gqlWith<T = any>(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** a new user with `role` in organisation `orgId` (a unit editor for `unitIds`), and their token */
  as(role: Role | `${Role}`, orgId: string, unitIds?: string[], options?: { expiresAt?: Date | null }): Promise<Caller>;
  close(): Promise<void>;
};

let users = 0;

/** Tests spell roles as their strings ('admin'); the membership row wants the enum member. */
function roleNamed(name: Role | `${Role}`): Role {
  const role = Object.values(Role).find((r) => r === name);
  if (!role) throw new Error(`unknown role "${name}"`);
  return role;
}

export async function startServer(
  dialect: 'sqlite' | 'postgresql',
  options: {
    seed?: boolean;
    /** with the seed: the example 30/6 and 31/12 actuals `npm start` adds (server/main.ts) */
    exampleValues?: boolean;
    security?: Partial<SecurityConfig>;
    /** the speed layer (server/speed); default: as createApp decides */
    fastPaths?: boolean;
    /** an existing database to serve (its creator drops it) instead of a fresh one */
    databaseUrl?: string;
    /** the price limits of plan-wide computations (server/http/plan-cost.ts) */
    planCost?: AppOptions['planCost'];
    /** megabytes of kept scored plans (server/services/score-snapshots.ts); 0 computes on every read */
    scoreCacheMb?: number;
    /** megabytes of kept plan-tree answers (server/graphql/kept-answers.ts); default: 0 when scoreCacheMb is 0 */
    answerCacheMb?: number;
    /** threads computing plan-wide scores (server/compute); default 0 here, on the event loop */
    computeThreads?: number;
    /** a hold on the compute threads' computations (test/helpers/compute-gate.ts) */
    computeGate?: AppOptions['computeGate'];
    /**
     * several instances: Redis and a key prefix of the test's own, for live updates and the rate limits alike
     * (default: one instance in memory, whatever REDIS_URL the developer's shell has)
     */
    live?: { redisUrl?: string | null; channelPrefix?: string };
  } = {},
): Promise<TestServer> {
  const database: TestDatabase = databaseFor(dialect);
  const databaseUrl = options.databaseUrl ?? (await database.create());
  const statements: string[] = [];
  const orm = await openOrm(databaseUrl, { onQuery: (sql) => statements.push(sql) });
  if (options.seed) await seedIfEmpty(orm.em, { exampleValues: options.exampleValues });
  // a second instance over an existing database (server/live's cross-instance tests) shares its administrator
  const existing = options.databaseUrl
    ? await orm.em.fork().findOne(User, { email: 'root@test.local' }, { filters: false })
    : null;
  const admin =
    existing ??
    (await createUser(orm.em.fork(), {
      email: 'root@test.local',
      name: 'Test administrator',
      systemAdmin: true,
    }));
  const { token } = await issueToken(orm.em.fork(), admin, { label: 'test' });
  const errors: unknown[] = [];
  // tests make many requests from one token: the rate limits get their own tests (security-abuse)
  const security = { requestsPerWindow: 1_000_000, authFailuresPerWindow: 1_000_000, ...options.security };
  const clock = testClock();
  const app: App = await createApp(orm, {
    security,
    fastPaths: options.fastPaths,
    scaleOut: {
      redisUrl: options.live?.redisUrl ?? undefined,
      ...(options.live?.channelPrefix ? { redisPrefix: options.live.channelPrefix } : {}),
    },
    planCost: options.planCost,
    ops: {
      ...(options.scoreCacheMb !== undefined ? { scoreCacheMb: options.scoreCacheMb } : {}),
      // a server that keeps no scores keeps no answers either: the reference that computes every read
      ...(options.answerCacheMb !== undefined || options.scoreCacheMb === 0
        ? { answerCacheMb: options.answerCacheMb ?? 0 }
        : {}),
    },
    // on the event loop unless a test asks for threads: a thread compiles the scoring code with ts-node at start,
    // seconds of CPU for each of the suite's hundreds of servers (compute-threads.test.ts proves the answers equal)
    computeThreads: options.computeThreads ?? 0,
    computeGate: options.computeGate,
    clock: clock.now,
    log: (e) => {
      errors.push(e);
      if (process.env.DEBUG_SERVER_ERRORS) console.error(e);
    },
  });
  const port = await listen(app.httpServer, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;

  async function gqlWith(bearer: string | null, query: string, variables?: Record<string, unknown>) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  }
  const gql: Gql = (query, variables) => gqlWith(token, query, variables);
  // the first request of a token records its use (one write): done here so statement counts start clean; the clock
  // stands still, so no later request writes it again
  await gql('{ __typename }');
  statements.length = 0;
  return {
    url,
    clock,
    orm,
    app,
    databaseUrl,
    statements,
    token,
    gql,
    gqlWith,
    async as(role, orgId, unitIds = [], opts = {}) {
      const em = orm.em.fork();
      const n = ++users;
      const user = await createUser(em, { email: `${role}.${n}@test.local`, name: `${role} ${n}` });
      em.create(Membership, { user, org: em.getReference(Organisation, orgId), role: roleNamed(role), unitIds });
      await em.flush();
      const issued = await issueToken(em, user, { label: 'test', expiresAt: opts.expiresAt ?? null });
      return { gql: (q, v) => gqlWith(issued.token, q, v), token: issued.token, userId: user.id, name: user.name };
    },
    async close() {
      await app.stop();
      await orm.close(true);
      await database.dropAll();
    },
  };
}

/**
 * What a describe-level helper returns for an object its beforeAll hook makes: reads go to that object once the hook
 * has run (inside tests and in hooks registered after the helper); before that, a read throws.
 */
export function standIn<T extends object>(made: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_, key) {
      const value = made();
      if (!value) throw new Error(`${what} is made in beforeAll: read it inside tests and later hooks`);
      return Reflect.get(value, key);
    },
  });
}

/**
 * startServer for the enclosing describe block (or file): started before its first test, closed after its last. It
 * returns the server itself (a stand-in until the hook has started it).
 */
export function withServer(
  dialect: 'sqlite' | 'postgresql',
  options: Parameters<typeof startServer>[1] = {},
): TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(dialect, options);
  });
  afterAll(() => server?.close());
  return standIn(() => server, 'the server of withServer');
}

/**
 * A server for the enclosing describe block with what `build` makes on it (an organisation, a plan, callers):
 * made before its first test, closed after its last. Returns the object its hook fills in, `server` and the fields
 * `build` returns: read them inside tests and in hooks registered after this call.
 */
export function withServerAnd<T extends object>(
  dialect: 'sqlite' | 'postgresql',
  options: Parameters<typeof startServer>[1],
  build: (server: TestServer) => Promise<T>,
): { server: TestServer } & T {
  const context = {} as { server: TestServer } & T;
  beforeAll(async () => {
    context.server = await startServer(dialect, options);
    Object.assign(context, await build(context.server));
  });
  afterAll(() => context.server?.close());
  return context;
}
