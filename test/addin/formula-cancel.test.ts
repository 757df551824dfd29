/**
 * A CRUSCOTTO.* cell Excel takes away (the formula deleted or overwritten) before its answer: never asked again,
 * never answered, never marked, and its plan's subscription not kept open for it. The window collects calls for a
 * minute here, so each test decides when the request goes (refreshAll), whatever the machine's load: a cell taken
 * away while it waited in the window once kept a subscription for a cell no longer there (CI, 7 December).
 */
import { FormulaCells } from '../../addin/src/functions/cells';
import { withSondrioServer } from '../helpers/sondrio-server';
import { cell, holdNext, probe } from './formula-probe';

const sondrio = withSondrioServer('sqlite');

/** a probe's cells asking one code for 2023 (the one taken away) and for 2022 (the one kept), each in its own group */
function twoYears() {
  const p = probe(sondrio);
  const cells = new FormulaCells();
  cells.configure(p.host);
  const gone = cell();
  const kept = cell();
  cells.ask('target', { code: '1.1.1', year: 2023 }, gone);
  cells.ask('target', { code: '1.1.1', year: 2022 }, kept);
  return { p, cells, gone, kept };
}

/** after the cell for 2023 was taken away and the cells read again: only 2022 asked and followed, 2023 answered once */
function expectOnlyTheKeptOne({ p, cells, gone }: Pick<ReturnType<typeof twoYears>, 'p' | 'cells' | 'gone'>) {
  expect(p.asked.at(-1)).toEqual([2022]);
  expect(p.open).toEqual([2022]);
  expect(cells.counts().cells).toBe(1);
  expect(gone.results).toHaveLength(1);
}

test('a cell taken away while it waits in the window is not asked, not answered and not followed', async () => {
  const { p, cells, gone, kept } = twoYears();
  gone.onCanceled!();
  await cells.refreshAll();
  expect(p.asked).toEqual([[2022]]);
  expect(gone.results).toEqual([]);
  expect(kept.results).toHaveLength(1);
  expect(p.open).toEqual([2022]);
  expect(cells.counts().cells).toBe(1);
});

test('the pane connects again and a cell is taken away before the new answer: its subscription is not opened again', async () => {
  const { p, cells, gone } = twoYears();
  await cells.refreshAll();
  expect(p.open.sort()).toEqual([2022, 2023]);
  // configure() closes every subscription and puts every cell in the window again
  cells.configure(p.host);
  gone.onCanceled!();
  await cells.refreshAll();
  expectOnlyTheKeptOne({ p, cells, gone });
});

test('a change told by a subscription the pane closed on connecting again brings back no cell taken away', async () => {
  const { p, cells, gone } = twoYears();
  await cells.refreshAll();
  expect(p.asked).toEqual([[2023, 2022]]);
  cells.configure(p.host);
  gone.onCanceled!();
  // 2023's subscription, closing, still tells a change (graphql-ws events already on their way)
  p.live[0]();
  await cells.refreshAll();
  expectOnlyTheKeptOne({ p, cells, gone });
});

test('a cell taken away while its request is out and fails is not answered: the others are', async () => {
  const p = probe(sondrio);
  const host = { ...p.host, target: () => ({ ...p.host.target()!, token: 'revocato' }) };
  const cells = new FormulaCells();
  cells.configure(host);
  const gone = cell();
  const kept = cell();
  cells.ask('value', { code: '1.1.1', year: 2023 }, gone);
  cells.ask('value', { code: '1.1.1', year: 2022 }, kept);
  const hold = holdNext(p);
  const answered = cells.refreshAll();
  await hold.arrived;
  gone.onCanceled!();
  hold.release();
  await answered;
  expect(gone.results).toEqual([]);
  expect(kept.results).toEqual([{ error: expect.stringMatching(/./) }]);
  expect(p.marked).toEqual([]);
});

test('a cell taken away while its request is out is not answered, not marked, and its subscription closes', async () => {
  const p = probe(sondrio);
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
  const p = probe(sondrio, { boundPlan: () => new Promise((resolve) => (found = resolve)) });
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

test('a cell still waiting in the window when the pane connects again is answered, not dropped', async () => {
  const { p, cells, gone, kept } = twoYears();
  // both cells wait in the window (no request yet) when the connection or binding changes
  cells.configure(p.host);
  await cells.refreshAll();
  expect(p.asked).toEqual([[2023, 2022]]);
  expect(gone.results).toHaveLength(1);
  expect(kept.results).toHaveLength(1);
  expect(cells.counts().cells).toBe(2);
});
