/**
 * Reads an untrusted .xlsx into plain grids of cell texts, within caps: file bytes, inflated bytes (zip-guard),
 * sheets, rows and columns. Formulas are never evaluated: a formula cell keeps its formula text and the value Excel
 * last cached, and the importer refuses it (FORMULA_NOT_ALLOWED), citing the cached value only as evidence.
 */
import ExcelJS from 'exceljs';
import { InputError } from '../errors';
import { LIMITS } from '@core/sheet/row';
import { inspectZip } from './zip-guard';

export type WorkbookLimits = {
  /** bytes of the uploaded file */
  maxBytes: number;
  /** bytes once every part is inflated */
  maxUncompressedBytes: number;
  maxEntries: number;
  maxSheets: number;
  /** rows of the sheet that is imported (header rows included): one sync batch */
  maxRows: number;
  maxColumns: number;
};

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = {
  maxBytes: LIMITS.bytesPerRequest,
  maxUncompressedBytes: 64 * 1024 * 1024,
  maxEntries: 500,
  maxSheets: 30,
  maxRows: LIMITS.rowsPerBatch + 10,
  maxColumns: 200,
};

export type GridCell = {
  text: string;
  /** the formula, without "=", when the cell holds one */
  formula?: string;
  /** what Excel last computed for the formula (evidence only: never used as the value) */
  cached?: string;
};

export type SheetGrid = { name: string; state: string; cells: GridCell[][]; tables: string[] };

export type WorkbookGrid = { sheets: SheetGrid[] };

const refuse = (code: string, message: string) => InputError.of('file', code, message);

export async function readWorkbook(
  buffer: Buffer,
  limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
): Promise<WorkbookGrid> {
  if (buffer.length === 0) throw refuse('EMPTY_FILE', 'the file is empty');
  if (buffer.length > limits.maxBytes) {
    throw refuse(
      'TOO_LARGE',
      `the file is ${formatBytes(buffer.length)}; at most ${formatBytes(limits.maxBytes)} is accepted`,
    );
  }
  inspectZip(buffer, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer);
  } catch {
    throw refuse('NOT_XLSX', 'the file cannot be read as an .xlsx workbook');
  }
  if (workbook.worksheets.length > limits.maxSheets) {
    throw refuse(
      'TOO_MANY_SHEETS',
      `the workbook has ${workbook.worksheets.length} sheets; at most ${limits.maxSheets} are accepted`,
    );
  }
  return { sheets: workbook.worksheets.map((ws) => readSheet(ws, limits)) };
}

function readSheet(ws: ExcelJS.Worksheet, limits: WorkbookLimits): SheetGrid {
  const tables = Object.keys(ws.tables ?? {});
  const sheet: SheetGrid = { name: ws.name, state: ws.state, cells: [], tables };
  if (ws.actualRowCount === 0) return sheet;
  if (ws.rowCount > limits.maxRows) {
    throw refuse(
      'TOO_MANY_ROWS',
      `sheet "${ws.name}" has ${ws.rowCount} rows; at most ${limits.maxRows} are accepted (split the plan into several files)`,
    );
  }
  if (ws.columnCount > limits.maxColumns) {
    throw refuse(
      'TOO_MANY_COLUMNS',
      `sheet "${ws.name}" has ${ws.columnCount} columns; at most ${limits.maxColumns} are accepted`,
    );
  }
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: GridCell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(gridCell(row.getCell(c)));
    sheet.cells.push(cells);
  }
  return sheet;
}

function gridCell(cell: ExcelJS.Cell): GridCell {
  const value = cell.value as unknown;
  if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const f = value as { formula?: string; sharedFormula?: string; result?: unknown };
    // a shared formula's other cells carry only the master's address; the master's text is what the user typed
    const formula = f.formula ?? cell.formula ?? f.sharedFormula ?? '';
    return { text: `=${formula}`, formula, cached: f.result === undefined ? '' : plainText(f.result, cell.numFmt) };
  }
  return { text: plainText(value, cell.numFmt) };
}

/** A cell's value as the text the user sees and would type: "25%" for 0.25 in a percent cell, "3,25" for 3.25. */
export function plainText(value: unknown, numFmt?: string): string {
  if (value == null) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n').trim();
  if (typeof value === 'number') {
    if (numFmt && numFmt.includes('%')) return `${decimal(value * 100)}%`;
    return decimal(value);
  }
  if (typeof value === 'boolean') return value ? 'SI' : 'NO';
  if (value instanceof Date) {
    const d = value;
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; error?: string; result?: unknown };
    if (v.richText)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if (v.error) return v.error;
    if (v.text !== undefined) return plainText(v.text);
  }
  return String(value).trim();
}

/** Decimal comma, no thousands separator, binary noise rounded away (0.1 + 0.2 → "0,3"). */
function decimal(n: number): string {
  return String(Number(n.toPrecision(12))).replace('.', ',');
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
