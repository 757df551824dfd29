import { Redis } from 'ioredis';

/** The Redis the tests of several instances use (TEST_REDIS_URL); test/global-setup.ts probes it once per run. */
export const REDIS_TEST_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export function redisAvailable(): boolean {
  return process.env.CRUSCOTTO_TEST_REDIS === 'yes';
}

/** A key prefix no other test run shares, so runs in parallel (and leftovers of a crashed one) never meet. */
export function uniquePrefix(): string {
  return `cruscotto-test:${process.pid}:${Date.now()}:`;
}

/** Deletes every key under `prefix`. */
export async function dropKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_TEST_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
