/**
 * Several bindings per workbook (issue 18, item 7): a 31/12 sheet and a 30/6 sheet of the Sondrio plan in one
 * workbook, each kept in the workbook's settings with its own merge base; the pane lists them and marks the active
 * one (the selected sheet's), Sync and Aggiorna act on that one only; reopening the workbook finds both again (and
 * the "Mostra le modifiche prima di inviare" choice); "Scollega" forgets one binding and removes its merge base.
 */
import type { Page } from 'playwright-core';
import { format } from '../../../addin/src/i18n';
import { baseNames } from '../../../addin/src/sync/base';
import { SETTING } from '../../../addin/src/sync/state';
import { bindingsWords } from '../../../addin/src/taskpane/bindings-words';
import { browserSuite, ui, usePane, OPERATION_TIMEOUT_MS, SETUP_TIMEOUT_MS } from '../e2e-pane';
import { reopenWorkbook } from './reopen-workbook';

const words = bindingsWords.it;

browserSuite('scenarios/bindings')('several bindings per workbook', () => {
  const pane = usePane();
  let page: Page;
  const yearEnd = { table: '', sheet: '', position: -1, id: '', typed: '' };
  const midYear = { table: '', sheet: '', position: -1, id: '', typed: '' };
  beforeAll(async () => {
    page = pane.page;
    await pane.connectAndLoad();
  }, SETUP_TIMEOUT_MS);
  const { step, sheet, typeInCell, press, editableIndicators } = pane;

  /** the server's actual of a row at a checkpoint (2022) */
  const serverActual = async (checkpoint: 'YEAR_END' | 'MID_YEAR', rowId: string): Promise<string | null> => {
    const answer = await pane.api.gql(
      `query($planId: ID!, $checkpoint: Checkpoint!) { sheetRows(planId: $planId, year: 2022, checkpoint: $checkpoint) {
        rows { rowId actual { raw } } } }`,
      { planId: pane.planId, checkpoint },
    );
    expect(answer.errors).toBeUndefined();
    const rows = answer.data.sheetRows.rows as Array<{ rowId: string; actual: { raw: string } | null }>;
    return rows.find((r) => r.rowId === rowId)?.actual?.raw ?? null;
  };

  /** the bindings the pane lists: [table, whether marked active] */
  const listed = (): Promise<Array<[string, boolean]>> =>
    page.$$eval('#binding-list li[data-table]', (items) =>
      items.map((li) => [(li as HTMLElement).dataset.table ?? '', li.getAttribute('aria-current') === 'true']),
    ) as Promise<Array<[string, boolean]>>;

  /** the user clicks a sheet's tab; the pane marks that sheet's binding active */
  const selectSheet = async (which: { table: string; sheet: string }) => {
    await page.evaluate((name) => window.__excelDouble.user.activate(name), which.sheet);
    await page.waitForSelector(`#binding-list li[aria-current="true"][data-table="${which.table}"]`, {
      timeout: OPERATION_TIMEOUT_MS,
    });
  };

  const sheetNames = (): Promise<Array<[string, string]>> =>
    page.evaluate(() => window.__excelDouble.model.sheets.map((s) => [s.name, s.visibility] as [string, string]));

  step(
    'item 7 · "Nuovo collegamento" then Carica at 30/6 writes a second table on its own sheet with its own merge base; the pane lists both, the new one active',
    async () => {
      Object.assign(yearEnd, { table: pane.table, sheet: (await sheet()).sheet });
      expect(await listed()).toEqual([[yearEnd.table, true]]);
      expect(await press('#binding-add')).toBe(words.added);
      // the selected sheet has no binding yet, the workbook has one: the status line says which, not "no plan bound"
      expect(await page.textContent('#binding')).toBe(ui.notBoundSheet);
      await page.selectOption('#checkpoint', 'MID_YEAR');
      const said = await press('#load');
      const settings = await pane.settings();
      expect(JSON.parse(String(settings[SETTING.bindings]))).toEqual(['', 'b2']);
      const second = JSON.parse(String(settings[`${SETTING.binding}@b2`])).binding;
      expect(second.checkpoint).toBe('MID_YEAR');
      expect(said).toContain(second.table);
      Object.assign(midYear, { table: second.table, sheet: second.sheet });
      expect(midYear.sheet).not.toBe(yearEnd.sheet);
      expect(await listed()).toEqual([
        [yearEnd.table, false],
        [midYear.table, true],
      ]);
      const sheets = new Map(await sheetNames());
      expect(sheets.get(baseNames(yearEnd.table).sheet)).toBe('VeryHidden');
      expect(sheets.get(baseNames(midYear.table).sheet)).toBe('VeryHidden');
    },
  );

  step(
    "item 7 · a click on a binding in the pane's list activates its sheet in the workbook (Excel's Worksheet.activate), and that binding",
    async () => {
      const activeSheet = () => page.evaluate(() => window.__excelDouble.model.activeSheet?.name ?? null);
      expect(await activeSheet()).not.toBe(yearEnd.sheet);
      for (const which of [yearEnd, midYear]) {
        await page.click(`#binding-list li[data-table="${which.table}"] button.binding-show`);
        await page.waitForSelector(`#binding-list li[aria-current="true"][data-table="${which.table}"]`, {
          timeout: OPERATION_TIMEOUT_MS,
        });
        expect(await activeSheet()).toBe(which.sheet);
        expect(await page.textContent('#summary')).toBe(format(words.switched, { sheet: which.sheet }));
      }
    },
  );

  step(
    'item 7 · an edit on each sheet; Sync on the 31/12 sheet sends its edit only, the 30/6 edit waits for its own Sync',
    async () => {
      pane.table = yearEnd.table;
      const [first, second] = editableIndicators(await sheet());
      Object.assign(yearEnd, { position: first.position, id: first.id, typed: first.target });
      await typeInCell(first.position, 'actual', first.target);
      // on the 30/6 sheet, another indicator's actual: its year-end target is a value of the kind it takes
      pane.table = midYear.table;
      const mid = await sheet();
      const position = mid.rows.findIndex((r) => String(r[pane.col('rowId')]) === second.id);
      expect(String(mid.rows[position][pane.col('actual')]).trim()).not.toBe(second.target);
      Object.assign(midYear, { position, id: second.id, typed: second.target });
      await typeInCell(position, 'actual', second.target);

      await selectSheet(yearEnd);
      await press('#sync');
      expect(await serverActual('YEAR_END', yearEnd.id)).toBe(yearEnd.typed);
      expect(await serverActual('MID_YEAR', midYear.id)).not.toBe(midYear.typed);
    },
  );

  step(
    'item 7 · Aggiorna on the 30/6 sheet refreshes that binding, its edit kept and still counted to send',
    async () => {
      await selectSheet(midYear);
      const said = await press('#refresh');
      expect(said).toMatch(/conflitti: 0/);
      pane.table = midYear.table;
      expect(String((await sheet()).rows[midYear.position][pane.col('actual')])).toBe(midYear.typed);
      await page.waitForSelector('#pending:not([hidden])', { timeout: OPERATION_TIMEOUT_MS });
      expect(await page.textContent('#pending')).toBe(format(ui.toSend, { count: 1 }));
    },
  );

  step(
    'item 7 · the workbook reopened finds both bindings (and the preview choice) in its settings; Sync on the 30/6 sheet sends its edit',
    async () => {
      await page.check('#preview-first');
      await page.waitForFunction(
        () => window.__excelDouble.model.settings.get('cruscotto.previewFirst') === 'true',
        undefined,
        { timeout: OPERATION_TIMEOUT_MS },
      );
      await reopenWorkbook(page, pane.paneUrl);
      expect((await listed()).map(([table]) => table)).toEqual([yearEnd.table, midYear.table]);
      expect(await page.isChecked('#preview-first')).toBe(true);
      await page.uncheck('#preview-first');

      await selectSheet(midYear);
      await press('#sync');
      expect(await serverActual('MID_YEAR', midYear.id)).toBe(midYear.typed);
      expect(await page.isHidden('#pending')).toBe(true);
    },
  );

  step(
    'item 7 · "Scollega" on the 31/12 sheet forgets that binding and removes its hidden merge base; its table stays, the 30/6 binding goes on',
    async () => {
      await selectSheet(yearEnd);
      expect(await press('#binding-remove')).toBe(format(words.removed, { table: yearEnd.table }));
      const sheets = new Map(await sheetNames());
      expect(sheets.has(baseNames(yearEnd.table).sheet)).toBe(false);
      expect(sheets.get(baseNames(midYear.table).sheet)).toBe('VeryHidden');
      expect(await page.evaluate((t) => Boolean(window.__excelDouble.model.table(t)), yearEnd.table)).toBe(true);
      expect(await listed()).toEqual([[midYear.table, true]]);
      const settings = await pane.settings();
      expect(settings[SETTING.binding]).toBeUndefined();
      expect(JSON.parse(String(settings[SETTING.bindings]))).toEqual(['b2']);
    },
  );
});
