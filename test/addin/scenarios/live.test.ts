/**
 * Live updates in the pane (issue 15, item 2): while the workbook is bound, a colleague's change reaches the sheet
 * without anyone pressing anything, only on the rows it changed, with "Aggiornato da Anna Rossi alle 10:42" in
 * view; a row with an edit not sent yet becomes a conflict instead of being overwritten. When the websocket is
 * refused (a corporate proxy), the pane says it checks every few seconds, and the change still arrives. What a
 * colleague's change did is told in the live line; the summary keeps the outcome of what the user did last.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { liveLine } from '../../../addin/src/live-words';
import { ok } from '../../helpers/sync';
import { anna, eventually } from '../colleague';
import { browserSuite, status, useLoadedPane } from '../e2e-pane';

browserSuite('scenarios/live')('live updates over the websocket', () => {
  const pane = useLoadedPane();
  const { step, sheet, rowOf, editableIndicators, typeInCell } = pane;
  let colleague: Awaited<ReturnType<typeof anna>>;

  step("item 2 · the pane shows a colleague's change without pressing anything", async () => {
    await eventually('the pane saying live updates are on', async () =>
      ((await pane.page.textContent('#live')) ?? '').includes(liveLine('it', 'live')),
    );
    colleague = await anna(pane);
    const [target, untouched] = editableIndicators(await sheet());
    const before = rowOf(await sheet(), untouched.id);
    const ownOutcome = await pane.page.textContent('#summary');
    expect(ownOutcome).toMatch(/\S/);
    expect(ok(await colleague.sync(target.id, target.target)).syncRows.applied).toBe(1);

    await eventually("the colleague's value in the sheet", async () => {
      const row = rowOf(await sheet(), target.id);
      return String(row[pane.col('actual')]) !== String(target.row[pane.col('actual')]);
    });
    const row = rowOf(await sheet(), target.id);
    expect(row[pane.col('syncStatus')]).toBe(status.SYNCED);
    // its score came with the change, and the row's version is the server's
    const server = (await pane.serverRows()).get(target.id)!;
    expect(row[pane.col('realization')]).toBe(server.realization!.score);
    expect(Number(row[pane.col('rowVersion')])).toBe(server.rowVersion);
    // only the changed row: another indicator's row is as it was
    expect(rowOf(await sheet(), untouched.id)).toEqual(before);
    await eventually('"Aggiornato da Anna Rossi alle …" in the pane', async () =>
      /Aggiornato da Anna Rossi alle \d{2}:\d{2}/.test((await pane.page.textContent('#live')) ?? ''),
    );
    expect(await pane.page.textContent('#live')).toMatch(
      /Aggiornato da Anna Rossi alle \d{2}:\d{2}\. Righe aggiornate: 1;/,
    );
    expect(await pane.page.textContent('#summary')).toBe(ownOutcome);
    // the pane as its user sees it, to look at (not compared)
    await pane.page.screenshot({ path: join(tmpdir(), 'cruscotto-pane-live.png'), fullPage: true });
    expect(pane.pageErrors).toEqual([]);
  });

  step('item 2 · a row with an edit not sent yet becomes a conflict, never overwritten', async () => {
    const [, , mine] = editableIndicators(await sheet());
    await typeInCell(mine.position, 'actual', '42');
    await eventually('the typed row marked to send', async () =>
      rowOf(await sheet(), mine.id)[pane.col('syncStatus')] === status.TO_SEND ? true : false,
    );
    expect(ok(await colleague.sync(mine.id, '43')).syncRows.applied).toBe(1);
    await eventually('the edited row shown as a conflict', async () =>
      rowOf(await sheet(), mine.id)[pane.col('syncStatus')] === status.CONFLICT ? true : false,
    );
    expect(String(rowOf(await sheet(), mine.id)[pane.col('actual')])).toBe('42');
    // the sheet is written during the update, the pane's list after it: waited for, not raced
    await eventually('the conflict listed in the pane', async () => !(await pane.page.isHidden('#conflicts')));
    expect(await pane.page.textContent('#live')).toMatch(/conflitti: 1;/);
  });
});

browserSuite('scenarios/live-polling')('live updates behind a proxy that refuses websockets', () => {
  const pane = useLoadedPane({ websockets: 'refuse', search: '?pollSeconds=1' });
  const { step, sheet, rowOf, editableIndicators } = pane;

  step('item 2 · the pane says it polls when the websocket is refused, and the change still arrives', async () => {
    await eventually('the pane saying it checks every second', async () =>
      ((await pane.page.textContent('#live')) ?? '').includes(liveLine('it', 'polling', { seconds: 1 })),
    );
    expect(await pane.page.getAttribute('#live', 'data-mode')).toBe('polling');
    const colleague = await anna(pane);
    const [target] = editableIndicators(await sheet());
    expect(ok(await colleague.sync(target.id, target.target)).syncRows.applied).toBe(1);
    await eventually("the colleague's value in the sheet, by polling", async () => {
      const row = rowOf(await sheet(), target.id);
      return String(row[pane.col('actual')]) !== String(target.row[pane.col('actual')]);
    });
    const server = (await pane.serverRows()).get(target.id)!;
    expect(rowOf(await sheet(), target.id)[pane.col('realization')]).toBe(server.realization!.score);
    expect((await pane.page.textContent('#live')) ?? '').toMatch(/Aggiornato alle \d{2}:\d{2}/);
  });
});
