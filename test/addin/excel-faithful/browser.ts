/**
 * Entry of the browser bundle the end-to-end tests serve in place of office.js: defines window.Office and
 * window.Excel over the faithful double, and exposes it as window.__excelDouble so a test can act in the grid and
 * look at the workbook. `user` speaks in tables (a body row and a header, as the tests think of a plan); `grid` is
 * the double's own user, by address. Options come from window.__excelDoubleOptions, set before this script runs.
 */
import { a1 } from '../../../addin/src/workbook/address';
import type { FunctionsMetadata } from './custom-functions';
import { type FaithfulOptions, createFaithfulExcel } from './index';
import type { SavedWorkbook, SheetModel } from './model';
import { levelOf, showOutlineLevels } from './outline';
import type { Locale, Scalar } from './values';
import { displayed } from './values';

export type BrowserDoubleOptions = FaithfulOptions & {
  documentUrl?: string;
  partitionKey?: string;
  /** the string double's names, still understood: `locale` and `excelApi` */
  displayLanguage?: Locale;
  apiVersion?: string;
  /** the add-in's custom functions as Excel reads them from the manifest: its namespace and metadata files */
  customFunctions?: { namespace: string; metadata: FunctionsMetadata[] };
  /** the workbook as last saved (model.saved()): the pane opens in it as in a file reopened */
  saved?: SavedWorkbook;
};

declare global {
  // what the end-to-end tests and this script put on the page's window (the tests read them in page.evaluate)
  interface Window {
    __excelDoubleOptions?: BrowserDoubleOptions;
    __excelDouble: BrowserDouble;
  }
}

function browserDouble(options: BrowserDoubleOptions) {
  const excel = createFaithfulExcel(
    {
      ...options,
      locale: options.locale ?? options.displayLanguage,
      excelApi: options.excelApi ?? options.apiVersion,
    },
    options.saved,
  );
  const { model } = excel;
  const office = excel.Office as typeof excel.Office & { context: { partitionKey?: string } };
  if (options.documentUrl) office.context.document.url = options.documentUrl;
  office.context.partitionKey = options.partitionKey;

  function locate(name: string, header: string) {
    const table = model.table(name);
    if (!table) throw new Error(`no table ${name}`);
    const index = table.headers().indexOf(header);
    if (index < 0) throw new Error(`table ${name} has no column ${header}`);
    return { table, column: table.column + index };
  }

  /** "'Piano 2022'!K5": the address of a body cell, as the double's user takes it */
  function address(name: string, row: number, header: string): string {
    const { table, column } = locate(name, header);
    if (row < 0 || row >= table.bodyRows) throw new Error(`row ${row} is outside table ${name}`);
    return `'${table.sheet.name}'!${a1(table.row + 1 + row, column, 1, 1)}`;
  }

  /** what a person types for a value: numbers with the locale's decimal mark, booleans as the locale's words */
  function typedText(value: Scalar): string {
    const italian = model.locale === 'it-IT';
    if (typeof value === 'number') return italian ? String(value).replace('.', ',') : String(value);
    if (typeof value === 'boolean') return italian ? (value ? 'VERO' : 'FALSO') : value ? 'TRUE' : 'FALSE';
    return value;
  }

  if (options.customFunctions)
    excel.functions.register(options.customFunctions.namespace, ...options.customFunctions.metadata);

  /** a table's headers and body, each body cell as `read` gives it from the table's sheet */
  function tableView<T>(name: string, read: (sheet: SheetModel, row: number, column: number) => T) {
    const table = model.table(name);
    if (!table) throw new Error(`no table ${name}`);
    const rows: T[][] = [];
    for (let r = 0; r < table.bodyRows; r++)
      rows.push(
        Array.from({ length: table.columns }, (_, c) => read(table.sheet, table.row + 1 + r, table.column + c)),
      );
    return { headers: table.headers(), rows, sheet: table.sheet.name };
  }

  const user = {
    /** clicks a sheet's tab: it becomes the active sheet, its A1 the selection */
    activate(sheet: string) {
      const found = model.sheet(sheet);
      if (!found) throw new Error(`no sheet ${sheet}`);
      model.activeSheet = found;
      model.selection = { sheet: found.name, rect: { row: 0, column: 0, rows: 1, columns: 1 } };
    },
    /** clicks a body cell of a table: it becomes the selection (Workbook.getSelectedRange) */
    select(name: string, row: number, header: string) {
      const { table, column } = locate(name, header);
      model.activeSheet = table.sheet;
      model.selection = { sheet: table.sheet.name, rect: { row: table.row + 1 + row, column, rows: 1, columns: 1 } };
    },
    /** a table's headers and body values (typed: numbers stay numbers) */
    table: (name: string) => tableView<Scalar>(name, (sheet, row, column) => sheet.value(row, column)),
    /** a table's body as the grid shows it (Range.text in the workbook's locale) */
    tableText: (name: string) =>
      tableView(name, (sheet, row, column) => {
        const cell = sheet.cell(row, column);
        return displayed(cell?.value ?? '', cell?.numberFormat ?? 'General', model.locale);
      }),
    cell(name: string, row: number, header: string) {
      const { table, column } = locate(name, header);
      const shown = excel.user.cell(address(name, row, header));
      const cell = table.sheet.cell(table.row + 1 + row, column);
      return {
        value: shown.value,
        text: shown.text,
        numberFormat: shown.numberFormat,
        fill: cell?.fill ?? null,
        hidden: table.sheet.decorations.hiddenColumns.includes(column),
      };
    },
    /**
     * each body row as the grid draws it: its outline level (the row groups at the sheet's left), whether it is
     * hidden, and the bold and indent of its cell under `header`
     */
    rowLook(name: string, header: string) {
      const { table, column } = locate(name, header);
      return Array.from({ length: table.bodyRows }, (_, i) => {
        const row = table.row + 1 + i;
        const cell = table.sheet.cell(row, column);
        return {
          outlineLevel: levelOf(table.sheet, row),
          hidden: table.sheet.hiddenRows.has(row),
          bold: cell?.bold ?? false,
          indent: cell?.indent ?? 0,
        };
      });
    },
    /** clicks the outline button `level` ("1", "2", … at the top left of the sheet's row headers) */
    outlineButton(sheet: string, level: number) {
      const found = model.sheet(sheet);
      if (!found) throw new Error(`no sheet ${sheet}`);
      showOutlineLevels(found, level);
    },
    /** types into a body cell and presses Enter: Excel reads the text in the workbook's locale */
    type(name: string, row: number, header: string, value: Scalar) {
      excel.user.type(address(name, row, header), typedText(value));
    },
    /** Ctrl+V of a cell copied from another workbook: its typed value and its number format replace the cell's */
    paste(name: string, row: number, header: string, value: Scalar, numberFormat: string) {
      excel.user.paste(address(name, row, header), [[{ value, numberFormat }]]);
    },
    /** the grid's own gestures, by table and header: rename a header, delete a column, lift a sheet's protection */
    renameHeader(name: string, from: string, to: string) {
      excel.user.renameHeader(name, from, to);
    },
    deleteColumn(name: string, header: string) {
      excel.user.deleteColumn(name, header);
    },
    moveColumn(name: string, header: string, to: number) {
      excel.user.moveColumn(name, header, to);
    },
    unprotect(sheet: string, password?: string) {
      excel.user.unprotect(sheet, password);
    },
    /** types a row just below the table: Excel's auto-expansion makes it a table row */
    appendRow(name: string, values: Record<string, Scalar>) {
      const table = model.table(name);
      if (!table) throw new Error(`no table ${name}`);
      excel.user.insertRows(name, table.bodyRows, 1);
      for (const [header, value] of Object.entries(values))
        excel.user.type(address(name, table.bodyRows - 1, header), typedText(value));
    },
  };

  return {
    Excel: excel.Excel,
    Office: office,
    CustomFunctions: excel.CustomFunctions,
    functions: excel.functions,
    ribbon: excel.ribbon,
    model,
    syncs: excel.syncs,
    user,
    grid: excel.user,
    settle: excel.settle,
  };
}

export type BrowserDouble = ReturnType<typeof browserDouble>;

const double = browserDouble(window.__excelDoubleOptions ?? {});
// Object.assign, not typed assignments: the double implements only the part of office.js's Office and Excel the add-in uses
Object.assign(window, {
  Office: double.Office,
  Excel: double.Excel,
  CustomFunctions: double.CustomFunctions,
  __excelDouble: double,
});
