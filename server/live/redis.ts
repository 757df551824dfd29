import { Redis } from 'ioredis';

/**
 * One Redis connection for live updates. A subscribing connection can do nothing but subscribe, so the publisher
 * and the subscriber each get their own (what @graphql-yoga/redis-event-target asks for). Commands wait for the
 * connection instead of failing while Redis restarts; a publish still fails after a few retries rather than hang.
 */
export function redisConnection(url: string, name: string): Redis {
  return new Redis(url, { connectionName: `cruscotto-${name}`, maxRetriesPerRequest: 3, lazyConnect: false });
}
