import { randomUUID } from 'node:crypto';
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';
import type { CommittedChange } from '../services/committed-changes';
import { redisConnection, withoutUnhandledRejections } from './redis';

/**
 * What one committed transaction tells the instances about one organisation: which plans it touched (null: rows
 * of the organisation outside any plan, such as a unit renamed, which every plan's rows may show), who, when and
 * from where. Small on purpose: each instance works out the rows and scores for its own subscribers.
 */
export type LiveMessage = {
  id: string;
  orgId: string;
  planIds: string[] | null;
  actor: string | null;
  source: string;
  at: string;
};

type Topics = { 'plan-changed': [string, LiveMessage] };

export type HubOptions = {
  /** Redis for delivery across instances; without it the hub is in memory and one instance hears only itself */
  redisUrl?: string | null;
  /** prefixed to the Redis channel, so deployments (or test runs) sharing a Redis do not hear each other */
  channelPrefix?: string;
};

/** Committed changes out, by organisation; in memory, or through Redis pub/sub when REDIS_URL is set. */
export class LiveHub {
  private readonly pubSub: PubSub<Topics>;
  private readonly connections: Redis[] = [];
  private readonly topic: 'plan-changed';

  constructor(options: HubOptions = {}) {
    // the channel a PubSub uses is its topic (and id): the prefix goes into the topic name
    this.topic = `${options.channelPrefix ?? 'cruscotto:'}plan-changed` as 'plan-changed';
    if (options.redisUrl) {
      const publishClient = redisConnection(options.redisUrl, 'live-publish');
      const subscribeClient = redisConnection(options.redisUrl, 'live-subscribe');
      this.connections.push(publishClient, subscribeClient);
      this.pubSub = createPubSub<Topics>({
        eventTarget: createRedisEventTarget({
          publishClient: withoutUnhandledRejections(publishClient),
          subscribeClient: withoutUnhandledRejections(subscribeClient),
        }),
      });
    } else {
      this.pubSub = createPubSub<Topics>();
    }
  }

  get distributed(): boolean {
    return this.connections.length > 0;
  }

  /** One message per organisation a transaction touched. */
  publish(changes: CommittedChange[]): void {
    const byOrg = new Map<string, CommittedChange[]>();
    for (const c of changes) {
      if (!c.orgId) continue;
      const list = byOrg.get(c.orgId);
      if (list) list.push(c);
      else byOrg.set(c.orgId, [c]);
    }
    for (const [orgId, list] of byOrg) {
      const plans = new Set(list.map((c) => c.planId));
      const last = list[list.length - 1];
      this.pubSub.publish(this.topic, orgId, {
        id: randomUUID(),
        orgId,
        planIds: plans.has(null) ? null : [...plans].filter((p): p is string => p !== null),
        actor: last.actor,
        source: last.source,
        at: last.at.toISOString(),
      });
    }
  }

  messages(orgId: string): AsyncIterable<LiveMessage> {
    return this.pubSub.subscribe(this.topic, orgId);
  }

  /** Waits until Redis answers (ready checks and tests); true at once in memory. */
  async ready(timeoutMs = 2000): Promise<boolean> {
    try {
      await Promise.all(
        this.connections.map((c) =>
          Promise.race([
            c.ping(),
            new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
          ]),
        ),
      );
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }
}
