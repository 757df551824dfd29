/**
 * Load again on a workbook already bound (issue 12, item 7 and defect 5): the same table is refreshed, never a
 * second one; with edits not sent yet nothing is touched and the pane says how many rows wait.
 */
import { browserSuite, OPERATION_TIMEOUT_MS, useLoadedPane } from '../e2e-pane';

const suite = browserSuite('scenarios/reload.test.ts');

suite('Load on a bound workbook', () => {
  const pane = useLoadedPane();

  pane.step(
    'defect 5 · pressing Carica again refreshes the same table: no "Piano 2022 (2)", the binding unchanged',
    async () => {
      const first = pane.table;
      const before = await pane.sheet();
      await pane.press('#load');
      await pane.followBinding();
      expect(pane.table).toBe(first);
      const after = await pane.sheet();
      expect(after.sheet).toBe(before.sheet);
      expect(after.rows.length).toBe(before.rows.length);
      // the table a second Load used to make beside the first
      const second = await pane.page.evaluate((name) => {
        try {
          window.__excelDouble.user.table(name);
          return true;
        } catch {
          return false;
        }
      }, `${first}_2`);
      expect(second).toBe(false);
    },
  );

  /** the edit the cancel step leaves in the sheet, which the next step sends */
  let kept = { id: '', target: '' };

  /** presses Carica on a table with edits not sent: the pane asks before touching anything */
  const loadAndAsk = async (): Promise<string> => {
    await pane.page.click('#load');
    await pane.page.waitForSelector('#reload-prompt:not([hidden])', { timeout: OPERATION_TIMEOUT_MS });
    return (await pane.page.textContent('#reload-question')) ?? '';
  };
  const actualOf = async (rowId: string) => {
    const view = await pane.sheet();
    return String(pane.rowOf(view, rowId)[pane.col('actual')]);
  };

  pane.step('item 7 · with an edit not sent, Carica asks; Annulla touches nothing and the edit stays', async () => {
    const target = pane.editableIndicators(await pane.sheet())[0];
    kept = target;
    const before = await pane.serverRows();
    await pane.typeInCell(target.position, 'actual', target.target);
    expect(await loadAndAsk()).toMatch(/^Ci sono 1 righe modificate e non inviate/);
    expect(await pane.press('#reload-cancel')).toBe('Caricamento annullato: le modifiche restano nel foglio.');
    expect(await actualOf(target.id)).toBe(target.target);
    expect(await pane.serverRows()).toEqual(before);
  });

  pane.step('item 7 · "Invia e ricarica" sends the edit, then refreshes the same table', async () => {
    const table = pane.table;
    await loadAndAsk();
    expect(await pane.press('#reload-send')).toMatch(/^Righe caricate nella tabella/);
    await pane.followBinding();
    expect(pane.table).toBe(table);
    expect((await pane.serverRows()).get(kept.id)?.actual?.raw).toBe(kept.target);
    expect(await actualOf(kept.id)).toBe(kept.target);
  });

  pane.step('item 7 · "Scarta e ricarica" discards the edit: the sheet shows the server\'s value again', async () => {
    const target = pane.editableIndicators(await pane.sheet())[0];
    const before = await pane.serverRows();
    await pane.typeInCell(target.position, 'actual', target.target);
    await loadAndAsk();
    expect(await pane.press('#reload-discard')).toMatch(/^Righe caricate nella tabella/);
    expect(await actualOf(target.id)).toBe(before.get(target.id)?.actual?.raw ?? '');
    expect(await pane.serverRows()).toEqual(before);
  });
});
