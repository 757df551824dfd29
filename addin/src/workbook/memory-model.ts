/**
 * What the in-memory workbook holds, and the rules Excel applies to it: empty cells read as '', typing turns "12"
 * into 12 outside a text column, a range turned into a table gets unique headers, sorting puts blanks last.
 */
import { columnLetters as letters } from './address';
import type { Cell, ChartSpec, ColumnSetup, PlanOutline, TrafficLights } from './port';

/**
 * A body row: typed cells, fills by header, and the number formats a cell has of its own (a paste with formats, a
 * format the user chose) by header; the others have their column's format.
 */
export type Row = { cells: Cell[]; fills: Record<string, string>; formats?: Record<string, string> };

/** what the grid shows for a value in a format: Range.text */
export type Display = (value: Cell, numberFormat: string) => string;

/**
 * The twin's own rendering, for the formats the add-in writes and the common ones a user applies (General, text,
 * 0 / 0.00, 0% / 0.0% / 0.00%, day-first dates), in an Italian Excel. Tests needing Excel's whole format language pass
 * the faithful double's numfmt rendering instead (MemoryWorkbook's `display` option).
 */
export const italianDisplay: Display = (value, numberFormat) => {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'VERO' : 'FALSO';
  if (typeof value === 'string') return value;
  const format = numberFormat.trim();
  if (format === '' || /^general$/i.test(format) || format === '@')
    return String(Number(value.toPrecision(10))).replace('.', ',');
  if (/^d{1,2}\/m{1,2}\/y{2,4}$/i.test(format)) {
    const date = new Date(Date.UTC(1899, 11, value < 60 ? 31 : 30) + Math.floor(value) * 86_400_000);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  }
  const decimals = /\.(0+)/.exec(format)?.[1].length ?? 0;
  const percent = format.includes('%');
  const shown = (percent ? value * 100 : value).toFixed(decimals).replace('.', ',');
  return percent ? `${shown}%` : shown;
};
export type Table = {
  name: string;
  sheet: string;
  headers: string[];
  setup: Record<string, Omit<ColumnSetup, 'header'>>;
  rows: Row[];
  lights: TrafficLights | null;
  /** the plan's row outline, indent and bold as shapeRows last set them (body rows by position) */
  outline?: PlanOutline | null;
  /** where the header row sits on its sheet (0-based), for readSheet */
  origin: { row: number; column: number };
  /** sheet protection: the columns whose body cells stay open to typing; absent or null when not protected */
  protection?: { editable: string[] } | null;
  /** Excel's TableColumn.id of each column, in the order of `headers`: kept through renames and moves, never reused */
  columnIds?: string[];
  nextColumnId?: number;
};

/** ids for a table's columns as Excel numbers them when it makes the table: "1", "2", … */
export function newColumnIds(table: Table): void {
  table.columnIds = table.headers.map((_, i) => String(i + 1));
  table.nextColumnId = table.headers.length + 1;
}

/** What survives closing and reopening a workbook: content and settings, never listeners or the selection. */
export type Snapshot = {
  sheets: Record<string, Cell[][]>;
  tables: Table[];
  settings: Record<string, string>;
  charts: ChartSpec[];
  /** sheets hidden from the user (absent in files saved before there were any) */
  hidden?: string[];
};

/** a body cell's number format: its own, else its column's, else General */
export function formatOf(table: Table, row: Row, column: number): string {
  const header = table.headers[column];
  return row.formats?.[header] ?? table.setup[header]?.numberFormat ?? 'General';
}

export function columnIndexOf(table: Table, header: string): number {
  const index = table.headers.indexOf(header);
  if (index < 0) throw new Error(`table "${table.name}" has no column "${header}"`);
  return index;
}

const filled = (cell: Cell | undefined) => cell !== null && cell !== undefined && cell !== '';

/** Excel never hands back null or undefined: an empty cell reads as '' */
export function asStored(cell: Cell | undefined): Cell {
  return cell === null || cell === undefined ? '' : cell;
}

/** what typing does: a text column keeps the text; a General column turns "12" into 12 */
export function typed(value: Cell, format: string | undefined): Cell {
  if (value === null) return '';
  if (format === '@') return typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return value;
}

export function uniqueHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    const base = h || `Column${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}${n}`;
  });
}

/** takes a rectangle out of a sheet's grid, leaving its cells empty, as turning a range into a table does */
export function cutBlock(grid: Cell[][], range: { row: number; column: number; rows: number; columns: number }) {
  const block: Cell[][] = [];
  for (let r = range.row; r < range.row + range.rows; r++) {
    const line: Cell[] = [];
    for (let c = range.column; c < range.column + range.columns; c++) {
      line.push(grid[r]?.[c] ?? '');
      if (grid[r]) grid[r][c] = '';
    }
    block.push(line);
  }
  return block;
}

/** Data → Sort's order on one column: text compared as Excel does (case-insensitive), blanks last either way */
export function sortOrder(column: number, descending: boolean): (a: Row, b: Row) => number {
  const key = (cell: Cell) => (cell === null || cell === '' ? null : cell);
  return (a, b) => {
    const x = key(a.cells[column]);
    const y = key(b.cells[column]);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; // blanks last either way
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), 'it', { sensitivity: 'base', numeric: true });
    return descending ? -order : order;
  };
}

/** the used range of a sheet, its tables drawn in at their place */
export function usedRange(base: Cell[][], tables: Table[]): { address: string; values: Cell[][] } | null {
  const grid = base.map((r) => [...r]);
  for (const t of tables) {
    [t.headers as Cell[], ...t.rows.map((r) => r.cells)].forEach((line, i) => {
      const r = t.origin.row + i;
      while (grid.length <= r) grid.push([]);
      line.forEach((cell, k) => {
        grid[r][t.origin.column + k] = cell;
      });
    });
  }
  let top = grid.findIndex((r) => r.some(filled));
  if (top < 0) return null;
  let bottom = grid.length - 1;
  while (!grid[bottom].some(filled)) bottom--;
  let left = Infinity;
  let right = -1;
  for (const r of grid)
    r.forEach((cell, c) => {
      if (filled(cell)) {
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    });
  const values: Cell[][] = [];
  for (let r = top; r <= bottom; r++) {
    const line: Cell[] = [];
    for (let c = left; c <= right; c++) line.push(grid[r]?.[c] ?? '');
    values.push(line);
  }
  top = Math.max(0, top);
  return { address: `${letters(left)}${top + 1}:${letters(right)}${bottom + 1}`, values };
}
