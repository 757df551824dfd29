/** A table's change events, turned into the body rows they touched: a hint only, the sync re-reads and diffs. */
import { rowsOfAddress } from '../workbook/address';
import type { ExcelRunner } from './runner';

/**
 * Listens to a table's changes; the function returned stops listening, in the request context the handler was
 * added in (Excel removes a handler only from there).
 */
export async function watchRows(
  run: ExcelRunner,
  name: string,
  listener: (rows: number[] | 'unknown') => void,
): Promise<() => Promise<void>> {
  const registration = await run(async (context) => {
    const table = context.workbook.tables.getItem(name);
    const handler = table.onChanged.add(async (event) => {
      try {
        listener(await changedBodyRows(run, name, event));
      } catch {
        // a hint lost is harmless: Sync diffs every row against its stored hash anyway
        listener('unknown');
      }
    });
    await context.sync();
    return { handler, context };
  });
  return async () => {
    await run(async (context) => {
      registration.handler.remove();
      await context.sync();
    }, registration.context);
  };
}

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
