/**
 * The configuration module: defaults, every variable read, every bad value refused with its name and value (in
 * Italian and English, all at once), and the README's table matching the module's table.
 */
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { ConfigError, readConfig, VARIABLES } from '../../server/config';
import { dialectOf } from '../../server/db/orm';

/** Variables of the README's table that only tests and benchmarks read (test/helpers), not the server. */
const TEST_ONLY = ['TEST_PG_URL', 'TEST_REDIS_URL'];
const LOG_LEVELS = 'fatal, error, warn, info, debug, trace, silent';

function problemsOf(env: Record<string, string>): string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('no ConfigError');
}

test('an empty environment gives the documented defaults', () => {
  expect(readConfig({})).toEqual({
    port: 4000,
    host: '127.0.0.1',
    databaseUrl: './data/cruscotto.sqlite',
    security: {
      corsOrigins: ['https://localhost:3000'],
      introspection: true,
      requestsPerWindow: 600,
      authFailuresPerWindow: 30,
      windowMs: 60_000,
      trustedDocuments: 'off',
      development: true,
    },
    chromiumPath: '/usr/bin/chromium',
    migrationPgUrl: 'postgres://postgres@127.0.0.1:5432/test',
    osUser: 'unknown',
    fastPaths: true,
    computeThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
    scaleOut: { redisPrefix: 'cruscotto:' },
    ops: { logLevel: 'info', shutdownTimeoutMs: 25_000, scoreCacheMb: 256, answerCacheMb: 64, commitLogKeep: 20_000 },
  });
  // an empty variable is an unset one
  expect(readConfig({ PORT: '', HOST: '', CORS_ORIGINS: ' , ' })).toEqual(readConfig({}));
});

test('every variable is read', () => {
  const config = readConfig({
    PORT: '4100',
    HOST: '0.0.0.0',
    DATABASE_URL: 'postgres://u@db:5432/perf',
    CORS_ORIGINS: 'https://a.example, https://b.example:8443',
    GRAPHQL_INTROSPECTION: 'off',
    RATE_LIMIT_PER_MINUTE: '100',
    AUTH_FAILURES_PER_MINUTE: '5',
    CHROMIUM_PATH: '/opt/chrome',
    MIGRATION_PG_URL: 'postgres://m@h/x',
    USER: 'anna',
    CRUSCOTTO_FAST_PATHS: 'off',
    COMPUTE_THREADS: '3',
    REDIS_URL: 'redis://:secret@cache:6380/2',
    REDIS_KEY_PREFIX: 'ente-a:',
    TRUST_PROXY: 'loopback, 10.0.0.0/8',
    LOG_LEVEL: 'warn',
    METRICS_TOKEN: 'a-long-enough-metrics-token',
    SHUTDOWN_TIMEOUT_SECONDS: '40',
    SCORE_CACHE_MB: '0',
    ANSWER_CACHE_MB: '8',
    COMMIT_LOG_KEEP: '500',
    TRUSTED_DOCUMENTS: 'Required',
    NODE_ENV: 'production',
  });
  expect(config).toEqual({
    port: 4100,
    host: '0.0.0.0',
    databaseUrl: 'postgres://u@db:5432/perf',
    security: {
      corsOrigins: ['https://a.example', 'https://b.example:8443'],
      introspection: false,
      requestsPerWindow: 100,
      authFailuresPerWindow: 5,
      windowMs: 60_000,
      trustedDocuments: 'required',
      development: false,
    },
    chromiumPath: '/opt/chrome',
    migrationPgUrl: 'postgres://m@h/x',
    osUser: 'anna',
    fastPaths: false,
    computeThreads: 3,
    scaleOut: {
      redisUrl: 'redis://:secret@cache:6380/2',
      redisPrefix: 'ente-a:',
      trustProxy: ['loopback', '10.0.0.0/8'],
    },
    ops: {
      logLevel: 'warn',
      metricsToken: 'a-long-enough-metrics-token',
      shutdownTimeoutMs: 40_000,
      scoreCacheMb: 0,
      answerCacheMb: 8,
      commitLogKeep: 500,
    },
  });
  expect(dialectOf(config.databaseUrl)).toBe('postgresql');
  expect(dialectOf(readConfig({}).databaseUrl)).toBe('sqlite');
});

test('introspection is off in production unless asked for', () => {
  expect(readConfig({ NODE_ENV: 'production' }).security.introspection).toBe(false);
  expect(readConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'yes' }).security.introspection).toBe(true);
  expect(readConfig({ NODE_ENV: 'development' }).security.introspection).toBe(true);
});

test('a bad value is refused naming the variable and the value, in Italian and English', () => {
  expect(() => readConfig({ PORT: 'abc' })).toThrow(ConfigError);
  expect(() => readConfig({ PORT: 'abc' })).toThrow(
    'PORT="abc": atteso un numero intero 0–65535 / expected an integer 0–65535',
  );
  for (const port of ['65536', '-1', '4.5', '4e3', '0x10'])
    expect(problemsOf({ PORT: port })).toEqual([expect.stringContaining(`PORT="${port}"`)]);
  for (const threads of ['-1', '65', 'two'])
    expect(problemsOf({ COMPUTE_THREADS: threads })).toEqual([expect.stringContaining(`COMPUTE_THREADS="${threads}"`)]);
  expect(readConfig({ COMPUTE_THREADS: '0' }).computeThreads).toBe(0);
  expect(problemsOf({ CORS_ORIGINS: 'https://ok.example,https://a.example/' })).toEqual([
    expect.stringContaining('CORS_ORIGINS="https://a.example/"'),
  ]);
});

/** Each refusal's whole message: the variable, the value, then what it expects in Italian and in English. */
test.each([
  ['RATE_LIMIT_PER_MINUTE', '0', 'atteso un numero intero ≥ 1 / expected an integer ≥ 1'],
  ['GRAPHQL_INTROSPECTION', 'forse', 'atteso true o false / expected true or false'],
  ['TRUSTED_DOCUMENTS', 'yes', 'atteso off o required / expected off or required'],
  ['LOG_LEVEL', 'verbose', `atteso uno tra ${LOG_LEVELS} / expected one of ${LOG_LEVELS}`],
])('%s=%j is refused: %s', (variable, value, expected) => {
  expect(problemsOf({ [variable]: value })).toEqual([`${variable}="${value}": ${expected}`]);
});

test('the scale-out and operations variables refuse what they cannot use, never echoing a secret', () => {
  expect(problemsOf({ REDIS_URL: 'http://:hunter2@cache:6379' })).toEqual([
    'REDIS_URL: atteso un URL redis://host:porta / expected a redis://host:port URL',
  ]);
  expect(problemsOf({ REDIS_URL: 'cache:6379' })).toHaveLength(1);
  expect(problemsOf({ METRICS_TOKEN: 'short' })).toEqual([
    'METRICS_TOKEN: troppo corto, almeno 16 caratteri / too short, at least 16 characters',
  ]);
  expect(problemsOf({ SHUTDOWN_TIMEOUT_SECONDS: '0' })).toEqual([
    expect.stringContaining('SHUTDOWN_TIMEOUT_SECONDS="0"'),
  ]);
  expect(problemsOf({ SCORE_CACHE_MB: '-1' })).toEqual([expect.stringContaining('SCORE_CACHE_MB="-1"')]);
  expect(readConfig({ TRUST_PROXY: '2' }).scaleOut.trustProxy).toBe(2);
  // "true" would believe any client's X-Forwarded-For, and so let it pick its own address for the limits
  expect(problemsOf({ TRUST_PROXY: 'true' })).toEqual([expect.stringContaining('TRUST_PROXY="true"')]);
  expect(problemsOf({ TRUST_PROXY: '0' })).toHaveLength(1);
  expect(readConfig({ REDIS_URL: 'rediss://cache.example:6380' }).scaleOut.redisUrl).toBe(
    'rediss://cache.example:6380',
  );
});

test('every bad variable is reported at once', () => {
  const problems = problemsOf({ PORT: 'abc', AUTH_FAILURES_PER_MINUTE: 'molti', GRAPHQL_INTROSPECTION: '2' });
  expect(problems.map((p) => p.split('=')[0])).toEqual(['PORT', 'GRAPHQL_INTROSPECTION', 'AUTH_FAILURES_PER_MINUTE']);
});

test("the README's configuration table is the module's table (plus the variables only tests read)", () => {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8').split('\n');
  const start = readme.indexOf('| variable | default | meaning |');
  expect(start).toBeGreaterThan(0);
  const rows: string[] = [];
  for (let i = start + 2; readme[i]?.startsWith('|'); i++) rows.push(readme[i]);
  const documented = VARIABLES.map((v) => `| \`${v.name}\` | ${v.default} | ${v.meaning} |`);
  expect(rows.filter((r) => !TEST_ONLY.some((name) => r.startsWith(`| \`${name}\``)))).toEqual(documented);
  expect(rows.length).toBe(documented.length + TEST_ONLY.length);
});

test('no server module but the configuration reads the environment', () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (
        file.endsWith('.ts') &&
        !file.includes(`${path.sep}config${path.sep}`) &&
        /process\.env\b/.test(fs.readFileSync(file, 'utf8'))
      )
        offenders.push(file);
    }
  };
  walk(path.join(__dirname, '../../server'));
  expect(offenders).toEqual([]);
});
