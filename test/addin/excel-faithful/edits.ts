/**
 * Excel's rules for changing cells, shared by the Office.js proxies and the simulated user: typed input becomes typed
 * values, formulas are recomputed, protected sheets refuse writes to locked cells, tables grow and shrink with their
 * rows, and each change raises Excel's events. Table row moves, sort and filter live in table-edits.ts.
 */
import { accessDenied, invalidArgument, invalidOperation } from './errors';
import type { ChangeType, EventHub } from './events';
import { recalculate } from './formulas';
import { type CellModel, type Rect, type SheetModel, TableModel, type WorkbookModel, intersects } from './model';
import { type Scalar, TEXT_FORMAT, entered } from './values';

export type Source = 'api' | 'user';

/** what a cell receives from a write: a typed value (parsed like input when it is a string) or a formula */
export type Input = Scalar | null | undefined;

export class Engine {
  constructor(
    readonly model: WorkbookModel,
    readonly events: EventHub,
  ) {}

  /** A protected sheet refuses changes to its locked cells (every cell is locked unless unlocked before protecting). */
  guardCells(sheet: SheetModel, rect: Rect, location: string): void {
    if (!sheet.protection.protected) return;
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        if (sheet.cell(r, c)?.locked ?? true) throw accessDenied(location);
      }
    }
  }

  guardSheet(sheet: SheetModel, allowed: boolean, location: string): void {
    if (sheet.protection.protected && !allowed) throw accessDenied(location);
  }

  /**
   * Writes a grid as Range.values (and the grid's typing) does: a string beginning with "=" is a formula
   * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member), any other string
   * is read in the workbook's locale unless the cell is Text-formatted, null leaves the cell unchanged.
   */
  writeValues(
    sheet: SheetModel,
    rect: Rect,
    grid: Input[][],
    location: string,
    changeType: ChangeType = 'RangeEdited',
  ): void {
    fitShape(grid, rect, location);
    this.guardCells(sheet, rect, location);
    const before = this.single(sheet, rect);
    eachCell(rect, (r, c, i, j) => {
      const input = grid[i][j];
      if (input === null || input === undefined) return;
      this.put(sheet.touch(r, c), input);
    });
    this.changed(sheet, rect, changeType, before);
  }

  /** Range.formulas: as values, but the grid is what the formula bar shows (constants or "=…") */
  writeFormulas(sheet: SheetModel, rect: Rect, grid: Input[][], location: string): void {
    this.writeValues(sheet, rect, grid, location);
  }

  writeFormats(sheet: SheetModel, rect: Rect, grid: string[][], location: string): void {
    fitShape(grid, rect, location);
    this.guardSheet(sheet, sheet.protection.allowFormatCells, location);
    eachCell(rect, (r, c, i, j) => {
      if (grid[i][j] === null || grid[i][j] === undefined) return;
      sheet.touch(r, c).numberFormat = String(grid[i][j]);
    });
    // a format change is not a data change: Excel raises no onChanged for it
  }

  /**
   * Ctrl+V of cells copied in another workbook: each cell arrives with its own typed value and number format, nothing is
   * re-read from text. Excel raises one RangeEdited over the pasted area.
   */
  paste(
    sheet: SheetModel,
    rect: Rect,
    cells: Array<Array<{ value: Scalar; numberFormat: string }>>,
    location: string,
  ): void {
    fitShape(cells, rect, location);
    this.guardCells(sheet, rect, location);
    const before = this.single(sheet, rect);
    eachCell(rect, (r, c, i, j) => {
      const cell = sheet.touch(r, c);
      const { value, numberFormat } = cells[i][j];
      cell.numberFormat = numberFormat;
      cell.formula = null;
      cell.isError = false;
      cell.value = value;
    });
    this.changed(sheet, rect, 'RangeEdited', before);
  }

  clearContents(sheet: SheetModel, rect: Rect, withFormats: boolean, location: string): void {
    this.guardCells(sheet, rect, location);
    for (const [r, c, cell] of [...sheet.entries()]) {
      if (!intersects(rect, { row: r, column: c, rows: 1, columns: 1 })) continue;
      Object.assign(
        cell,
        { value: '', formula: null, isError: false },
        withFormats ? { numberFormat: 'General', fill: null } : {},
      );
    }
    this.changed(sheet, rect, 'RangeEdited');
  }

  /** Worksheet.tables.add / Range convert to table: headers become text, blank headers "Column1"…, no overlap. */
  createTable(sheet: SheetModel, rect: Rect, hasHeaders: boolean, location: string): TableModel {
    if (!hasHeaders) throw invalidArgument('this double builds tables whose first row holds the headers', location);
    if (rect.rows < 2) throw invalidArgument('a table needs a header row and at least one body row', location);
    this.guardSheet(sheet, false, location);
    if (this.model.tablesOn(sheet).some((t) => intersects(t.wholeRect(), rect)))
      throw invalidOperation('tables cannot overlap', location);
    const taken = new Set<string>();
    for (let c = 0; c < rect.columns; c++) {
      const cell = sheet.touch(rect.row, rect.column + c);
      // Excel keeps header cells as text and makes them unique ("Anno", "Anno2")
      let header = cell.formula === null && cell.value !== '' ? String(cell.value) : `Column${c + 1}`;
      for (let n = 2; taken.has(header.toLowerCase()); n++) header = `${String(cell.value)}${n}`;
      taken.add(header.toLowerCase());
      Object.assign(cell, { value: header, formula: null, isError: false });
    }
    const table = new TableModel(
      this.model.newId('table'),
      this.freeTableName(),
      sheet,
      rect.row,
      rect.column,
      rect.columns,
      rect.rows - 1,
    );
    this.model.tables.push(table);
    return table;
  }

  renameTable(table: TableModel, name: string, location: string): void {
    // Excel's rule for defined names: a letter, "_" or "\" first, no spaces, unique in the workbook
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name))
      throw invalidArgument(`"${name}" is not a valid table name`, location);
    const clash = this.model.table(name);
    if (clash && clash !== table) throw invalidArgument(`a table named "${name}" already exists`, location);
    table.name = name;
  }

  /** Typing a new header: headers are always text, and must stay unique within the table. */
  renameHeader(table: TableModel, index: number, text: string, location: string): void {
    const rect = { row: table.row, column: table.column + index, rows: 1, columns: 1 };
    this.guardCells(table.sheet, rect, location);
    if (table.headers().some((h, i) => i !== index && h.toLowerCase() === text.toLowerCase()))
      throw invalidArgument(`the table already has a column "${text}"`, location);
    const before = this.single(table.sheet, rect);
    Object.assign(table.sheet.touch(rect.row, rect.column), { value: text, formula: null, isError: false });
    this.changed(table.sheet, rect, 'RangeEdited', before);
  }

  /** after any change: formulas recompute (automatic calculation), then Excel raises its events */
  changed(sheet: SheetModel, rect: Rect, changeType: ChangeType, before?: Pick<CellModel, 'value' | 'isError'>): void {
    recalculate(this.model);
    this.events.raise({ sheet, rect, changeType, source: 'Local', before });
  }

  private put(cell: CellModel, input: Scalar): void {
    if (typeof input === 'string' && input.startsWith('=') && input.length > 1 && cell.numberFormat !== TEXT_FORMAT) {
      cell.formula = input;
      return;
    }
    const { value, numberFormat } = entered(input, cell.numberFormat, this.model.locale);
    Object.assign(cell, { value, numberFormat, formula: null, isError: false });
  }

  private single(sheet: SheetModel, rect: Rect): Pick<CellModel, 'value' | 'isError'> | undefined {
    if (rect.rows !== 1 || rect.columns !== 1) return undefined;
    const cell = sheet.cell(rect.row, rect.column);
    return { value: cell?.value ?? '', isError: cell?.isError ?? false };
  }

  private freeTableName(): string {
    for (let n = 1; ; n++) if (!this.model.table(`Table${n}`)) return `Table${n}`;
  }
}

export function eachCell(rect: Rect, visit: (row: number, column: number, i: number, j: number) => void): void {
  for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.columns; j++) visit(rect.row + i, rect.column + j, i, j);
}

/**
 * A grid must have the range's exact shape; Excel answers InvalidArgument ("The number of rows or columns in the input
 * array doesn't match the size or dimensions of the range."). A single value is not broadcast by this double.
 */
export function fitShape(grid: unknown[][], rect: Rect, location: string): void {
  if (
    !Array.isArray(grid) ||
    grid.length !== rect.rows ||
    grid.some((line) => !Array.isArray(line) || line.length !== rect.columns)
  ) {
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rows}×${rect.columns})`,
      location,
    );
  }
}
