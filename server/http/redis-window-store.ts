import type { ClientRateLimitInfo, Options } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import type { Coordination } from '../ops/redis';

/** A rejected promise nobody awaits yet must not end the process (Node's unhandled-rejection rule). */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * rate-limit-redis's store (the same fixed windows as the in-memory ClockWindowStore, counted by Redis with its own
 * clock, so every instance sees one count). One thing is added: the store loads its Lua scripts once, at start-up,
 * and keeps the promise; when Redis was down at that moment the promise stays rejected and every later count fails
 * even after Redis is back. Here a failed load is retried on the next request.
 */
export class SharedWindowStore extends RedisStore {
  constructor(coordination: Coordination, limiter: string) {
    super({
      prefix: `${coordination.prefix}rl:${limiter}:`,
      sendCommand: (command: string, ...args: string[]) =>
        coordination.commands.call(command, ...args) as Promise<never>,
    });
  }

  override async init(options: Options): Promise<void> {
    this.windowMs = options.windowMs;
    this.incrementScriptSha = quiet(this.loadIncrementScript());
    this.getScriptSha = quiet(this.loadGetScript());
  }

  override async increment(key: string): Promise<ClientRateLimitInfo> {
    await this.scriptsLoaded();
    return super.increment(key);
  }

  override async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    await this.scriptsLoaded();
    return super.get(key);
  }

  private async scriptsLoaded(): Promise<void> {
    try {
      await Promise.all([this.incrementScriptSha, this.getScriptSha]);
    } catch {
      this.incrementScriptSha = quiet(this.loadIncrementScript());
      this.getScriptSha = quiet(this.loadGetScript());
    }
  }
}
