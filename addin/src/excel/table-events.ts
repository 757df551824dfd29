/** Turns a table's change event into the body rows it touched: a hint only, the sync re-reads and diffs. */
import { rowsOfAddress } from '../workbook/address';
import type { ExcelRunner } from './excel-workbook';

export async function changedBodyRows(
  run: ExcelRunner,
  table: string,
  event: Excel.TableChangedEventArgs,
): Promise<number[] | 'unknown'> {
  // inserted, deleted or sorted rows move positions: only a full re-read knows where rows went
  if (event.changeType !== 'RangeEdited') return 'unknown';
  const rows = rowsOfAddress(event.address);
  if (!rows) return 'unknown';
  const headerRow = await run(async (context) => {
    const header = context.workbook.tables.getItem(table).getHeaderRowRange().load('rowIndex');
    await context.sync();
    return header.rowIndex;
  });
  // an edited header changes the column mapping itself
  if (rows.firstRow <= headerRow) return 'unknown';
  const out: number[] = [];
  for (let row = rows.firstRow; row <= rows.lastRow; row++) out.push(row - headerRow - 1);
  return out;
}
