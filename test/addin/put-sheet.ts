import type { Page } from 'playwright-core';

/**
 * Puts a sheet the user already keeps (e.g. a seed-shaped table, test/fixtures/seed-sheets.ts) into the browser
 * workbook and makes it the active sheet, through the Office.js surface both Excel doubles offer (worksheets.add,
 * Range.values, activate), as the user's own typing would leave it.
 */
export async function putSheetIn(page: Page, name: string, grid: string[][]): Promise<void> {
  const width = Math.max(...grid.map((r) => r.length));
  const cells = grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  let column = '';
  for (let n = width; n > 0; n = Math.floor((n - 1) / 26)) column = String.fromCharCode(65 + ((n - 1) % 26)) + column;
  await page.evaluate(
    async ([sheetName, address, values]) => {
      await Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.add(sheetName);
        sheet.getRange(address).values = values;
        sheet.activate();
        await context.sync();
      });
    },
    [name, `A1:${column}${cells.length}`, cells] as const,
  );
}
