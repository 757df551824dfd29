import { redisUnavailable, TEST_REDIS_URL, uniquePrefix } from './redis';
import { standIn, startServer, type TestServer } from './server';
import { sondrioPlan, type SondrioPlan } from './sync';

/**
 * `describe` for the tests of several instances over one PostgreSQL database meeting through Redis: when either
 * does not answer, the block is skipped with a SKIPPING line naming `what`, and under CI=true the run fails instead.
 */
export function describeInstances(what: string): jest.Describe {
  const missing = [
    process.env.CRUSCOTTO_TEST_PG === 'yes' ? null : 'PostgreSQL does not answer (see the SKIPPING PostgreSQL line)',
    redisUnavailable(),
  ].filter(Boolean);
  if (missing.length && process.env.CI === 'true') throw new Error(`${what} need ${missing.join('; ')}`);
  if (missing.length) console.warn(`\nSKIPPING the ${what}: ${missing.join('; ')}\n`);
  return missing.length ? describe.skip : describe;
}

/**
 * Instances over one PostgreSQL database seeded with the Sondrio plan, for the enclosing describeInstances block:
 * A (which created the database) and B meet through Redis under a channel prefix of their own (`prefix` and a unique
 * tail); C, when asked, is on the same database without Redis, so it hears nothing. Closed after the block, A last
 * since it drops the database. Each field is a stand-in until the hook has run: read them inside tests.
 */
export function withInstances(
  prefix: string,
  options: { c?: boolean } = {},
): { a: TestServer; b: TestServer; c: TestServer; plan: SondrioPlan } {
  const made: { a?: TestServer; b?: TestServer; c?: TestServer; plan?: SondrioPlan } = {};
  beforeAll(async () => {
    const live = { redisUrl: TEST_REDIS_URL, channelPrefix: uniquePrefix(prefix) };
    made.a = await startServer('postgresql', { seed: true, live });
    made.b = await startServer('postgresql', { databaseUrl: made.a.databaseUrl, live });
    if (options.c) made.c = await startServer('postgresql', { databaseUrl: made.a.databaseUrl });
    made.plan = await sondrioPlan(made.a);
  });
  afterAll(async () => {
    await made.c?.close();
    await made.b?.close();
    await made.a?.close();
  });
  return {
    a: standIn(() => made.a, 'instance A'),
    b: standIn(() => made.b, 'instance B'),
    c: standIn(() => made.c, 'instance C (withInstances with { c: true })'),
    plan: standIn(() => made.plan, 'the plan'),
  };
}
