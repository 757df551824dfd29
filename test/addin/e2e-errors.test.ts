/**
 * End to end, in headless Debian Chromium (the set-up is e2e-pane.ts), from a plan already connected and loaded: a
 * rejected cell in the error list, clicking it, putting it right → the token is nowhere in the workbook. Each step
 * checks both the database (over GraphQL) and the sheet. A step after a failed one stops at once, naming the step that
 * broke. The pane is photographed with the error list (/tmp/addin-pane-errors.png), to look at its layout.
 */
import type { Page } from 'playwright-core';
import { format } from '../../addin/src/i18n';
import { emptySummary } from '../../addin/src/sync/send';
import { SETTING } from '../../addin/src/sync/state';
import { syncedText } from '../../addin/src/taskpane/wording';
import { REJECTED_FILL } from '../../addin/src/sync/writer';
import type { LayoutColumnKey } from '@core/sheet/layout';
import type { TestServer } from '../helpers/server';
import { browserSuite, header, OPERATION_TIMEOUT_MS, status, ui, usePane, type Value } from './e2e-pane';

const SCREENSHOT_ERRORS = '/tmp/addin-pane-errors.png';

const suite = browserSuite('e2e-errors');

suite('the add-in in a browser against the real server', () => {
  const pane = usePane();
  let page: Page;
  let api: TestServer;
  beforeAll(async () => {
    ({ page, api } = pane);
    await pane.connectAndLoad();
  });
  const { step, sheet, settings, typeInCell, rowOf, press, serverRows, editableIndicators, expectSoon } = pane;
  const col = (key: LayoutColumnKey) => pane.col(key);
  // what the steps learn and hand on
  let rejected: { id: string; position: number; weight: Value } = { id: '', position: -1, weight: '' };

  // ------------------------------------------------------------------ a rejected cell, and where the token is

  step('lists a rejected cell with its row, column and reason; clicking it selects the cell', async () => {
    const candidate = editableIndicators(await sheet()).find((r) => String(r.row[col('weight')]).trim() !== '');
    if (!candidate) throw new Error('no indicator with a weight to spoil');
    rejected = { id: candidate.id, position: candidate.position, weight: candidate.row[col('weight')] };
    const before = (await serverRows()).get(rejected.id)!;
    await typeInCell(rejected.position, 'weight', 'molto');

    // the server refuses the row; it stays waiting in the sheet
    expect(await press('#sync')).toBe(syncedText({ ...emptySummary(), sent: 1, rejected: 1, pending: 1 }, 'it', ''));
    // nothing of the row reached the database
    const after = (await serverRows()).get(rejected.id)!;
    expect({ weight: after.weight, rowVersion: after.rowVersion }).toEqual({
      weight: before.weight,
      rowVersion: before.rowVersion,
    });

    const row = rowOf(await sheet(), rejected.id);
    expect(row[col('weight')]).toBe('molto');
    expect(row[col('syncStatus')]).toBe(status.REJECTED);
    const reason = String(row[col('syncMessage')]);
    expect(reason).toContain(header('weight'));
    const cell = await page.evaluate(([name, r, h]) => window.__excelDouble.user.cell(name, r, h), [
      pane.table,
      rejected.position,
      header('weight'),
    ] as const);
    expect(cell.fill).toBe(REJECTED_FILL);

    // the error names the row as Excel numbers it, the column by its header, and the server's reason
    const geometry = await page.evaluate(
      ([name, h]) => {
        const t = window.__excelDouble.model.table(name);
        if (!t) throw new Error(`no table ${name} in the workbook`);
        return { sheet: t.sheet.name, firstBodyRow: t.row + 1, column: t.column + t.headers().indexOf(h) };
      },
      [pane.table, header('weight')] as const,
    );
    const sheetRow = geometry.firstBodyRow + rejected.position;
    expect(await page.isVisible('#errors')).toBe(true);
    const items = await page.$$eval('#error-list button', (bs) => bs.map((b) => b.textContent ?? ''));
    expect(items).toHaveLength(1);
    const prefix = format(ui.errorItem, { row: sheetRow + 1, header: header('weight'), message: '' });
    expect(items[0].slice(0, prefix.length)).toBe(prefix);
    const message = items[0].slice(prefix.length);
    expect(message.trim()).not.toBe('');
    expect(reason).toContain(message);
    await page.screenshot({ path: SCREENSHOT_ERRORS, fullPage: true });

    // the user looks elsewhere, then clicks the error: Excel selects the rejected cell
    await page.evaluate(() => {
      window.__excelDouble.model.selection = null;
    });
    await page.click('#error-list button');
    const where = await expectSoon('selecting the rejected cell after a click on its error', () =>
      page.waitForFunction(() => window.__excelDouble.model.selection, undefined, { timeout: OPERATION_TIMEOUT_MS }),
    );
    expect(await where.jsonValue()).toEqual({
      sheet: geometry.sheet,
      rect: { row: sheetRow, column: geometry.column, rows: 1, columns: 1 },
    });

    // put back as it was and synced again: the error goes, the fill goes, the row is in step again
    await typeInCell(rejected.position, 'weight', String(rejected.weight));
    expect(await press('#sync')).toBe(syncedText({ ...emptySummary(), sent: 1, unchanged: 1 }, 'it', ''));
    expect(await page.isHidden('#errors')).toBe(true);
    const fixed = rowOf(await sheet(), rejected.id);
    expect(fixed[col('syncStatus')]).toBe(status.UNCHANGED);
    // the refusal is gone; what stays is why the row has no score when it has none (addin/src/sync/score-reason.ts)
    expect(String(fixed[col('syncMessage')])).toMatch(
      typeof fixed[col('realization')] === 'number' ? /^$/ : /^non valutabile: /,
    );
    const refilled = await page.evaluate(([name, r, h]) => window.__excelDouble.user.cell(name, r, h), [
      pane.table,
      rejected.position,
      header('weight'),
    ] as const);
    expect(refilled.fill).toBeNull();
  });

  step('keeps the token in the browser only: never in the workbook settings or cells', async () => {
    const stored = await settings();
    expect(Object.keys(stored)).toContain(SETTING.binding);
    // the assertions name where the token leaked, never print it
    const leakingSettings = Object.entries(stored)
      .filter(([, value]) => JSON.stringify(value).includes(api.token))
      .map(([key]) => key);
    expect({ settingsHoldingTheToken: leakingSettings }).toEqual({ settingsHoldingTheToken: [] });
    const leakingSheets = await page.evaluate(
      (token) =>
        window.__excelDouble.model.sheets
          .filter((s: { cells: Map<string, { value: unknown; formula: string | null }> }) =>
            [...s.cells.values()].some((c) => `${String(c.value)} ${c.formula ?? ''}`.includes(token)),
          )
          .map((s: { name: string }) => s.name),
      api.token,
    );
    expect({ sheetsHoldingTheToken: leakingSheets }).toEqual({ sheetsHoldingTheToken: [] });
    expect(pane.pageErrors).toEqual([]);
  });
});
