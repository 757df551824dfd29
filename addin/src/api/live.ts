/**
 * The bound plan's live updates: a graphql-ws subscription to planChanged on the server's /graphql, the token in
 * the connection parameters (a browser websocket cannot send an Authorization header). It says whether it is live,
 * so the pane can poll sheetRows(since) while it is not: corporate proxies often refuse the websocket's Upgrade.
 * The client keeps retrying in the background, with graphql-ws's own growing pauses, and tells when it is back.
 * It is live when the server says it listens (the `subscribed` event), not when the socket opens: the pane's
 * catch-up read then starts after the server registered the subscription, so a change committed in between is
 * either heard or read (server/live/feeds.ts says why this holds across instances).
 */
import { createClient, type Client } from 'graphql-ws';
import { PLAN_CHANGED } from './queries';
import type { PlanChangedSubscription, Checkpoint } from './generated';

export type PlanChange = PlanChangedSubscription['planChanged'];

/**
 * 'live': the server listens, events arrive (the pane catches up from its cursor then); 'down': the socket cannot
 * open, or closed (the pane polls meanwhile)
 */
export type LiveState = 'connecting' | 'live' | 'down';

export type LiveTarget = {
  serverUrl: string;
  token: string | null;
  planId: string;
  year: number;
  checkpoint: Checkpoint;
  /** the bound table this subscription feeds: two sheets of one period (two units) are two targets */
  table?: string;
};

export type LiveHandlers = {
  change(change: PlanChange): void;
  state(state: LiveState, reconnected: boolean): void;
};

/** the websocket address of the GraphQL endpoint: https://host/graphql → wss://host/graphql */
export function socketUrl(serverUrl: string): string {
  const base = serverUrl.trim().replace(/\/+$/, '');
  const endpoint = /\/graphql$/i.test(base) ? base : `${base}/graphql`;
  return endpoint.replace(/^http(s?):/i, (_m, s: string) => `ws${s}:`);
}

export type LiveSubscription = { close(): Promise<void> };

export function subscribePlan(
  target: LiveTarget,
  handlers: LiveHandlers,
  options: { webSocketImpl?: unknown } = {},
): LiveSubscription {
  let everLive = false;
  let closing = false;
  const client: Client = createClient({
    url: socketUrl(target.serverUrl),
    webSocketImpl: options.webSocketImpl,
    connectionParams: target.token ? { authorization: `Bearer ${target.token}` } : {},
    lazy: false,
    // a proxy that refuses the Upgrade today may let it through tomorrow: keep trying, slowly, while polling
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => !closing,
    retryWait: async (retries) => {
      await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** Math.min(retries, 5))));
    },
    on: {
      closed: () => {
        if (!closing) handlers.state('down', false);
      },
    },
  });
  handlers.state('connecting', false);
  const stop = client.subscribe<PlanChangedSubscription>(
    {
      query: PLAN_CHANGED,
      variables: { planId: target.planId, year: target.year, checkpoint: target.checkpoint },
    },
    {
      next: (result) => {
        if (!result.data) return;
        if (!result.data.planChanged.subscribed) return handlers.change(result.data.planChanged);
        // graphql-ws subscribes again after each reconnection: each time, one `subscribed` first
        handlers.state('live', everLive);
        everLive = true;
      },
      // refused (the plan is gone, the token lost its role): no events will come; the pane polls instead
      error: () => {
        if (!closing) handlers.state('down', false);
      },
      complete: () => undefined,
    },
  );
  return {
    async close() {
      closing = true;
      stop();
      await client.dispose();
    },
  };
}
