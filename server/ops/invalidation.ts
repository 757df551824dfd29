import { randomUUID } from 'node:crypto';
import type { Coordination } from './redis';

/** What a cache drops: one key, or everything (`null`) when messages may have been missed. */
export type Drop = (key: string | null) => void;

/**
 * Telling every instance to drop an entry of an in-process cache (README, "Running several instances"): a write on
 * instance A makes the copies that B and C keep of what it changed stale. The instance that writes drops its own
 * entry at once; the others hear it over Redis pub/sub. Pub/sub delivers only to connected subscribers, so after
 * its subscription (re)connects an instance drops whole caches: whatever it missed meanwhile cannot be served.
 * Without Redis (one instance) only the local drop happens.
 */
export type Invalidations = {
  /** drops `key` of `cache` here now, and on every other instance as soon as Redis delivers */
  invalidate(cache: string, key: string): Promise<void>;
  /** registers the drop of `cache` (a fixed name such as "plan-scores"); returns the unregister */
  on(cache: string, drop: Drop): () => void;
  close(): Promise<void>;
};

type Message = { cache: string; key: string; from: string };

export function openInvalidations(
  coordination: Coordination | null,
  onError: (error: unknown) => void = () => undefined,
): Invalidations {
  const drops = new Map<string, Set<Drop>>();
  const run = (cache: string, key: string | null) => {
    for (const drop of drops.get(cache) ?? []) {
      try {
        drop(key);
      } catch (error) {
        onError(error);
      }
    }
  };
  const dropEverything = () => {
    for (const cache of drops.keys()) run(cache, null);
  };
  const self = randomUUID();
  const channel = coordination ? `${coordination.prefix}invalidate` : '';
  const subscriber = coordination?.connect('invalidation');
  if (subscriber) {
    subscriber.subscribe(channel).catch(onError);
    // on every (re)connection but the first, ioredis resubscribes; what was published meanwhile is lost
    let connectedBefore = false;
    subscriber.on('ready', () => {
      if (connectedBefore) dropEverything();
      connectedBefore = true;
    });
    subscriber.on('message', (from: string, text: string) => {
      if (from !== channel) return;
      try {
        const message = JSON.parse(text) as Message;
        if (message.from !== self) run(message.cache, message.key);
      } catch (error) {
        onError(error);
      }
    });
  }
  return {
    async invalidate(cache, key) {
      run(cache, key);
      if (!coordination) return;
      const message: Message = { cache, key, from: self };
      await coordination.commands.publish(channel, JSON.stringify(message));
    },
    on(cache, drop) {
      let set = drops.get(cache);
      if (!set) drops.set(cache, (set = new Set()));
      set.add(drop);
      return () => set.delete(drop);
    },
    async close() {
      drops.clear();
    },
  };
}
