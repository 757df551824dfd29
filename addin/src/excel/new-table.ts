/** A new table written in one go: header and rows as a block, then the table, its style and its columns' setup. */
import type { Cell, ColumnSetup } from '../workbook/port';
import { jsonBytes, packBySize } from '../workbook/chunks';
import type { Geometry } from './geometry';
import { type ApiSupport, suspendScreen } from './runner';

/** Excel column widths are in points; a character of the default font is about 5.6 points wide. */
const POINTS_PER_CHARACTER = 5.6;

export async function writeNewTable(
  context: Excel.RequestContext,
  target: { sheetName: string; name: string; columns: ColumnSetup[]; rows: Cell[][] },
  budget: number,
  supports: ApiSupport,
): Promise<string[]> {
  const { sheetName, name, columns, rows } = target;
  const width = columns.length;
  const formats = columns.map((c) => c.numberFormat ?? 'General');
  const existing = context.workbook.worksheets.getItemOrNullObject(sheetName);
  await context.sync();
  const sheet = existing.isNullObject ? context.workbook.worksheets.add(sheetName) : existing;
  // header and rows are written before the table exists: a table grows row by row, a range takes a block at once
  const all: Cell[][] = [columns.map((c) => c.header), ...rows];
  const sizes = all.map((row) => jsonBytes(row) + jsonBytes(formats));
  for (const [start, end] of packBySize(sizes, budget)) {
    const range = sheet.getRangeByIndexes(start, 0, end - start, width);
    // formats first: a text-formatted cell keeps "3,25%" as typed instead of Excel's reading of it
    range.numberFormat = all.slice(start, end).map((_, i) => (start + i === 0 ? formats.map(() => '@') : formats));
    range.values = all.slice(start, end);
    suspendScreen(context, supports);
    await context.sync();
  }
  const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, Math.max(2, all.length), width), true);
  table.name = name;
  table.style = 'TableStyleMedium2';
  columns.forEach((column, index) => setUp(table.columns.getItemAt(index), column, supports));
  sheet.freezePanes.freezeRows(1);
  sheet.activate();
  // the columns' ids come back with the last request: the binding names its columns by them from the start
  const ids = table.columns.load('items/id');
  await context.sync();
  return ids.items.map((c) => String(c.id));
}

/** a column's width, visibility and dropdown, as a new table gets them */
function setUp(tableColumn: Excel.TableColumn, column: ColumnSetup, supports: ApiSupport): void {
  if (column.width) tableColumn.getRange().format.columnWidth = Math.round(column.width * POINTS_PER_CHARACTER);
  if (column.hidden) tableColumn.getRange().columnHidden = true;
  if (column.list && supports('1.8')) {
    tableColumn.getDataBodyRange().dataValidation.rule = {
      list: { inCellDropDown: true, source: column.list.join(',') },
    };
  }
}

/**
 * Columns added at the right end of a bound table (a table bound before its plan had cruscotti gets their columns):
 * each with its header, its body formatted before anything is written in it (a text column keeps "3,25%" as typed),
 * and set up as a new table's columns are. Returns their TableColumn.id.
 */
export async function addTableColumns(
  context: Excel.RequestContext,
  geometry: Geometry,
  columns: ColumnSetup[],
  supports: ApiSupport,
): Promise<string[]> {
  const added = columns.map((column) => {
    const tableColumn = geometry.table.columns.add(undefined, undefined, column.header);
    if (geometry.rowCount > 0)
      tableColumn.getDataBodyRange().numberFormat = Array.from({ length: geometry.rowCount }, () => [
        column.numberFormat ?? 'General',
      ]);
    setUp(tableColumn, column, supports);
    return tableColumn.load('id');
  });
  await context.sync();
  return added.map((c) => String(c.id));
}
