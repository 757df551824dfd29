/**
 * Row-level changes to a table, as Excel makes them: inserting and deleting table rows shifts the cells below within
 * the table's columns, sorting moves whole rows (stable, Excel's order: numbers, text, booleans, errors, blanks last),
 * filtering hides rows whose values stay readable. A formula's references are not rewritten when its row moves:
 * a known gap of this double (Excel would adjust them), to be closed when a test needs it.
 */
import { accessDenied, itemNotFound } from './errors';
import { type Engine, type Input, fitShape } from './edits';
import { type CellModel, type SheetModel, type TableModel, newCell } from './model';
import { type Locale, type Scalar, displayed } from './values';

/** Moves the cells of columns [left, left + width) at or below `from` by `by` rows (up: the rows above must be cleared first). */
function shiftRows(sheet: SheetModel, from: number, by: number, left: number, width: number): void {
  const moving: Array<[number, number, CellModel]> = [];
  for (const [r, c, cell] of [...sheet.entries()]) {
    if (r >= from && c >= left && c < left + width) {
      moving.push([r, c, cell]);
      sheet.cells.delete(`${r},${c}`);
    }
  }
  for (const [r, c, cell] of moving) sheet.cells.set(`${r + by},${c}`, cell);
}

/** Inserts `count` body rows before body row `at` (at = bodyRows appends), filled from `values` when given. */
export function insertTableRows(
  engine: Engine,
  table: TableModel,
  at: number,
  count: number,
  values: Input[][] | null,
  location: string,
): void {
  const sheet = table.sheet;
  // Excel cannot insert table rows on a protected sheet, whatever allowInsertRows says (the command is greyed out)
  if (sheet.protection.protected) throw accessDenied(location);
  if (at < 0 || at > table.bodyRows) throw itemNotFound(`table row ${at}`, location);
  const rect = { row: table.row + 1 + at, column: table.column, rows: count, columns: table.columns };
  if (values) fitShape(values, rect, location);
  shiftRows(sheet, rect.row, count, table.column, table.columns);
  for (const other of engine.model.tablesOn(sheet)) {
    if (
      other !== table &&
      other.row >= rect.row &&
      other.column < table.column + table.columns &&
      table.column < other.column + other.columns
    )
      other.row += count;
  }
  // new rows take the formats of the row above them (the header for a first row is text, so use the row below)
  const template = at > 0 ? rect.row - 1 : rect.row + count;
  for (let r = rect.row; r < rect.row + count; r++) {
    for (let c = table.column; c < table.column + table.columns; c++) {
      const model = sheet.cell(template, c);
      Object.assign(sheet.touch(r, c), newCell(), {
        numberFormat: model?.numberFormat ?? 'General',
        locked: model?.locked ?? true,
      });
    }
  }
  table.bodyRows += count;
  if (values) {
    // the values land as a write, but Excel reports the whole operation as one RowInserted
    const events = engine.model.eventsEnabled;
    engine.model.eventsEnabled = false;
    try {
      engine.writeValues(sheet, rect, values, location);
    } finally {
      engine.model.eventsEnabled = events;
    }
  }
  engine.changed(sheet, rect, 'RowInserted');
}

export function deleteTableRows(engine: Engine, table: TableModel, at: number, count: number, location: string): void {
  const sheet = table.sheet;
  if (sheet.protection.protected) throw accessDenied(location);
  if (at < 0 || at + count > table.bodyRows) throw itemNotFound(`table row ${at}`, location);
  const rect = { row: table.row + 1 + at, column: table.column, rows: count, columns: table.columns };
  for (let r = rect.row; r < rect.row + count; r++)
    for (let c = table.column; c < table.column + table.columns; c++) sheet.cells.delete(`${r},${c}`);
  shiftRows(sheet, rect.row + count, -count, table.column, table.columns);
  table.bodyRows -= count;
  // Excel keeps one empty body row in a table whose rows were all deleted
  if (table.bodyRows === 0) table.bodyRows = 1;
  engine.changed(sheet, rect, 'RowDeleted');
}

/**
 * TableColumnCollection.add(index, values, name) without values: a column inserted before table column `at` (at =
 * columns appends at the right end). The table's cells from there move one column right within the table's rows
 * (Excel inserts table cells, shifting right; cells outside the table's rows stay), the header takes `name` or
 * "Colonna N", made unique as Excel makes a table's headers, and the column gets the next TableColumn.id. Refused on
 * a protected sheet, as every structural change is. Returns the new column's id. Another table beside it on the same
 * rows is not moved (Excel would move it or refuse): a gap of this double until a test needs it.
 */
export function insertTableColumn(
  engine: Engine,
  table: TableModel,
  at: number,
  name: string | null,
  location: string,
): string {
  const sheet = table.sheet;
  if (sheet.protection.protected) throw accessDenied(location);
  if (at < 0 || at > table.columns) throw itemNotFound(`table column ${at}`, location);
  const top = table.row;
  const bottom = table.row + table.bodyRows;
  const at0 = table.column + at;
  const taken = new Set(table.headers().map((h) => h.toLowerCase()));
  const moving = [...sheet.entries()].filter(([r, c]) => r >= top && r <= bottom && c >= at0);
  for (const [r, c] of moving) sheet.cells.delete(`${r},${c}`);
  for (const [r, c, cell] of moving) sheet.cells.set(`${r},${c + 1}`, cell);
  let header = name ?? `Colonna${table.columns + 1}`;
  for (let n = 2; taken.has(header.toLowerCase()); n++) header = `${name ?? 'Colonna'}${n}`;
  for (let r = top; r <= bottom; r++) Object.assign(sheet.touch(r, at0), newCell(), { value: r === top ? header : '' });
  table.columns += 1;
  const id = String(table.nextColumnId++);
  table.columnIds.splice(at, 0, id);
  engine.changed(sheet, { row: top, column: at0, rows: bottom - top + 1, columns: 1 }, 'ColumnInserted');
  return id;
}

/**
 * Right-click a header → Delete → Table Columns: the column's cells leave the table's rows, the table's cells to its
 * right move one column left (cells outside the table's rows stay where they are), and the table is one column
 * narrower. Refused on a protected sheet, as Excel refuses it.
 */
export function deleteTableColumn(engine: Engine, table: TableModel, index: number, location: string): void {
  const sheet = table.sheet;
  if (sheet.protection.protected) throw accessDenied(location);
  if (index < 0 || index >= table.columns) throw itemNotFound(`table column ${index}`, location);
  if (table.columns === 1) throw accessDenied(location);
  const top = table.row;
  const bottom = table.row + table.bodyRows;
  const gone = table.column + index;
  const right = table.column + table.columns;
  for (let r = top; r <= bottom; r++) {
    sheet.cells.delete(`${r},${gone}`);
    for (let c = gone + 1; c < right; c++) {
      const cell = sheet.cells.get(`${r},${c}`);
      sheet.cells.delete(`${r},${c}`);
      if (cell) sheet.cells.set(`${r},${c - 1}`, cell);
    }
  }
  table.columns -= 1;
  table.columnIds.splice(index, 1);
  engine.changed(sheet, { row: top, column: gone, rows: bottom - top + 1, columns: 1 }, 'ColumnDeleted');
}

/**
 * Select a table column and drag it by its border to another place of the table (or cut it and "Insert Cut Cells"):
 * the whole column, header included, lands at `to` (0-based among the table's columns), the columns between shift
 * over by one, and the column keeps its TableColumn.id. Refused on a protected sheet, as every structural change is.
 */
export function moveTableColumn(engine: Engine, table: TableModel, from: number, to: number, location: string): void {
  const sheet = table.sheet;
  if (sheet.protection.protected) throw accessDenied(location);
  if (from < 0 || from >= table.columns || to < 0 || to >= table.columns)
    throw itemNotFound(`table column ${from} → ${to}`, location);
  const order = Array.from({ length: table.columns }, (_, i) => i);
  order.splice(to, 0, ...order.splice(from, 1));
  const top = table.row;
  const bottom = table.row + table.bodyRows;
  for (let r = top; r <= bottom; r++) {
    const line = order.map((c) => sheet.cells.get(`${r},${table.column + c}`));
    line.forEach((cell, c) => {
      const key = `${r},${table.column + c}`;
      if (cell) sheet.cells.set(key, cell);
      else sheet.cells.delete(key);
    });
  }
  table.columnIds = order.map((c) => table.columnIds[c]);
  const left = Math.min(from, to);
  const rect = { row: top, column: table.column + left, rows: bottom - top + 1, columns: Math.abs(to - from) + 1 };
  engine.changed(sheet, rect, 'RangeEdited');
}

/** Excel's ascending sort order across types; blanks always sort last, ascending or descending. */
function rank(value: Scalar, isError: boolean): number {
  if (value === '') return 4;
  if (isError) return 3;
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return 1;
  return 2;
}

export function sortTable(
  engine: Engine,
  table: TableModel,
  columnIndex: number,
  ascending: boolean,
  locale: Locale,
  location: string,
): void {
  const sheet = table.sheet;
  engine.guardSheet(sheet, sheet.protection.allowSort, location);
  engine.guardCells(sheet, table.bodyRect(), location);
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: false });
  const rows = Array.from({ length: table.bodyRows }, (_, i) => {
    const r = table.row + 1 + i;
    const key = sheet.cell(r, table.column + columnIndex);
    return {
      cells: Array.from({ length: table.columns }, (_, c) => sheet.cell(r, table.column + c)),
      value: key?.value ?? '',
      isError: key?.isError ?? false,
    };
  });
  const direction = ascending ? 1 : -1;
  // Array.prototype.sort is stable (ES2019), as Excel's sort is
  rows.sort((a, b) => {
    const ra = rank(a.value, a.isError);
    const rb = rank(b.value, b.isError);
    if (ra === 4 || rb === 4) return ra - rb;
    if (ra !== rb) return (ra - rb) * direction;
    if (typeof a.value === 'string') return collator.compare(a.value, String(b.value)) * direction;
    return (Number(a.value) - Number(b.value)) * direction;
  });
  rows.forEach((row, i) => {
    row.cells.forEach((cell, c) => {
      const key = `${table.row + 1 + i},${table.column + c}`;
      if (cell) sheet.cells.set(key, cell);
      else sheet.cells.delete(key);
    });
  });
  engine.changed(sheet, table.bodyRect(), 'RangeEdited');
}

/**
 * The header drop-down filter: rows whose displayed text is not among `keep` are hidden (Excel's filter list shows
 * displayed text, so "3,40%" is what a user ticks). `keep` null clears the filter. No onChanged: filtering changes no
 * data (Excel raises table.onFiltered instead, ExcelApi 1.13).
 */
export function filterTable(
  engine: Engine,
  table: TableModel,
  columnIndex: number,
  keep: string[] | null,
  location: string,
): void {
  const sheet = table.sheet;
  engine.guardSheet(sheet, sheet.protection.allowAutoFilter, location);
  for (let i = 0; i < table.bodyRows; i++) sheet.hiddenRows.delete(table.row + 1 + i);
  table.filter = keep ? { column: columnIndex, keep } : null;
  if (!keep) return;
  for (let i = 0; i < table.bodyRows; i++) {
    const cell = sheet.cell(table.row + 1 + i, table.column + columnIndex);
    const text = displayed(cell?.value ?? '', cell?.numberFormat ?? 'General', engine.model.locale);
    if (!keep.includes(text)) sheet.hiddenRows.add(table.row + 1 + i);
  }
}
