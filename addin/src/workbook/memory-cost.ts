/**
 * What each port operation would cost on real Excel, in context.sync() calls: the constant part (locating the table,
 * switching events back on) plus one per chunk, packed with the same budget helpers ExcelWorkbook uses. MemoryWorkbook
 * adds these up so tests can hold the sync logic to "one request per chunk plus a constant".
 */
import {
  ACTION_OVERHEAD_BYTES,
  CHUNK_BUDGET_BYTES,
  FIRST_READ_ROWS,
  jsonBytes,
  nextReadRows,
  packBySize,
  runsOf,
} from './chunks';
import type { Cell, ColumnSetup } from './port';

/**
 * locate = does the table exist + its shape (a read, which may find none); find = the shape of a table that must
 * exist, in one request (every write, ExcelWorkbook's mustLocate); events = switching them back on after a write
 */
export const LOCATE = 2;
export const FIND = 1;
export const EVENTS = 1;

/** a read's requests; `bytesOf` is what one row weighs in the answer (the table's values, formats and text) */
export function readChunks(
  rows: readonly Cell[][],
  columns: number,
  budget = CHUNK_BUDGET_BYTES,
  bytesOf: (i: number) => number = (i) => jsonBytes(rows[i]),
): number {
  let chunks = 0;
  let widest = 0;
  let size = Math.min(FIRST_READ_ROWS, nextReadRows(0, columns, budget));
  for (let start = 0; start < rows.length && columns > 0;) {
    const count = Math.min(size, rows.length - start);
    for (let i = start; i < start + count; i++) widest = Math.max(widest, bytesOf(i));
    chunks++;
    start += count;
    size = nextReadRows(widest, columns, budget);
  }
  return chunks;
}

export function sizeChunks(sizes: readonly number[], budget = CHUNK_BUDGET_BYTES): number {
  return packBySize(sizes, budget).length;
}

/** writeColumns: rectangles of adjacent rows × adjacent columns, packed by size */
export function writeChunks(
  rows: readonly number[],
  columnIndexes: readonly number[],
  valuesOf: (row: number, column: number) => Cell,
  budget = CHUNK_BUDGET_BYTES,
): number {
  const sizes: number[] = [];
  const columnRuns = runsOf(columnIndexes);
  for (const [firstRow, rowCount] of runsOf(rows)) {
    for (const [firstColumn, columnCount] of columnRuns) {
      const perRow: number[] = [];
      for (let r = firstRow; r < firstRow + rowCount; r++) {
        const line: Cell[] = [];
        for (let c = firstColumn; c < firstColumn + columnCount; c++) line.push(valuesOf(r, c) ?? '');
        perRow.push(jsonBytes(line));
      }
      for (const [s, e] of packBySize(perRow, budget - ACTION_OVERHEAD_BYTES)) {
        let bytes = ACTION_OVERHEAD_BYTES;
        for (let i = s; i < e; i++) bytes += perRow[i];
        sizes.push(bytes);
      }
    }
  }
  return packBySize(sizes, budget).length;
}

export function perItemChunks(count: number, bytesPerItem: number, budget = CHUNK_BUDGET_BYTES): number {
  return count === 0 ? 0 : packBySize(new Array(count).fill(bytesPerItem), budget).length;
}

/** createTable: finding the sheet, header and rows written as blocks with their formats, the table itself, events */
export function createTableSyncs(columns: ColumnSetup[], rows: Cell[][], budget = CHUNK_BUDGET_BYTES): number {
  const formats = columns.map((c) => c.numberFormat ?? 'General');
  const all = [columns.map((c) => c.header), ...rows];
  return (
    1 +
    sizeChunks(
      all.map((r) => jsonBytes(r) + jsonBytes(formats)),
      budget,
    ) +
    1 +
    EVENTS
  );
}

/** appendRows: rows added in chunks by size, each with a few bytes of framing */
export function appendRowsSyncs(rows: Cell[][], budget = CHUNK_BUDGET_BYTES): number {
  return (
    FIND +
    sizeChunks(
      rows.map((r) => jsonBytes(r) + 8),
      budget,
    ) +
    EVENTS
  );
}
