import type { TestServer } from './server';

/** The lookups of one cache (`plan-scores`, `plan-answers`) this process counted so far, from /metrics. */
export async function lookups(server: TestServer, cache: string): Promise<{ hit: number; miss: number }> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const count = (result: string) => {
    const prefix = `cruscotto_cache_lookups_total{cache="${cache}",result="${result}"}`;
    const line = text.split('\n').find((l) => l.startsWith(prefix));
    return line ? Number(line.split(' ').pop()) : 0;
  };
  return { hit: count('hit'), miss: count('miss') };
}

/**
 * `read`, with the hits and misses of `cache` it made (one registry per process: differences, so every server of
 * the process counts into them; a test reads one server at a time).
 */
export async function counted<T>(
  server: TestServer,
  cache: string,
  read: () => Promise<T>,
): Promise<{ value: T; hit: number; miss: number }> {
  const before = await lookups(server, cache);
  const value = await read();
  const after = await lookups(server, cache);
  return { value, hit: after.hit - before.hit, miss: after.miss - before.miss };
}
