import { execFileSync } from 'node:child_process';

/** Redis for the cross-instance tests and bench B7; REDIS_URL when set, else the development machine's. */
export const TEST_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/**
 * Why Redis cannot be used here, or null when it answers PING. Synchronous (a child process), because Jest wants
 * its describe blocks decided before any test runs.
 */
export function redisUnavailable(url = TEST_REDIS_URL): string | null {
  const { hostname, port } = new URL(url);
  const probe = `const s=require('net').connect(${Number(port) || 6379},${JSON.stringify(hostname)});
s.setTimeout(1500,()=>process.exit(2));s.on('error',()=>process.exit(1));
s.on('connect',()=>s.write('PING\\r\\n'));s.on('data',d=>process.exit(String(d).startsWith('+PONG')?0:3));`;
  try {
    execFileSync(process.execPath, ['-e', probe], { stdio: 'ignore', timeout: 5000 });
    return null;
  } catch {
    return `no Redis answers PING at ${url.replace(/\/\/[^@]*@/, '//')}`;
  }
}

/** A channel prefix no other test run (or deployment) on the same Redis uses. */
export function uniquePrefix(what: string): string {
  return `cruscotto-test:${what}:${process.pid}:${Date.now()}:`;
}
