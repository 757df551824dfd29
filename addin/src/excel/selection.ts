/**
 * Where the user's selection is (its sheet and first cell), for "Perché?" and "Cronologia": they are about the row
 * the user is on. Workbook.getSelectedRange is ExcelApi 1.1; the sheet is read from the range's address.
 */
import { splitAddress } from './provisional-mark';
import type { ExcelHost } from './runner';

export type SelectedCell = { sheet: string; row: number; column: number };

export async function selectedCell(excel: ExcelHost = Excel): Promise<SelectedCell> {
  return excel.run(async (context: Excel.RequestContext) => {
    const range = context.workbook.getSelectedRange();
    range.load(['address', 'rowIndex', 'columnIndex']);
    await context.sync();
    return { sheet: splitAddress(range.address).sheet, row: range.rowIndex, column: range.columnIndex };
  });
}
