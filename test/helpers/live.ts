import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestServer } from './server';

/** How long a wait for an event may take before the test fails as hung: long, because a busy CI machine is slow. */
export const HANG_GUARD_MS = 60_000;

/** The selection of a planChanged event the tests (and bench B7) read. */
export const PLAN_CHANGED = `subscription Live($planId: ID!, $year: Int!, $checkpoint: Checkpoint) {
  planChanged(planId: $planId, year: $year, checkpoint: $checkpoint) {
    subscribed planId year checkpoint changedBy at source
    rows { rowId rowVersion level code changedBy changedAt source }
    deletedRowIds
    scores { id level code oldScore oldDisplay realization { status score display } }
  }
}`;

export type PlanChangeEvent = {
  planId: string;
  year: number;
  checkpoint: string;
  changedBy: string | null;
  at: string;
  source: string;
  rows: Array<{
    rowId: string;
    rowVersion: number;
    level: string;
    code: string | null;
    changedBy: string | null;
    changedAt: string;
    source: string;
  }>;
  deletedRowIds: string[];
  scores: Array<{
    id: string;
    level: string;
    code: string | null;
    oldScore: number | null;
    oldDisplay: string | null;
    realization: { status: string; score: number | null; display: string | null } | null;
  }>;
};

/** What one subscriber heard: its events, the errors it got, and a way to wait for the next event. */
export type Listener = {
  /** the changes it heard (the server's first event, `subscribed`, is not one: it resolves `subscribed`) */
  events: PlanChangeEvent[];
  /** resolves when the server listens (its `subscribed` event): a catch-up read begun after it misses nothing */
  subscribed: Promise<void>;
  /** when each event arrived on the socket (performance.now()), beside `events`: bench B7 times the hop with it */
  arrivals: number[];
  errors: unknown[];
  /** resolves with the next event not yet taken (or the first already there), rejects after `ms` */
  next(ms?: number): Promise<PlanChangeEvent>;
  /** the socket's closing, if the server closed it (code and reason) */
  closed: Promise<{ code: number; reason: string }>;
  stop(): Promise<void>;
};

export function socketUrl(server: Pick<TestServer, 'url'>): string {
  return `${server.url.replace(/^http/, 'ws')}/graphql`;
}

/**
 * Subscribes to planChanged over a real websocket (graphql-ws, the `ws` package as the socket), with `token` in the
 * connection parameters as the add-in sends it.
 */
export function listen(
  url: string,
  token: string,
  variables: { planId: string; year: number; checkpoint?: string },
): Listener {
  const events: PlanChangeEvent[] = [];
  const arrivals: number[] = [];
  const errors: unknown[] = [];
  let taken = 0;
  const waiting: Array<() => void> = [];
  let onClosed!: (c: { code: number; reason: string }) => void;
  let onSubscribed!: () => void;
  const subscribed = new Promise<void>((resolve) => (onSubscribed = resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => onClosed(event as { code: number; reason: string }) },
    // a socket closed under it (a killed instance, B8) is `closed` above; graphql-ws would also print it to the console
    onNonLazyError: () => undefined,
  });
  const stopSubscription = client.subscribe<{ planChanged: PlanChangeEvent & { subscribed: boolean } }>(
    { query: PLAN_CHANGED, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data?.planChanged.subscribed) onSubscribed();
        else if (result.data) {
          events.push(result.data.planChanged);
          arrivals.push(performance.now());
        }
        waiting.splice(0).forEach((wake) => wake());
      },
      error: (error) => {
        errors.push(error);
        waiting.splice(0).forEach((wake) => wake());
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    subscribed,
    arrivals,
    errors,
    closed,
    // a hang guard, never a speed check: the event wakes the wait at once, and a loaded machine may take seconds
    async next(ms = HANG_GUARD_MS) {
      const deadline = Date.now() + ms;
      while (taken >= events.length) {
        if (Date.now() > deadline)
          throw new Error(`no planChanged event within ${ms} ms (errors: ${JSON.stringify(errors)})`);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return events[taken++];
    },
    async stop() {
      stopSubscription();
      await client.dispose();
    },
  };
}

/**
 * Waits until `server` holds exactly `count` open subscriptions: a write made before a subscription opened could not
 * be heard, and one closed by the previous test closes on the server a moment after its client (wait for 0 then).
 */
export async function subscribed(server: Pick<TestServer, 'app'>, count: number, ms = HANG_GUARD_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (server.app.live.feeds.subscriptions !== count) {
    if (Date.now() > deadline) throw new Error(`${count} subscriptions not open within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Until `done` holds (a message on its way over a socket, a count another process keeps), checked every 20 ms: for
 * what has no event to wait for. Fails as hung after `ms` (HANG_GUARD_MS), saying `what` never came true.
 */
export async function until(
  done: () => boolean | Promise<boolean>,
  ms = HANG_GUARD_MS,
  what = 'the condition',
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what} did not come true within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Any subscription over the websocket, for the isolation table: its errors, and the first failure when it comes. */
export function listenTo(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): {
  errors: unknown[];
  failure: Promise<Array<{ message: string; extensions?: Record<string, any> }>>;
  stop(): Promise<void>;
} {
  const errors: unknown[] = [];
  let fail!: (errors: Array<{ message: string; extensions?: Record<string, any> }>) => void;
  const failure = new Promise<Array<{ message: string; extensions?: Record<string, any> }>>(
    (resolve) => (fail = resolve),
  );
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const stop = client.subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) {
          errors.push(...result.errors);
          fail([...result.errors] as Array<{ message: string; extensions?: Record<string, any> }>);
        }
      },
      error: (error) => {
        const list = (Array.isArray(error) ? error : [error]) as Array<{
          message: string;
          extensions?: Record<string, any>;
        }>;
        errors.push(...list);
        fail(list);
      },
      complete: () => undefined,
    },
  );
  return {
    errors,
    failure,
    async stop() {
      stop();
      await client.dispose();
    },
  };
}

/** A server's next subscription held before it registers (server/live/feeds.ts, RegistrationGate), until released. */
export type RegistrationHold = { held: Promise<void>; release(): void };

/**
 * Holds the next subscription `server` receives after its request arrived and before it is registered on the hub:
 * `held` resolves when it waits there (rejects after the hang guard), `release` lets it go on. A hold not released
 * gives up after the hang guard, so a forgotten one fails its test instead of hanging it.
 */
export function holdRegistration(server: Pick<TestServer, 'app'>, ms = HANG_GUARD_MS): RegistrationHold {
  const feeds = server.app.live.feeds;
  let onHeld!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (onHeld = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const guard = (what: string) =>
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms).unref());
  feeds.registrationGate = {
    async pass() {
      feeds.registrationGate = null;
      onHeld();
      await Promise.race([released, guard('the held subscription was not released')]);
    },
  };
  return { held: Promise.race([arrived, guard('no subscription reached the registration hold')]), release };
}
