/**
 * A CRUSCOTTO.* cell reads its value before its plan's subscription is registered on the server, and again each time
 * the server says it listens (the `subscribed` event, at the start and after every reconnection), as the pane's
 * catch-up does (addin/src/api/live.ts). A change committed between the first read and the registration, or while
 * the socket was down, reaches no event: before, the cell showed the older value until the plan's next change.
 * The probe says when the server listens, so the order is the test's, whatever the machine's load.
 */
import { FormulaCells } from '../../addin/src/functions/cells';
import { until } from '../helpers/live';
import { withSondrioServer } from '../helpers/sondrio-server';
import { currentRow, edit, sync } from '../helpers/sync';
import { cell, probe } from './formula-probe';

const sondrio = withSondrioServer('sqlite');

/** a colleague's change, committed while the cell's subscription heard nothing */
async function changeActual(actual: string): Promise<void> {
  const row = await currentRow(sondrio.server, sondrio.plan.planId, 'indicator', '1.1.1');
  const result = await sync(sondrio.server, { planId: sondrio.plan.planId, rows: [edit(row, { actual })] });
  expect(result.rows[0].status).toBe('UPDATED');
}

test('a cell reads again once the server listens, and after each reconnection', async () => {
  // a window of no time: the read the server's `subscribed` sets off goes by itself, as in Excel
  const p = probe(sondrio, { windowMs: 0 });
  const cells = new FormulaCells();
  cells.configure(p.host);
  const shown = cell();
  await changeActual('41');
  cells.ask('value', { code: '1.1.1', year: 2022 }, shown);
  await cells.refreshAll();
  expect(shown.results).toEqual([41]);
  expect(p.live).toHaveLength(1);

  // committed after the cell's read, before the server registered its subscription: no event will tell it
  await changeActual('42');
  p.live[0]();
  await until(() => shown.results.length === 2, undefined, 'the read after the subscription was registered');
  expect(shown.results[1]).toBe(42);

  // the socket dropped, a change was committed meanwhile, graphql-ws subscribed again
  await changeActual('43');
  p.live[0]();
  await until(() => shown.results.length === 3, undefined, 'the read after the reconnection');
  expect(shown.results[2]).toBe(43);
  expect(p.asked).toEqual([[2022], [2022], [2022]]);
});
