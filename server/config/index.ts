/**
 * Every setting Cruscotto takes from the environment, read and checked here once: no other module reads
 * `process.env`. VARIABLES is the one table of the variables, their defaults and meanings; the README's
 * "Configuration" table shows exactly its rows (test/unit/config.test.ts compares them). A bad value stops the
 * start with a message naming the variable and the value, in Italian and in English; every bad variable is
 * reported at once.
 */
import { availableParallelism } from 'node:os';

/** The server's exposure settings (README, "Security limits"). */
export type SecurityConfig = {
  /** origins allowed to call /graphql from a browser (the add-in's task pane) */
  corsOrigins: string[];
  /** schema introspection (GraphiQL's docs and autocompletion need it) */
  introspection: boolean;
  /** requests per token (or per IP without one) per window */
  requestsPerWindow: number;
  /** failed authentications per IP per window: slows down token guessing */
  authFailuresPerWindow: number;
  windowMs: number;
  /** `required`: only the documents of the trusted-documents manifest run (server/http/trusted-documents.ts) */
  trustedDocuments: 'off' | 'required';
  /** not NODE_ENV=production: administrators may still send ad-hoc documents (GraphiQL) when documents are trusted */
  development: boolean;
};

/** Several instances on one database (README, "Running several instances"). */
export type ScaleOutConfig = {
  /** redis:// or rediss:// URL: shared rate limits, failed-authentication counters and cache invalidation */
  redisUrl?: string;
  /** before every Redis key and channel, so deployments (and test runs) can share one Redis */
  redisPrefix: string;
  /** the proxies whose X-Forwarded-For names the client (Express's "trust proxy"): a hop count or addresses */
  trustProxy?: number | string[];
};

/** What a deployer operates by: logs, metrics, shutdown. */
export type OpsConfig = {
  logLevel: LogLevel;
  /** the bearer token /metrics asks for; without it /metrics answers the machine itself only */
  metricsToken?: string;
  /** how long in-flight requests may take to finish after SIGTERM / SIGINT */
  shutdownTimeoutMs: number;
  /** megabytes (approximate) of scored plans kept between reads; 0: every read computes its scores */
  scoreCacheMb: number;
  /** megabytes (JSON) of plan-tree answers kept between reads; 0: every read runs its resolvers */
  answerCacheMb: number;
  /** a file to which every sync appends its time per phase (server/sync/sync-clock.ts); unset: nothing measured */
  syncPhaseLog?: string;
  /** commits per plan kept for the sheet's delta cursor (server/services/commit-order.ts); older ones are pruned */
  commitLogKeep: number;
};

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type Config = {
  port: number;
  host: string;
  /** a postgres:// URL, or the path of the SQLite file */
  databaseUrl: string;
  security: SecurityConfig;
  /** the browser that prints PDF reports */
  chromiumPath: string;
  /** `npm run migration:create` only: the PostgreSQL server where a scratch database is made */
  migrationPgUrl: string;
  /** who runs a command-line tool, recorded as the actor of what it writes */
  osUser: string;
  /** the speed layer (server/speed/README.md): off serves through plain type-graphql and the unit of work */
  fastPaths: boolean;
  /** worker threads for plan-wide scores and reports (server/compute); 0 computes them on the event loop */
  computeThreads: number;
  scaleOut: ScaleOutConfig;
  ops: OpsConfig;
};

export type Env = Readonly<Record<string, string | undefined>>;

/** One environment variable as the README documents it (markdown of the default and meaning cells). */
export type Variable = { name: string; default: string; meaning: string };

export const VARIABLES: readonly Variable[] = [
  { name: 'PORT', default: '`4000`', meaning: 'HTTP port (an integer from 0 to 65535)' },
  { name: 'HOST', default: '`127.0.0.1`', meaning: 'interface to listen on' },
  {
    name: 'DATABASE_URL',
    default: '`./data/cruscotto.sqlite`',
    meaning:
      'a `postgres://user@host:5432/db` URL selects PostgreSQL; anything else is the path of the SQLite file (WAL mode, foreign keys on)',
  },
  {
    name: 'CORS_ORIGINS',
    default: '`https://localhost:3000`',
    meaning:
      "comma-separated origins (`https://host:port`, no path) allowed to call `/graphql` from a browser (the add-in's task pane)",
  },
  {
    name: 'GRAPHQL_INTROSPECTION',
    default: 'on, **off when `NODE_ENV=production`**',
    meaning:
      "schema introspection (GraphiQL's documentation and autocompletion need it); `true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off`",
  },
  {
    name: 'NODE_ENV',
    default: '(none)',
    meaning: '`production` turns introspection off unless `GRAPHQL_INTROSPECTION` says otherwise',
  },
  {
    name: 'TRUSTED_DOCUMENTS',
    default: '`off`',
    meaning:
      "`required`: `/graphql` runs only the documents of `schema/trusted-documents.json` (the add-in's operations, written by `npm run trusted-documents`), sent as text or as a persisted-query hash; any other gets HTTP 400 `DOCUMENT_NOT_TRUSTED` before it is parsed. Administrators may still send any document (GraphiQL) unless `NODE_ENV=production`",
  },
  {
    name: 'RATE_LIMIT_PER_MINUTE',
    default: '`600`',
    meaning:
      'requests per token per minute (per IP without a token), a positive integer; past it, HTTP 429 `RATE_LIMITED` with `Retry-After`',
  },
  {
    name: 'AUTH_FAILURES_PER_MINUTE',
    default: '`30`',
    meaning:
      'failed authentications per IP per minute before 429, a positive integer; requests with a valid token are never counted',
  },
  {
    name: 'CRUSCOTTO_FAST_PATHS',
    default: '`on`',
    meaning:
      "`off` serves every request through plain type-graphql resolvers and MikroORM's unit of work, without the speed layer (`server/speed/README.md`): the same answers, slower; the escape hatch after a library upgrade",
  },
  {
    name: 'COMPUTE_THREADS',
    default: 'cores − 1 (1 to 4)',
    meaning:
      'worker threads that compute plan-wide scores, reports, lint and sheet rows (0 to 64), so a big report never holds the event loop and `/health` and small requests are answered meanwhile; `0` computes them on the event loop, in turns (README, "Security and limits"). The same answers either way; with `CRUSCOTTO_FAST_PATHS=off` they run on the event loop',
  },
  {
    name: 'REDIS_URL',
    default: '(none)',
    meaning:
      '`redis://host:6379` (or `rediss://`): instances share rate limits and failed-authentication counters through it and tell each other which caches to drop (README, "Running several instances"); unset, one instance counts in its own memory',
  },
  {
    name: 'REDIS_KEY_PREFIX',
    default: '`cruscotto:`',
    meaning: 'put before every Redis key and channel, so several deployments (or test runs) can share one Redis',
  },
  {
    name: 'TRUST_PROXY',
    default: '(none)',
    meaning:
      "behind a load balancer or reverse proxy: which proxies to believe about the client's address (`X-Forwarded-For`), as a number of hops (`1`) or comma-separated addresses, subnets or `loopback`; the per-address limits then count clients, not the proxy. Unset, the connecting address counts",
  },
  {
    name: 'LOG_LEVEL',
    default: '`info`',
    meaning:
      'JSON log lines (one per request, with its request id) on standard output from this level up: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`',
  },
  {
    name: 'METRICS_TOKEN',
    default: '(none)',
    meaning:
      'when set (at least 16 characters), `/metrics` answers only `Authorization: Bearer <METRICS_TOKEN>`; unset, it answers only requests from the machine itself (loopback, not forwarded by a proxy)',
  },
  {
    name: 'SHUTDOWN_TIMEOUT_SECONDS',
    default: '`25`',
    meaning:
      'on SIGTERM or SIGINT, how long requests in flight may take to finish before their connections are cut (then the exit code is 1)',
  },
  {
    name: 'SCORE_CACHE_MB',
    default: '`256`',
    meaning:
      'megabytes (approximate) of scored plans each instance keeps between reads, so a read of a plan that has not changed computes nothing (README, "Scores"); `0` turns it off (every read computes, the same answers)',
  },
  {
    name: 'ANSWER_CACHE_MB',
    default: '`64`',
    meaning:
      'megabytes (of JSON) of plan-tree answers each instance keeps per caller and plan stamp, so an unchanged plan read again runs no resolver (README, "Scores"); `0` turns it off (the same answers)',
  },
  {
    name: 'SYNC_PHASE_LOG',
    default: '(none)',
    meaning:
      'a file to which every sync appends one JSON line with its time per phase (queue, plan lock, read, decide, apply, answer, commit, kept state): for profiling a deployment under load (bench B4); unset, nothing is measured',
  },
  {
    name: 'COMMIT_LOG_KEEP',
    default: '`20000`',
    meaning:
      "the last commits of each plan kept for the add-in's delta refreshes (`sheetRows(after: cursor)`, 100 to 10000000), older ones pruned every 10 minutes; a pane whose cursor is older than them gets every row of the sheet, as on a full read",
  },
  { name: 'CHROMIUM_PATH', default: '`/usr/bin/chromium`', meaning: 'the browser that prints PDF reports' },
  {
    name: 'MIGRATION_PG_URL',
    default: '`postgres://postgres@127.0.0.1:5432/test`',
    meaning:
      '`npm run migration:create` only: the PostgreSQL server in which a scratch database is created and dropped',
  },
  {
    name: 'USER',
    default: '`unknown`',
    meaning: 'set by the shell: the command-line tools record `cli:<USER>` as the author of what they write',
  },
];

export const DEFAULT_SQLITE_FILE = './data/cruscotto.sqlite';
export const DEFAULT_CORS_ORIGINS = ['https://localhost:3000'];

/** One or more variables with a value that cannot be used; the message names each variable and its value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configurazione non valida / Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads every variable of `env`; throws a ConfigError listing every bad one. */
export function readConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  /** the value, or undefined when unset or empty (an empty variable means its default) */
  const raw = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const bad = (name: string, value: string, it: string, en: string) =>
    problems.push(`${name}="${value}": ${it} / ${en}`);

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const value = raw(name);
    if (value === undefined) return fallback;
    const n = /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `${min}–${max}`;
      bad(name, value, `atteso un numero intero ${range}`, `expected an integer ${range}`);
      return fallback;
    }
    return n;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const value = raw(name);
    if (value === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(value)) return true;
    if (/^(0|false|no|off)$/i.test(value)) return false;
    bad(name, value, 'atteso true o false', 'expected true or false');
    return fallback;
  };
  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = raw(name)?.trim().toLowerCase();
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    bad(name, raw(name)!, `atteso ${allowed.join(' o ')}`, `expected ${allowed.join(' or ')}`);
    return fallback;
  };
  const origins = (name: string): string[] => {
    const list = raw(name)
      ?.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    if (!list || list.length === 0) return DEFAULT_CORS_ORIGINS;
    for (const origin of list) {
      if (origin !== '*' && !/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i.test(origin)) {
        bad(
          name,
          origin,
          "atteso un'origine come https://host:porta, senza percorso",
          'expected an origin such as https://host:port, with no path',
        );
      }
    }
    return list;
  };

  const redisUrl = (name: string): string | undefined => {
    const value = raw(name);
    if (value === undefined) return undefined;
    let ok = false;
    try {
      const url = new URL(value);
      ok = (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
    } catch {
      ok = false;
    }
    // the value may hold a password: it is named, never shown
    if (!ok) problems.push(`${name}: atteso un URL redis://host:porta / expected a redis://host:port URL`);
    return ok ? value : undefined;
  };
  const proxies = (name: string): number | string[] | undefined => {
    const value = raw(name);
    if (value === undefined) return undefined;
    if (/^\s*\d+\s*$/.test(value) && Number(value) >= 1) return Number(value);
    const list = value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    // an address has dots (IPv4) or colons (IPv6): a bare number is a hop count, and 0 hops means unset
    const known = /^(loopback|linklocal|uniquelocal|[0-9a-f]*[:.][0-9a-f:.]+(\/\d{1,3})?)$/i;
    if (list.length === 0 || !list.every((p) => known.test(p))) {
      bad(
        name,
        value,
        'atteso un numero di proxy o indirizzi/sottoreti separati da virgole (o loopback)',
        'expected a number of proxies or comma-separated addresses/subnets (or loopback)',
      );
      return undefined;
    }
    return list;
  };
  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const value = raw(name);
    if (value === undefined) return fallback;
    const found = values.find((v) => v === value.trim().toLowerCase());
    if (!found) bad(name, value, `atteso uno tra ${values.join(', ')}`, `expected one of ${values.join(', ')}`);
    return found ?? fallback;
  };
  const secret = (name: string, minLength: number): string | undefined => {
    const value = raw(name);
    if (value !== undefined && value.length < minLength) {
      problems.push(
        `${name}: troppo corto, almeno ${minLength} caratteri / too short, at least ${minLength} characters`,
      );
      return undefined;
    }
    return value;
  };

  const config: Config = {
    port: integer('PORT', 4000, 0, 65535),
    host: raw('HOST') ?? '127.0.0.1',
    databaseUrl: raw('DATABASE_URL') ?? DEFAULT_SQLITE_FILE,
    security: {
      corsOrigins: origins('CORS_ORIGINS'),
      // on for the embedded single-user start; a production deployment must ask for it
      introspection: flag('GRAPHQL_INTROSPECTION', env.NODE_ENV !== 'production'),
      requestsPerWindow: integer('RATE_LIMIT_PER_MINUTE', 600, 1, Number.MAX_SAFE_INTEGER),
      authFailuresPerWindow: integer('AUTH_FAILURES_PER_MINUTE', 30, 1, Number.MAX_SAFE_INTEGER),
      windowMs: 60_000,
      trustedDocuments: choice('TRUSTED_DOCUMENTS', ['off', 'required'] as const, 'off'),
      development: env.NODE_ENV !== 'production',
    },
    chromiumPath: raw('CHROMIUM_PATH') ?? '/usr/bin/chromium',
    migrationPgUrl: raw('MIGRATION_PG_URL') ?? 'postgres://postgres@127.0.0.1:5432/test',
    osUser: raw('USER') ?? 'unknown',
    fastPaths: flag('CRUSCOTTO_FAST_PATHS', true),
    computeThreads: integer('COMPUTE_THREADS', defaultComputeThreads(), 0, 64),
    scaleOut: {
      redisUrl: redisUrl('REDIS_URL'),
      redisPrefix: raw('REDIS_KEY_PREFIX') ?? 'cruscotto:',
      trustProxy: proxies('TRUST_PROXY'),
    },
    ops: {
      logLevel: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
      metricsToken: secret('METRICS_TOKEN', 16),
      shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_SECONDS', 25, 1, 3600) * 1000,
      scoreCacheMb: integer('SCORE_CACHE_MB', 256, 0, 65536),
      answerCacheMb: integer('ANSWER_CACHE_MB', 64, 0, 65536),
      syncPhaseLog: raw('SYNC_PHASE_LOG'),
      commitLogKeep: integer('COMMIT_LOG_KEEP', 20000, 100, 10_000_000),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** One thread fewer than the machine's cores, for the event loop: at least 1, at most 4 (a report rarely waits). */
function defaultComputeThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

let current: Config | undefined;

/** The process's configuration, read from its environment on first use. */
export function config(): Config {
  current ??= readConfig(process.env);
  return current;
}
