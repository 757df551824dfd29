import { ChangeSource } from '@core/vocabulary/enums';
import type { SyncInput } from '../../server/sync/row-plan';
import { syncRows } from '../../server/sync/sync-rows';
import { dropKeys, REDIS_TEST_URL, redisAvailable, uniquePrefix } from './redis';
import { type KeptAndComputed, withKeptAndComputed } from './seeded-copy';
import type { TestServer } from './server';

/**
 * A describe block on two instances of one PostgreSQL database told over Redis (`kept` is A, `other` is B; a channel
 * prefix of their own, its keys dropped after) and `computed`, the reference that keeps nothing, on a copy. Skipped,
 * with a warning naming `suite`, where PostgreSQL or Redis is missing.
 */
export function describeOnTwoInstances(suite: string, title: string, body: (two: KeptAndComputed) => void): void {
  const ready = process.env.CRUSCOTTO_TEST_PG === 'yes' && redisAvailable();
  if (!ready) console.warn(`SKIPPING ${suite}: it needs PostgreSQL and Redis (${REDIS_TEST_URL})`);
  (ready ? describe : describe.skip)(title, () => {
    const prefix = uniquePrefix();
    const two = withKeptAndComputed('postgresql', {
      other: true,
      live: { redisUrl: REDIS_TEST_URL, channelPrefix: prefix },
    });
    afterAll(() => dropKeys(prefix));
    body(two);
  });
}

/**
 * A sheet sync on `server` straight to syncRows, without the plan queue: two servers of one process share that
 * queue, which would put one's sync after the other's. `beforeTurn` runs once the state is read, before the turn.
 */
export function syncDirect(server: TestServer, input: SyncInput, beforeTurn?: () => Promise<void>) {
  const ctx = {
    em: server.orm.em.fork(),
    actor: 'test',
    source: ChangeSource.ADDIN,
    sourceDetail: null,
    fastPaths: true,
    snapshots: server.app.snapshots,
  };
  return syncRows(ctx, input, { beforeTurn });
}
