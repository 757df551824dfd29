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

/** What a table's geometry is read from, queued on `table` (one request with whatever else rides along). */
function queueShape(table: Excel.Table) {
  return {
    sheet: table.worksheet.load('name'),
    header: table.getHeaderRowRange().load('values,rowIndex,columnIndex'),
    rows: table.rows.load('count'),
    // in the same request: the ids cost no round trip (TableColumn.id, ExcelApi 1.1)
    columns: table.columns.load('items/id'),
  };
}

function geometryOf(name: string, table: Excel.Table, shape: ReturnType<typeof queueShape>): Geometry {
  return {
    name,
    table,
    sheet: shape.sheet,
    sheetName: shape.sheet.name,
    headers: shape.header.values[0].map((h) => String(h)),
    columnIds: shape.columns.items.map((c) => String(c.id)),
    top: shape.header.rowIndex + 1,
    left: shape.header.columnIndex,
    rowCount: shape.rows.count,
  };
}

/**
 * The table's position and headers, or null when the workbook has none of that name (two requests: one to learn
 * whether it exists, one for its shape; a null object's navigation is not used, its behaviour is not documented).
 */
export async function locate(context: Excel.RequestContext, name: string): Promise<Geometry | null> {
  const table = context.workbook.tables.getItemOrNullObject(name);
  await context.sync();
  if (table.isNullObject) return null;
  const shape = queueShape(table);
  await context.sync();
  return geometryOf(name, table, shape);
}

/**
 * The table's position and headers where it must exist (every write): one request, with whatever the caller queued
 * before. A missing table is Excel's ItemNotFound, said as the same error `locate` leads to.
 */
export async function mustLocate(context: Excel.RequestContext, name: string): Promise<Geometry> {
  const table = context.workbook.tables.getItem(name);
  const shape = queueShape(table);
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: string }).code === 'ItemNotFound') throw new Error(`the workbook has no table "${name}"`);
    throw error;
  }
  return geometryOf(name, table, shape);
}

export function columnIndex(geometry: Geometry, header: string): number {
  const index = geometry.headers.indexOf(header);
  if (index < 0) throw new Error(`table "${geometry.name}" has no column "${header}"`);
  return index;
}
