import { Redis, type RedisOptions } from 'ioredis';

/**
 * The Redis that several instances coordinate through (README, "Running several instances"): one commands
 * connection per server (rate limits, publishing, the readiness probe) and any number of dedicated ones for
 * subscribers (a connection in subscriber mode can send nothing else). Every connection made here is closed by
 * close(), which shutdown calls after the requests have drained.
 */
export type Coordination = {
  /** before every key and channel (REDIS_KEY_PREFIX) */
  prefix: string;
  /** the commands connection */
  commands: Redis;
  /** a further connection (a subscriber, a publisher of another library), closed with the rest */
  connect(purpose: string, options?: RedisOptions): Redis;
  /** PING within timeoutMs, or the reason it did not answer */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

/**
 * A request waits for Redis at most about a second: past that a rate limiter lets the request through (logged)
 * and /ready says Redis is down, instead of every request hanging while ioredis reconnects forever.
 */
const DEFAULTS: RedisOptions = {
  connectTimeout: 2_000,
  commandTimeout: 2_000,
  maxRetriesPerRequest: 1,
  // reconnects keep going (a Redis restart heals by itself), at most every 2 s
  retryStrategy: (times) => Math.min(times * 100, 2_000),
};

/** The coordination of one server over REDIS_URL, or null without one (a single instance, counting in memory). */
export function openCoordination(
  url: string | undefined,
  prefix: string,
  onError: (error: Error, purpose: string) => void = () => undefined,
): Coordination | null {
  if (!url) return null;
  const connections: Redis[] = [];
  const errorsSeen = new Set<string>();
  /** why the commands connection is down, for /ready */
  let lastError: string | undefined;
  const connect = (purpose: string, options: RedisOptions = {}): Redis => {
    const redis = new Redis(url, { ...DEFAULTS, connectionName: `cruscotto:${purpose}`, ...options });
    // an unhandled 'error' event would end the process; the same failure is reported once per connection
    redis.on('error', (error: Error) => {
      if (purpose === 'commands') lastError = error.message;
      if (errorsSeen.has(`${purpose}:${error.message}`)) return;
      errorsSeen.add(`${purpose}:${error.message}`);
      onError(error, purpose);
    });
    redis.on('ready', () => errorsSeen.clear());
    connections.push(redis);
    return redis;
  };
  const commands = connect('commands');
  return {
    prefix,
    commands,
    connect,
    async ping(timeoutMs = 1_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        if (commands.status !== 'ready') throw new Error(lastError ?? `connection ${commands.status}`);
        await Promise.race([commands.ping(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await Promise.all(connections.splice(0).map(closeConnection));
    },
  };
}

/** statuses in which a connection has a socket, open or opening, that closing must wait for */
const WITH_SOCKET = new Set(['connecting', 'connect', 'ready', 'monitoring']);

/**
 * Resolves once the connection's socket is gone: quit() answers when Redis says OK, before the socket closes, and a
 * shutdown (or a test's end) that went on at that point left sockets open behind it. A connection waiting to
 * reconnect has no socket, so there is nothing to wait for.
 */
async function closeConnection(redis: Redis): Promise<void> {
  if (!WITH_SOCKET.has(redis.status)) {
    redis.disconnect();
    return;
  }
  const ended = new Promise<void>((resolve) => redis.once('end', () => resolve()));
  if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
  await ended;
}
