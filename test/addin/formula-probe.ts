/**
 * A FormulaCells host on the real server whose requests, subscriptions and marks a test watches and decides: each
 * request recorded (and held when asked), each subscription a record the test says live, windows of a minute by
 * default, so a test decides when a request goes (refreshAll), whatever the machine's load.
 */
import type { FetchLike } from '../../addin/src/api/client';
import type { LiveTarget } from '../../addin/src/api/live';
import type { CellInvocation, FormulaHost } from '../../addin/src/functions/cells';
import type { SondrioServer } from '../helpers/sondrio-server';

export type Probe = {
  host: FormulaHost;
  /** the years of every code asked of the server, request by request */
  asked: number[][];
  /** the years of the subscriptions open now */
  open: number[];
  /** per subscription opened, in order: says the server listens now (its `subscribed` event) */
  live: Array<() => void>;
  marked: string[];
  /** holds the next request until opened (null: requests go at once) */
  gate: { arrive(): void; opened: Promise<void> } | null;
};

export function probe(
  sondrio: Pick<SondrioServer, 'server' | 'plan'>,
  options: { boundPlan?: () => Promise<string | null>; windowMs?: number } = {},
): Probe {
  const p: Probe = { host: null as never, asked: [], open: [], live: [], marked: [], gate: null };
  const send: FetchLike = async (input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { variables?: { requests?: Array<{ year: number }> } };
    p.asked.push((body.variables?.requests ?? []).map((r) => r.year));
    const gate = p.gate;
    p.gate = null;
    if (gate) {
      gate.arrive();
      await gate.opened;
    }
    return fetch(input, init as RequestInit);
  };
  p.host = {
    target: () => ({
      serverUrl: sondrio.server.url,
      token: sondrio.server.token,
      planId: sondrio.plan.planId,
      year: 2022,
      checkpoint: 'YEAR_END',
    }),
    boundPlan: options.boundPlan,
    fetch: send,
    language: 'it',
    error: (message) => ({ error: message }),
    subscribe: (target: LiveTarget, _onChange, onLive) => {
      p.open.push(target.year);
      p.live.push(() => onLive?.());
      return {
        close: async () => void p.open.splice(p.open.indexOf(target.year), 1),
      };
    },
    mark: async (address) => void p.marked.push(address),
    windowMs: options.windowMs ?? 60_000,
  };
  return p;
}

/** holds the probe's next request: `arrived` once it is out, sent on to the server at release() */
export function holdNext(p: Probe): { arrived: Promise<void>; release(): void } {
  let arrive!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  p.gate = { arrive, opened: new Promise<void>((resolve) => (release = resolve)) };
  return { arrived, release };
}

export function cell(): CellInvocation & { results: unknown[] } {
  const results: unknown[] = [];
  return { address: 'Report!A1', results, setResult: (value) => void results.push(value) };
}
