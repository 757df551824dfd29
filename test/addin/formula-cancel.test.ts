/**
 * A CRUSCOTTO.* cell Excel takes away (the formula deleted or overwritten) before its answer: never asked again,
 * never answered, never marked, and its plan's subscription not kept open for it. The window collects calls for a
 * minute here, so each test decides when the request goes (refreshAll), whatever the machine's load: a cell taken
 * away while it waited in the window once kept a subscription for a cell no longer there (CI, 7 December).
 */
import type { FetchLike } from '../../addin/src/api/client';
import type { LiveTarget } from '../../addin/src/api/live';
import { FormulaCells, type CellInvocation, type FormulaHost } from '../../addin/src/functions/cells';
import { withSondrioServer } from '../helpers/sondrio-server';

const sondrio = withSondrioServer('sqlite');

type Probe = {
  host: FormulaHost;
  /** the years of every code asked of the server, request by request */
  asked: number[][];
  /** the years of the subscriptions open now */
  open: number[];
  marked: string[];
  /** holds the next request until opened (null: requests go at once) */
  gate: { arrive(): void; opened: Promise<void> } | null;
};

function probe(options: { boundPlan?: () => Promise<string | null> } = {}): Probe {
  const p: Probe = { host: null as never, asked: [], open: [], marked: [], gate: null };
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
    subscribe: (target: LiveTarget) => {
      p.open.push(target.year);
      return {
        close: async () => void p.open.splice(p.open.indexOf(target.year), 1),
      };
    },
    mark: async (address) => void p.marked.push(address),
    windowMs: 60_000,
  };
  return p;
}

/** holds the probe's next request: `arrived` once it is out, sent on to the server at release() */
function holdNext(p: Probe): { arrived: Promise<void>; release(): void } {
  let arrive!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  p.gate = { arrive, opened: new Promise<void>((resolve) => (release = resolve)) };
  return { arrived, release };
}

function cell(): CellInvocation & { results: unknown[] } {
  const results: unknown[] = [];
  return { address: 'Report!A1', results, setResult: (value) => void results.push(value) };
}

/** two cells of two groups in one window: `gone` follows 2023, `kept` 2022 */
function twoCells() {
  const p = probe();
  const cells = new FormulaCells();
  cells.configure(p.host);
  const gone = cell();
  const kept = cell();
  cells.ask('target', { code: '1.1.1', year: 2023 }, gone);
  cells.ask('target', { code: '1.1.1', year: 2022 }, kept);
  return { p, cells, gone, kept };
}

test('a cell taken away while it waits in the window is not asked, not answered and not followed', async () => {
  const { p, cells, gone, kept } = twoCells();
  gone.onCanceled!();
  await cells.refreshAll();
  expect(p.asked).toEqual([[2022]]);
  expect(gone.results).toEqual([]);
  expect(kept.results).toHaveLength(1);
  expect(p.open).toEqual([2022]);
  expect(cells.counts().cells).toBe(1);
});

test('the pane connects again and a cell is taken away before the new answer: its subscription is not opened again', async () => {
  const { p, cells, gone, kept } = twoCells();
  await cells.refreshAll();
  expect(p.open.sort()).toEqual([2022, 2023]);
  // configure() closes every subscription and puts every cell in the window again
  cells.configure(p.host);
  gone.onCanceled!();
  await cells.refreshAll();
  expect(p.asked.at(-1)).toEqual([2022]);
  expect(p.open).toEqual([2022]);
  expect(cells.counts().cells).toBe(1);
  expect(gone.results).toHaveLength(1);
  expect(kept.results).toHaveLength(2);
});

test('a cell taken away while its request is out is not answered, not marked, and its subscription closes', async () => {
  const p = probe();
  const cells = new FormulaCells();
  cells.configure(p.host);
  const gone = cell();
  cells.ask('value', { code: '1.1.1', year: 2023 }, gone);
  const hold = holdNext(p);
  const answered = cells.refreshAll();
  await hold.arrived;
  expect(p.open).toEqual([2023]);
  gone.onCanceled!();
  hold.release();
  await answered;
  expect(gone.results).toEqual([]);
  expect(p.marked).toEqual([]);
  expect(p.open).toEqual([]);
  expect(cells.counts().cells).toBe(0);
});

test('a cell taken away while its sheet binding is looked up is never placed', async () => {
  let found!: (plan: string | null) => void;
  const p = probe({ boundPlan: () => new Promise((resolve) => (found = resolve)) });
  const cells = new FormulaCells();
  cells.configure(p.host);
  const gone = cell();
  cells.ask('target', { code: '1.1.1', year: 2022 }, gone);
  gone.onCanceled!();
  found(sondrio.plan.planId);
  // the lookup's answer is handled before the window is sent
  await new Promise((resolve) => setImmediate(resolve));
  await cells.refreshAll();
  expect(p.asked).toEqual([]);
  expect(gone.results).toEqual([]);
  expect(p.open).toEqual([]);
  expect(cells.counts().cells).toBe(0);
});
