import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/core';
import { followCommits } from '../services/committed-changes';
import { config } from '../config';
import { PlanFeeds } from './feeds';
import { LiveHub } from './hub';
import { attachSocket, type SocketOptions } from './socket';

export type LiveOptions = {
  /** Redis for several instances; default REDIS_URL, none means in memory (one instance) */
  redisUrl?: string | null;
  /** default REDIS_KEY_PREFIX + "live:"; tests use one per run */
  channelPrefix?: string;
  fastPaths: boolean;
};

export type Live = {
  hub: LiveHub;
  feeds: PlanFeeds;
  /** opens graphql-ws on the HTTP server */
  attach(options: SocketOptions): void;
  /** Apollo's drain closes the sockets and Redis with the HTTP server */
  plugin(): ApolloServerPlugin<any>;
  close(): Promise<void>;
};

/**
 * Live updates of one instance: every committed transaction of this ORM is published on the hub (in memory, or
 * Redis for every instance), and each instance's feeds turn what they hear into rows and scores for their
 * subscribers. Each app has its own hub, not type-graphql's global PubSub: two instances in one process (the tests)
 * must meet through Redis, as two machines do.
 */
export function startLive(em: EntityManager, options: LiveOptions): Live {
  // REDIS_URL and REDIS_KEY_PREFIX (server/config), shared with the rate limits: one Redis, one prefix per deployment
  const { redisUrl, redisPrefix } = config().scaleOut;
  const hub = new LiveHub({
    redisUrl: options.redisUrl === undefined ? (redisUrl ?? null) : options.redisUrl,
    channelPrefix: options.channelPrefix ?? `${redisPrefix}live:`,
  });
  const feeds = new PlanFeeds(em, hub, options.fastPaths);
  const unfollow = followCommits(em, (changes) => hub.publish(changes));
  let socket: ReturnType<typeof attachSocket> | null = null;
  let closed: Promise<void> | null = null;
  const close = () => {
    closed ??= (async () => {
      unfollow();
      await socket?.close();
      await hub.close();
    })();
    return closed;
  };
  return {
    hub,
    feeds,
    attach(socketOptions) {
      socket = attachSocket(socketOptions);
    },
    plugin: () => ({
      async serverWillStart() {
        return { drainServer: close };
      },
    }),
    close,
  };
}
