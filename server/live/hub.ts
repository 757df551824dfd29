import { randomUUID } from 'node:crypto';
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';
import type { Coordination } from '../ops/redis';
import type { CommitDetail, CommittedChange } from '../services/committed-changes';
import type { SheetChange } from '../sync/rescore';

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
  /** the sheet sync's own account of its rows and scores (server/sync/rescore.ts), when it gave one for one plan */
  sheet?: SheetChange;
};

type Topics = { 'plan-changed': [string, LiveMessage] };

export type HubOptions = {
  /**
   * The server's Redis (server/ops/redis.ts, REDIS_URL) for delivery across instances; without it the hub is in
   * memory and one instance hears only itself. Its prefix (REDIS_KEY_PREFIX) goes before the channel, so deployments
   * (or test runs) sharing a Redis do not hear each other; the connections close with it.
   */
  coordination?: Coordination | null;
};

/** Committed changes out, by organisation; in memory, or through Redis pub/sub when REDIS_URL is set. */
export class LiveHub {
  private readonly pubSub: PubSub<Topics>;
  private readonly topic: 'plan-changed';
  private readonly subscribeClient: Redis | null = null;
  readonly distributed: boolean;

  constructor({ coordination }: HubOptions = {}) {
    // the channel a PubSub uses is its topic (and id): the prefix goes into the topic name
    this.topic = `${coordination?.prefix ?? 'cruscotto:'}live:plan-changed` as 'plan-changed';
    this.distributed = Boolean(coordination);
    if (coordination) {
      // a publish waits for a Redis that restarts a little longer than a rate-limit check would
      const publishClient = coordination.connect('live-publish', { maxRetriesPerRequest: 3 });
      const subscribeClient = coordination.connect('live-subscribe', { maxRetriesPerRequest: 3 });
      this.subscribeClient = subscribeClient;
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

  /** One message per organisation a transaction touched. */
  publish(changes: CommittedChange[], details: CommitDetail[] = []): void {
    const sheets = details.filter((d): d is SheetChange => d.kind === 'sheet');
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
      const only = plans.size === 1 ? [...plans][0] : null;
      const sheet = sheets.length === 1 && sheets[0].planId === only ? sheets[0] : undefined;
      this.pubSub.publish(this.topic, orgId, {
        ...(sheet ? { sheet } : {}),
        id: randomUUID(),
        orgId,
        planIds: plans.has(null) ? null : [...plans].filter((p): p is string => p !== null),
        actor: last.actor,
        source: last.source,
        at: last.at.toISOString(),
      });
    }
  }

  /** An organisation's messages; the subscription is made at the iterator's first next() (a Repeater's start). */
  messages(orgId: string): AsyncIterable<LiveMessage> {
    return this.pubSub.subscribe(this.topic, orgId);
  }

  /**
   * Resolves once every subscription made so far hears every message published after it. In memory at once; over
   * Redis the channel's SUBSCRIBE was sent on the subscribing connection without an answer awaited (the event
   * target's), so a PING on that same connection: Redis answers one connection's commands in order, so its PONG
   * comes after the SUBSCRIBE was done. Rejects when Redis does not answer (the subscription then fails, and the
   * add-in polls).
   */
  async listening(): Promise<void> {
    await this.subscribeClient?.ping();
  }
}

/**
 * The event target calls publish, subscribe and unsubscribe without waiting for them: a command refused while Redis
 * is down would be an unhandled rejection, which ends a Node process. Those three answer here, failure included
 * (the live update is lost, the write it reports is not: the add-in's next refresh or poll brings it).
 */
function withoutUnhandledRejections(client: Redis): Redis {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'publish' && prop !== 'subscribe' && prop !== 'unsubscribe') return value;
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch(() => undefined);
    },
  });
}
