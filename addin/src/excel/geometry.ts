/** Where a table sits on its sheet, learnt once per operation. */

/** Where a table's body sits, read once per operation. */
export type Geometry = {
  name: string;
  table: Excel.Table;
  sheet: Excel.Worksheet;
  sheetName: string;
  headers: string[];
  /** Excel's TableColumn.id of each column, in the order of `headers` (sync/column-identity.ts) */
  columnIds: string[];
  /** sheet row / column of the first body cell (0-based) */
  top: number;
  left: number;
  rowCount: number;
};

/** The table's position and headers (two requests: one to learn whether it exists, one for its shape). */
export async function locate(context: Excel.RequestContext, name: string): Promise<Geometry | null> {
  const table = context.workbook.tables.getItemOrNullObject(name);
  await context.sync();
  if (table.isNullObject) return null;
  const sheet = table.worksheet.load('name');
  const header = table.getHeaderRowRange().load('values,rowIndex,columnIndex');
  const rows = table.rows.load('count');
  // in the same request: the ids cost no round trip (TableColumn.id, ExcelApi 1.1)
  const columns = table.columns.load('items/id');
  await context.sync();
  return {
    name,
    table,
    sheet,
    sheetName: sheet.name,
    headers: header.values[0].map((h) => String(h)),
    columnIds: columns.items.map((c) => String(c.id)),
    top: header.rowIndex + 1,
    left: header.columnIndex,
    rowCount: rows.count,
  };
}

export async function mustLocate(context: Excel.RequestContext, name: string): Promise<Geometry> {
  const geometry = await locate(context, name);
  if (!geometry) throw new Error(`the workbook has no table "${name}"`);
  return geometry;
}

export function columnIndex(geometry: Geometry, header: string): number {
  const index = geometry.headers.indexOf(header);
  if (index < 0) throw new Error(`table "${geometry.name}" has no column "${header}"`);
  return index;
}
