import { Client } from 'pg';
import { PG_BASE_URL } from './helpers/databases';

/**
 * Decides once per run whether PostgreSQL tests run. Under CI=true a missing PostgreSQL is a failure;
 * elsewhere the suite says clearly that it skips them.
 */
export default async function globalSetup(): Promise<void> {
  const client = new Client({ connectionString: PG_BASE_URL, connectionTimeoutMillis: 3000 });
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
}
