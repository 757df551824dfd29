import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Clock } from './clock';

type Window = { totalHits: number; resetTime: Date };

/**
 * express-rate-limit's counters on the server's clock. Its own MemoryStore reads Date.now() and rotates on a timer,
 * so a test could only reach a fresh window by sleeping through one, and a slow machine could end a window in the
 * middle of the requests meant to exhaust it. Same fixed windows: a client's opens at its first request and lasts
 * windowMs.
 */
export class ClockWindowStore implements Store {
  /**
   * The counts live in this instance alone: two limiters counting one request under the same key (the failed
   * authentications and the request budget, both by address) are two stores, not one counted twice.
   */
  readonly localKeys = true;
  private windowMs = 60_000;
  private readonly windows = new Map<string, Window>();
  private nextSweep = 0;

  constructor(private readonly clock: Clock) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const window = this.windows.get(key);
    return window && window.resetTime.getTime() > this.clock().getTime() ? { ...window } : undefined;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const now = this.clock().getTime();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetTime.getTime() <= now) {
      window = { totalHits: 0, resetTime: new Date(now + this.windowMs) };
      this.windows.set(key, window);
    }
    window.totalHits += 1;
    return { ...window };
  }

  async decrement(key: string): Promise<void> {
    const window = this.windows.get(key);
    if (window && window.totalHits > 0) window.totalHits -= 1;
  }

  async resetKey(key: string): Promise<void> {
    this.windows.delete(key);
  }

  async resetAll(): Promise<void> {
    this.windows.clear();
  }

  /** Forgets ended windows, at most once per window length: memory holds the clients of about two windows. */
  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + this.windowMs;
    for (const [key, window] of this.windows) if (window.resetTime.getTime() <= now) this.windows.delete(key);
  }
}

/** Seconds until the window of a limited request ends, on the same clock (the library would use Date.now()). */
export function secondsToReset(clock: Clock, resetTime: Date | undefined, windowMs: number): number {
  const ms = resetTime ? resetTime.getTime() - clock().getTime() : windowMs;
  return Math.max(1, Math.ceil(ms / 1000));
}
