import { execFileSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { HANG_GUARD_MS } from './live';

/** The Redis the tests of several instances use (TEST_REDIS_URL); test/global-setup.ts probes it once per run. */
export const REDIS_TEST_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
/** the same address, under the name the live-update tests and bench B7 use */
export const TEST_REDIS_URL = REDIS_TEST_URL;

/** whether test/global-setup.ts found Redis answering at REDIS_TEST_URL */
export function redisAvailable(): boolean {
  return process.env.CRUSCOTTO_TEST_REDIS === 'yes';
}

/**
 * Why Redis cannot be used here, or null when it answers PING. Synchronous (a child process), because Jest wants
 * its describe blocks decided before any test runs, and bench B7 runs without the global setup.
 */
export function redisUnavailable(url = REDIS_TEST_URL): string | null {
  const { hostname, port } = new URL(url);
  // hang guards, not speed checks: a Redis that is not there refuses at once, while starting the probe's process
  // alone can take seconds on a loaded machine (a 5 s limit could call a present Redis "unavailable": CI=true fails)
  const probe = `const s=require('net').connect(${Number(port) || 6379},${JSON.stringify(hostname)});
s.setTimeout(${HANG_GUARD_MS},()=>process.exit(2));s.on('error',()=>process.exit(1));
s.on('connect',()=>s.write('PING\\r\\n'));s.on('data',d=>process.exit(String(d).startsWith('+PONG')?0:3));`;
  try {
    execFileSync(process.execPath, ['-e', probe], { stdio: 'ignore', timeout: 2 * HANG_GUARD_MS });
    return null;
  } catch {
    return `no Redis answers PING at ${url.replace(/\/\/[^@]*@/, '//')}`;
  }
}

/** A key or channel prefix no other test run shares, so runs in parallel (and leftovers of a crashed one) never meet. */
export function uniquePrefix(what = 'run'): string {
  return `cruscotto-test:${what}:${process.pid}:${Date.now()}:`;
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
