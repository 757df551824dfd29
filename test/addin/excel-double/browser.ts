/**
 * Entry of the browser bundle the end-to-end test serves in place of office.js: defines window.Office and
 * window.Excel over an in-memory workbook, and exposes the double as window.__excelDouble so the test can type in
 * cells and read the sheet. Options come from window.__excelDoubleOptions, set before this script runs.
 */
import { type DoubleOptions, type ExcelDouble, createExcelDouble } from './index';

declare global {
  // what the end-to-end test and this script put on the page's window (the test reads them in page.evaluate)
  interface Window {
    __excelDoubleOptions?: DoubleOptions;
    __excelDouble: ExcelDouble;
  }
}

const double = createExcelDouble(window.__excelDoubleOptions ?? {});
// Object.assign, not typed assignments: the double implements only the part of office.js's Office and Excel the add-in uses
Object.assign(window, { Office: double.Office, Excel: double.Excel, __excelDouble: double });
