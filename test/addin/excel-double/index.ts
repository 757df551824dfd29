/**
 * The Office/Excel test double: `createExcelDouble()` gives an `Excel` and an `Office` global backed by an in-memory
 * WorkbookModel, the statistics of every context.sync(), and `user` — what a person does in the grid (type in a
 * cell, add a row), raising the events Excel raises. Jest installs it on globalThis; the browser bundle on window.
 */
import { type DoubleStats, FakeContext, fireTableChanged, newStats } from './context';
import { typed } from './range';
import { type Value, WorkbookModel } from './model';

export type DoubleOptions = {
  /** highest ExcelApi requirement set answered true (default 1.17) */
  apiVersion?: string;
  displayLanguage?: string;
  /** Office.context.partitionKey (undefined outside partitioned hosts) */
  partitionKey?: string;
  documentUrl?: string;
};

export type ExcelDouble = ReturnType<typeof createExcelDouble>;

type Batch<T> = (context: FakeContext) => Promise<T>;

function versionAtMost(asked: string, available: string): boolean {
  const [a1, a2] = asked.split('.').map(Number);
  const [b1, b2] = available.split('.').map(Number);
  return a1 < b1 || (a1 === b1 && (a2 || 0) <= (b2 || 0));
}

export function createExcelDouble(options: DoubleOptions = {}) {
  const model = new WorkbookModel();
  const stats: DoubleStats = newStats();
  const apiVersion = options.apiVersion ?? '1.17';

  async function run<T>(first: Batch<T> | FakeContext | object, second?: Batch<T>): Promise<T> {
    const batch = (typeof first === 'function' ? first : second) as Batch<T>;
    const context = first instanceof FakeContext ? first : new FakeContext(model, stats);
    const result = await batch(context);
    // Excel.run sends what is still queued when the batch returns
    if (context.pending > 0) await context.sync();
    return result;
  }

  const Excel = { run, RequestContext: FakeContext };

  const Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    context: {
      displayLanguage: options.displayLanguage ?? 'it-IT',
      contentLanguage: options.displayLanguage ?? 'it-IT',
      partitionKey: options.partitionKey,
      document: { url: options.documentUrl ?? 'Piano.xlsx' },
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === 'ExcelApi' && versionAtMost(version ?? '1.1', apiVersion),
      },
    },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
  };

  /** what a person does in the grid, with the events Excel raises for it */
  const user = {
    table(name: string) {
      const table = model.table(name);
      if (!table) throw new Error(`no table ${name}`);
      return { headers: table.headers(), rows: table.body(), sheet: table.sheet.name };
    },
    cell(name: string, row: number, header: string) {
      const { table, column } = locate(name, header);
      const cell = table.sheet.cell(table.row + 1 + row, column);
      return {
        value: cell?.value ?? '',
        fill: cell?.fill ?? null,
        numberFormat: cell?.numberFormat ?? 'General',
        hidden: table.sheet.hiddenColumns.has(column),
      };
    },
    /** types a value into a body cell, as the Excel grid would store it */
    type(name: string, row: number, header: string, value: Value) {
      const { table, column } = locate(name, header);
      if (row < 0 || row >= table.bodyRows) throw new Error(`row ${row} is outside table ${name}`);
      const cell = table.sheet.touch(table.row + 1 + row, column);
      cell.value = typed(value, cell.numberFormat);
      if (model.eventsEnabled)
        fireTableChanged(model, table, 'RangeEdited', { row: table.row + 1 + row, column, rows: 1, columns: 1 });
    },
    /** types a new header over a table column's header cell (the same op as the faithful double's user) */
    renameHeader(name: string, from: string, to: string) {
      const { table, column } = locate(name, from);
      table.sheet.touch(table.row, column).value = to;
      if (model.eventsEnabled)
        fireTableChanged(model, table, 'RangeEdited', { row: table.row, column, rows: 1, columns: 1 });
    },
    /** right-click a column → Delete → Table Columns: the cells to its right move left (the faithful double needs the same op) */
    deleteColumn(name: string, header: string) {
      const { table, column } = locate(name, header);
      const last = table.column + table.columns - 1;
      for (let r = table.row; r <= table.row + table.bodyRows; r++) {
        const line = table.sheet.cells.get(r);
        if (!line) continue;
        for (let c = column; c < last; c++) {
          const right = line.get(c + 1);
          if (right) line.set(c, right);
          else line.delete(c);
        }
        line.delete(last);
      }
      const hidden = [...table.sheet.hiddenColumns].filter((c) => c !== column).map((c) => (c > column ? c - 1 : c));
      table.sheet.hiddenColumns.clear();
      for (const c of hidden) table.sheet.hiddenColumns.add(c);
      table.columns--;
      if (model.eventsEnabled)
        fireTableChanged(model, table, 'ColumnDeleted', {
          row: table.row,
          column,
          rows: table.bodyRows + 1,
          columns: 1,
        });
    },
    /** types a row just below the table: Excel's auto-expansion makes it a table row */
    appendRow(name: string, values: Record<string, Value>) {
      const table = model.table(name);
      if (!table) throw new Error(`no table ${name}`);
      const headers = table.headers();
      const row = table.row + 1 + table.bodyRows;
      headers.forEach((header, c) => {
        const above = table.sheet.cell(row - 1, table.column + c);
        const cell = table.sheet.touch(row, table.column + c);
        cell.numberFormat = above?.numberFormat ?? 'General';
        cell.value = typed(values[header] ?? '', cell.numberFormat);
      });
      table.bodyRows++;
      if (model.eventsEnabled)
        fireTableChanged(model, table, 'RowInserted', { row, column: table.column, rows: 1, columns: table.columns });
    },
  };

  function locate(name: string, header: string) {
    const table = model.table(name);
    if (!table) throw new Error(`no table ${name}`);
    const index = table.headers().indexOf(header);
    if (index < 0) throw new Error(`table ${name} has no column ${header}`);
    return { table, column: table.column + index };
  }

  /** resolves once every change event raised so far has been handled, including the events that handling raised */
  async function eventsHandled(): Promise<void> {
    while (model.deliveries.size > 0) await Promise.all([...model.deliveries]);
  }

  return { Excel, Office, model, stats, user, eventsHandled };
}

/** Makes the double the global Office and Excel (Jest); returns a function restoring what was there. */
export function installExcelDouble(double: ExcelDouble): () => void {
  const globals = globalThis as Record<string, unknown>;
  const before = { Excel: globals.Excel, Office: globals.Office };
  globals.Excel = double.Excel;
  globals.Office = double.Office;
  return () => {
    globals.Excel = before.Excel;
    globals.Office = before.Office;
  };
}
