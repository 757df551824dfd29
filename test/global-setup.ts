import { Redis } from 'ioredis';
import { Client } from 'pg';
import { PG_BASE_URL } from './helpers/databases';
import { HANG_GUARD_MS } from './helpers/live';
import { REDIS_TEST_URL } from './helpers/redis';

/**
 * Decides once per run whether PostgreSQL tests run. Under CI=true a missing PostgreSQL is a failure;
 * elsewhere the suite says clearly that it skips them.
 */
export default async function globalSetup(): Promise<void> {
  // a hang guard: a server that is not there refuses at once, and one that is may take seconds on a loaded machine
  const client = new Client({ connectionString: PG_BASE_URL, connectionTimeoutMillis: HANG_GUARD_MS });
  let ok = false;
  try {
    await client.connect();
    await client.query('select 1');
    ok = true;
  } catch {
    ok = false;
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!ok && process.env.CI === 'true') {
    throw new Error(`PostgreSQL is required under CI=true but does not answer at ${PG_BASE_URL}`);
  }
  if (!ok) {
    console.warn(
      `\nSKIPPING PostgreSQL tests: no server answers at ${PG_BASE_URL} (set TEST_PG_URL, or CI=true to make this a failure)\n`,
    );
  }
  process.env.CRUSCOTTO_TEST_PG = ok ? 'yes' : 'no';
  await probeRedis();
}

/** The same for Redis, which the tests of several instances need (with PostgreSQL). */
async function probeRedis(): Promise<void> {
  const redis = new Redis(REDIS_TEST_URL, {
    lazyConnect: true,
    connectTimeout: HANG_GUARD_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  let ok = false;
  try {
    await redis.connect();
    ok = (await redis.ping()) === 'PONG';
  } catch {
    ok = false;
  } finally {
    redis.disconnect();
  }
  if (!ok && process.env.CI === 'true') {
    throw new Error(`Redis is required under CI=true but does not answer at ${REDIS_TEST_URL}`);
  }
  if (!ok) {
    console.warn(
      `\nSKIPPING Redis tests (several instances): no server answers at ${REDIS_TEST_URL} (set TEST_REDIS_URL, or CI=true to make this a failure)\n`,
    );
  }
  process.env.CRUSCOTTO_TEST_REDIS = ok ? 'yes' : 'no';
}
