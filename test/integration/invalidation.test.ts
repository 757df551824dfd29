/**
 * Cache invalidation across instances over Redis pub/sub (server/ops/invalidation.ts): what one instance drops,
 * the others drop; another deployment's prefix hears nothing; a subscriber that reconnects drops whole caches.
 * Needs Redis (test/global-setup.ts probes it; without it the suite says it skips this file).
 */
import type { Redis } from 'ioredis';
import { openInvalidations } from '../../server/ops/invalidation';
import { type Coordination, openCoordination } from '../../server/ops/redis';
import { HANG_GUARD_MS, until } from '../helpers/live';
import { REDIS_TEST_URL, redisAvailable, uniquePrefix } from '../helpers/redis';

if (!redisAvailable()) console.warn(`SKIPPING invalidation tests: no Redis at ${REDIS_TEST_URL}`);

/**
 * Resolves once `channel` has `count` subscribers: a message published earlier would reach nobody. Redis tells no
 * one when a subscription lands, so its count is asked again until it is there (bounded by the hang guard).
 */
async function subscribers(redis: Redis, channel: string, count: number): Promise<void> {
  await until(
    async () => Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]) >= count,
    HANG_GUARD_MS,
    `${count} subscriber(s) of ${channel}`,
  );
}

/** The drops a cache registered, and a promise for the next one. */
function recorder() {
  const seen: Array<string | null> = [];
  let wake: () => void = () => undefined;
  return {
    seen,
    drop: (key: string | null) => {
      seen.push(key);
      wake();
    },
    next: () => new Promise<void>((resolve) => (wake = resolve)),
  };
}

(redisAvailable() ? describe : describe.skip)('cache invalidation across instances (Redis pub/sub)', () => {
  const prefix = uniquePrefix();
  const opened: Coordination[] = [];
  const open = (p = prefix) => {
    const coordination = openCoordination(REDIS_TEST_URL, p)!;
    opened.push(coordination);
    return coordination;
  };
  afterAll(() => Promise.all(opened.map((c) => c.close())));

  it("drops on instance B what instance A invalidated, once on A, and never in another deployment's prefix", async () => {
    const a = open();
    const b = open();
    const other = open(`${prefix}other:`);
    const [onA, onB, onOther] = [recorder(), recorder(), recorder()];
    const busA = openInvalidations(a);
    busA.on('plan-scores', onA.drop);
    const busB = openInvalidations(b);
    busB.on('plan-scores', onB.drop);
    busB.on('profiles', () => onB.drop('wrong cache'));
    openInvalidations(other).on('plan-scores', onOther.drop);
    await subscribers(a.commands, `${prefix}invalidate`, 2);
    await subscribers(a.commands, `${prefix}other:invalidate`, 1);

    const heardOnB = onB.next();
    const publishing = busA.invalidate('plan-scores', 'plan-1');
    // the writer's own caches drop it at once, before Redis: no moment in which it serves the old copy
    expect(onA.seen).toEqual(['plan-1']);
    await publishing;
    await heardOnB;
    expect(onB.seen).toEqual(['plan-1']);
    // B's answer reaches A after A's own message (one channel, one order): A did not drop plan-1 a second time
    const heardOnA = onA.next();
    await busB.invalidate('plan-scores', 'plan-2');
    await heardOnA;
    expect(onA.seen).toEqual(['plan-1', 'plan-2']);
    expect(onOther.seen).toEqual([]);
  });

  it('a subscriber that lost its connection drops its whole caches when it is back', async () => {
    const base = open();
    let subscriber: Redis | undefined;
    const spy: Coordination = {
      ...base,
      connect: (purpose, options) => (subscriber = base.connect(purpose, options)),
    };
    const onB = recorder();
    openInvalidations(spy).on('plan-scores', onB.drop);
    await subscribers(base.commands, `${prefix}invalidate`, 1);
    const dropped = onB.next();
    subscriber!.disconnect(true);
    await dropped;
    expect(onB.seen).toEqual([null]);
  });
});
