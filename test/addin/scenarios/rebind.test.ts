/**
 * "Collega questo foglio" pressed again on a workbook already bound (issue 12, item 7: a table is never orphaned):
 * the bound table is rewritten where it is, never a second table beside it; with edits not sent in it the pane asks
 * first, as Load again does (send first / discard / cancel), and nothing is touched before the answer. A table bound
 * before the cruscotto columns existed gets them when a sheet with cruscotti is bound into it.
 */
import { CRUSCOTTO_LAYOUT } from '@core/sheet/layout';
import { sondrioSheet } from '../../fixtures/seed-sheets';
import { typedBergamoSheet } from '../../helpers/bergamo-plan';
import { browserSuite, header, OPERATION_TIMEOUT_MS, usePane, SETUP_TIMEOUT_MS } from '../e2e-pane';
import { paneLeaks } from '../pane-italian';

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
  }, SETUP_TIMEOUT_MS);

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

/**
 * A workbook bound before the cruscotto columns existed: its table has the plan columns only. Binding a Bergamo sheet
 * typed with its cruscotti into it ("Collega questo foglio" again) used to rewrite the table without them, and the
 * lines lost their cruscotto; the table gets the columns it lacks, and every line keeps its place.
 */
suite('Collega questo foglio on a table bound without the cruscotto columns', () => {
  const pane = usePane();
  const cruscottoHeaders = CRUSCOTTO_LAYOUT.map((c) => c.it);

  beforeAll(() => pane.openBergamo2021(), SETUP_TIMEOUT_MS);

  pane.step(
    'item 7 · binding a sheet with cruscotti adds their columns to the bound table, every line in place',
    async () => {
      // the table as an add-in before the cruscotto columns bound it: plan rows, plan columns
      await pane.putSheet('Piano', await typedBergamoSheet(pane.api, pane.planId, 0));
      await pane.press('#bind');
      await pane.followBinding(await pane.press('#mapping-confirm'));
      const first = pane.table;
      expect((await pane.sheet()).headers).not.toEqual(expect.arrayContaining([header('dashboard')]));
      expect(await pane.press('#sync')).not.toMatch(/rifiutate|conflitto/);

      const typed = await typedBergamoSheet(pane.api, pane.planId, 2);
      await pane.putSheet('Cruscotti', typed);
      await pane.press('#bind');
      expect(await pane.press('#mapping-confirm')).toMatch(/Righe: \d+/);
      await pane.followBinding();
      expect(pane.table).toBe(first);
      const view = await pane.sheet();
      expect(view.headers).toEqual(expect.arrayContaining(cruscottoHeaders));
      // each cruscotto line as typed: its cruscotto, code, order, level in it and "Azione"
      const keys = ['dashboard', 'code', 'position', 'entryLevel', 'actionLabel'] as const;
      const line = (cells: (key: (typeof keys)[number]) => unknown) =>
        keys.map((k) => String(cells(k) ?? '')).join(' | ');
      const inTable = view.rows.map((row) => line((k) => row[pane.col(k)])).filter((l) => !l.startsWith(' | '));
      const inSheet = typed
        .slice(1)
        .map((row) => line((k) => row[typed[0].indexOf(header(k))]))
        .filter((l) => !l.startsWith(' | '));
      expect(inTable.length).toBeGreaterThan(10);
      expect(inTable).toEqual(inSheet);
      expect(view.rows.length).toBe(typed.length - 1);
      // they go out as the cruscotto lines they are: nothing refused, no DUPLICATE_CODE
      expect(await pane.press('#sync')).not.toMatch(/rifiutate|conflitto/);
      expect(await paneLeaks(pane.page)).toEqual({});
    },
  );
});
