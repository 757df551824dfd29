import { Client } from 'pg';
import { PG_BASE_URL, databaseNames } from '../helpers/databases';
import { installPgQueryQueueGuard, queuedQueryError } from '../helpers/pg-query-queue';

/**
 * The guard every test file runs under (test/pg-guard.ts) sees a query queued on a busy pg client, with the stack
 * that queued it, and lets serialised queries pass: without it the suites below would not fail on the interleaving
 * of issue 13.
 */
const describePg = databaseNames().includes('postgresql') ? describe : describe.skip;

describePg('the guard against queries queued on one pg client', () => {
  let client: Client;
  const guard = installPgQueryQueueGuard();

  beforeAll(async () => {
    client = new Client({ connectionString: PG_BASE_URL });
    await client.connect();
  });
  afterAll(() => client.end());

  it('lets queries awaited one after the other pass', async () => {
    await client.query('select 1');
    await client.query('select 2');
    expect(guard.take()).toEqual([]);
  });

  it('names the second of two queries sent at once, with the stack that sent it', async () => {
    await Promise.all([client.query('select 1 as first'), client.query('select 2 as second')]);
    const queued = guard.take();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatch(/^select 2 as second\n/);
    expect(queued[0]).toContain('pg-query-queue.test.ts');
    expect(queuedQueryError(queued, 'here')?.message).toContain('1 query was queued on a pg client');
  });
});
