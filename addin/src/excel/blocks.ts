/** Reading and writing rectangles of cells in requests that stay within the payload budget. */
import type { Cell, CellGrid } from '../workbook/port';
import {
  ACTION_OVERHEAD_BYTES,
  FIRST_READ_ROWS,
  GUESSED_CELL_BYTES,
  isPayloadTooLarge,
  jsonBytes,
  nextReadRows,
  packBySize,
  runsOf,
} from '../workbook/chunks';
import { columnIndex, type Geometry } from './geometry';

export type Block = { row: number; column: number; values: Cell[][]; bytes: number };

/**
 * A range's values, number formats and displayed text in as few reads as fit the budget: the three are loaded on the
 * same range object, so they travel in the same request (no extra round trip). Row widths are unknown until read, so
 * the first read is modest and the next ones are sized from the widest row seen (all three grids of it); a read Excel
 * still refuses is split in two.
 */
export async function readBlock(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  rowCount: number,
  columnCount: number,
  budget: number,
): Promise<CellGrid> {
  const out: CellGrid = { rows: [], formats: [], texts: [] };
  let widest = 0;
  // values, formats and text: about three times the bytes of the values alone
  let size = Math.min(FIRST_READ_ROWS, nextReadRows(3 * columnCount * GUESSED_CELL_BYTES, columnCount, budget));
  let start = 0;
  while (start < rowCount && columnCount > 0) {
    const count = Math.min(size, rowCount - start);
    const range = sheet.getRangeByIndexes(top + start, left, count, columnCount).load('values,numberFormat,text');
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || count === 1) throw error;
      size = Math.max(1, Math.floor(count / 2));
      continue;
    }
    const values = range.values as Cell[][];
    const formats = range.numberFormat as string[][];
    const texts = range.text;
    values.forEach((row, i) => {
      widest = Math.max(widest, jsonBytes(row) + jsonBytes(formats[i]) + jsonBytes(texts[i]));
      out.rows.push(row);
      out.formats.push(formats[i].map(String));
      out.texts.push(texts[i].map(String));
    });
    start += count;
    size = nextReadRows(widest, columnCount, budget);
  }
  return out;
}

/** Cells to write, grouped into rectangles: runs of adjacent rows × runs of adjacent columns. */
export function blocksToWrite(
  geometry: Geometry,
  rows: number[],
  columns: Record<string, Cell[]>,
  budget: number,
): Block[] {
  const indexOfRow = new Map<number, number>();
  rows.forEach((row, i) => indexOfRow.set(row, i));
  const columnRuns = runsOf(Object.keys(columns).map((h) => columnIndex(geometry, h)));
  const headerAt = (index: number) => geometry.headers[index];
  const out: Block[] = [];
  for (const [firstRow, rowsInRun] of runsOf(rows)) {
    for (const [firstColumn, columnsInRun] of columnRuns) {
      const values: Cell[][] = [];
      for (let r = firstRow; r < firstRow + rowsInRun; r++) {
        const i = indexOfRow.get(r) as number;
        const line: Cell[] = [];
        for (let c = firstColumn; c < firstColumn + columnsInRun; c++) line.push(columns[headerAt(c)][i] ?? '');
        values.push(line);
      }
      // a rectangle bigger than the budget is cut by rows, so no single request outgrows it
      const perRow = values.map((v) => jsonBytes(v));
      for (const [s, e] of packBySize(perRow, budget - ACTION_OVERHEAD_BYTES)) {
        const part = values.slice(s, e);
        out.push({
          row: firstRow + s,
          column: firstColumn,
          values: part,
          bytes: jsonBytes(part) + ACTION_OVERHEAD_BYTES,
        });
      }
    }
  }
  return out;
}
