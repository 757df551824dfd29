/**
 * "Collega questo foglio" pressed again on a workbook already bound (issue 12, item 7: a table is never orphaned):
 * the bound table is rewritten where it is, never a second table beside it; with edits not sent in it the pane asks
 * first, as Load again does (send first / discard / cancel), and nothing is touched before the answer.
 */
import { sondrioSheet } from '../../fixtures/seed-sheets';
import { browserSuite, OPERATION_TIMEOUT_MS, usePane } from '../e2e-pane';

const suite = browserSuite('scenarios/rebind.test.ts');

suite('Collega questo foglio on a bound workbook', () => {
  const pane = usePane();
  /** the tables the user sees (the merge base's is on a very hidden sheet: sync/base.ts) */
  const tableNames = () =>
    pane.page.evaluate(() =>
      window.__excelDouble.model.tables.filter((t) => t.sheet.visibility === 'Visible').map((t) => t.name),
    );
  let first = '';
  let sheets = 0;

  /** puts another copy of the Sondrio sheet in front and presses "Collega questo foglio", then confirms the mapping */
  const bindAgain = async (then: 'done' | 'asked'): Promise<string> => {
    await pane.putSheet(`Sondrio ${++sheets}`, sondrioSheet());
    await pane.press('#bind');
    if (then === 'done') return pane.press('#mapping-confirm');
    await pane.page.click('#mapping-confirm');
    await pane.page.waitForSelector('#reload-prompt:not([hidden])', { timeout: OPERATION_TIMEOUT_MS });
    return (await pane.page.textContent('#reload-question')) ?? '';
  };
  const actualOf = async (rowId: string) => String(pane.rowOf(await pane.sheet(), rowId)[pane.col('actual')]);

  beforeAll(async () => {
    await pane.connectAndChoose();
    await pane.putSheet('Sondrio', sondrioSheet());
    await pane.press('#bind');
    await pane.press('#mapping-confirm');
    await pane.followBinding();
    // the sheet's own values (a typed actual) go to the server: the bound table starts with nothing to send
    expect(await pane.press('#sync')).not.toMatch(/rifiutate|conflitto/);
    first = pane.table;
  }, 120_000);

  pane.step('item 7 · binding again rewrites the bound table: no second table, the same binding', async () => {
    const before = await pane.sheet();
    expect(await bindAgain('done')).toMatch(/Righe: \d+/);
    await pane.followBinding();
    expect(pane.table).toBe(first);
    expect(await tableNames()).toEqual([first]);
    const after = await pane.sheet();
    expect(after.sheet).toBe(before.sheet);
    expect(after.rows.length).toBe(before.rows.length);
    // the sheet's values differ from the server's in form (bind marks them to send, as the first bind did): sent
    expect(await pane.press('#sync')).not.toMatch(/rifiutate|conflitto/);
  });

  let kept = { id: '', target: '' };

  pane.step(
    'item 7 · with an edit not sent, binding again asks; Annulla touches nothing and the edit stays',
    async () => {
      const target = pane.editableIndicators(await pane.sheet())[0];
      kept = target;
      const before = await pane.serverRows();
      await pane.typeInCell(target.position, 'actual', target.target);
      expect(await bindAgain('asked')).toMatch(/^La tabella collegata ha 1 righe modificate e non inviate/);
      expect(await pane.page.textContent('#reload-send')).toBe('Invia e collega');
      expect(await pane.press('#reload-cancel')).toBe(
        'Collegamento annullato: la tabella collegata e le sue modifiche restano come sono.',
      );
      expect(await actualOf(target.id)).toBe(target.target);
      expect(await pane.serverRows()).toEqual(before);
      expect(await tableNames()).toEqual([first]);
    },
  );

  pane.step('item 7 · "Invia e collega" sends the edit first, then rewrites the same table', async () => {
    await bindAgain('asked');
    expect(await pane.press('#reload-send')).toMatch(/Righe: \d+/);
    await pane.followBinding();
    expect(pane.table).toBe(first);
    expect(await tableNames()).toEqual([first]);
    expect((await pane.serverRows()).get(kept.id)?.actual?.raw).toBe(kept.target);
  });
});
