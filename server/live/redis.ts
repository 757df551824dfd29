import { Redis } from 'ioredis';

/**
 * One Redis connection for live updates. A subscribing connection can do nothing but subscribe, so the publisher
 * and the subscriber each get their own (what @graphql-yoga/redis-event-target asks for). Commands wait for the
 * connection instead of failing while Redis restarts; a publish still fails after a few retries rather than hang.
 */
export function redisConnection(url: string, name: string): Redis {
  const client = new Redis(url, { connectionName: `cruscotto-${name}`, maxRetriesPerRequest: 3, lazyConnect: false });
  let told = false;
  // ioredis reconnects by itself; an unheard 'error' would only print ioredis's own warning on every retry
  client.on('error', (error: Error) => {
    if (!told) console.error(`Redis (${name}) non raggiungibile / unreachable: ${error.message}; retrying`);
    told = true;
  });
  client.on('ready', () => (told = false));
  return client;
}

/**
 * The event target calls publish, subscribe and unsubscribe without waiting for them: a command refused while Redis
 * is down would be an unhandled rejection, which ends a Node process. Those three answer here, failure included
 * (the live update is lost, the write it reports is not: the add-in's next refresh or poll brings it).
 */
export function withoutUnhandledRejections(client: Redis): Redis {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'publish' && prop !== 'subscribe' && prop !== 'unsubscribe') return value;
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch(() => undefined);
    },
  });
}
