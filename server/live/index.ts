import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/core';
import { followCommits } from '../services/committed-changes';
import type { Coordination } from '../ops/redis';
import type { ScoreSnapshots } from '../services/score-snapshots';
import { PlanFeeds } from './feeds';
import { LiveHub } from './hub';
import { attachSocket, type SocketOptions } from './socket';

export type LiveOptions = {
  /** the server's Redis (REDIS_URL, REDIS_KEY_PREFIX) for several instances; none: in memory, one instance */
  coordination: Coordination | null;
  fastPaths: boolean;
  /** the instance's kept scores: a feed's read after a write keeps what it computed (score-snapshots.ts) */
  snapshots?: ScoreSnapshots;
};

export type Live = {
  hub: LiveHub;
  feeds: PlanFeeds;
  /** opens graphql-ws on the HTTP server */
  attach(options: SocketOptions): void;
  /** Apollo's drain closes the sockets with the HTTP server (Redis closes with the app's coordination) */
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
  const hub = new LiveHub({ coordination: options.coordination });
  const feeds = new PlanFeeds(em, hub, options.fastPaths, options.snapshots);
  const unfollow = followCommits(em, (changes, details) => hub.publish(changes, details));
  let socket: ReturnType<typeof attachSocket> | null = null;
  let closed: Promise<void> | null = null;
  const close = () => {
    closed ??= (async () => {
      unfollow();
      await socket?.close();
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
