import { redisUnavailable } from './redis';

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
