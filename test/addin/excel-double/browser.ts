/**
 * Entry of the browser bundle the end-to-end test serves in place of office.js: defines window.Office and
 * window.Excel over an in-memory workbook, and exposes the double as window.__excelDouble so the test can type in
 * cells and read the sheet. Options come from window.__excelDoubleOptions, set before this script runs.
 */
import { type DoubleOptions, createExcelDouble } from './index';

const globals = window as unknown as Record<string, unknown>;
const double = createExcelDouble((globals.__excelDoubleOptions as DoubleOptions | undefined) ?? {});
globals.Office = double.Office;
globals.Excel = double.Excel;
globals.__excelDouble = double;
