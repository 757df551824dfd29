/**
 * What a person does in the grid, separate from the Office.js surface the add-in sees: typing, pasting, renaming a
 * header, inserting and deleting rows, sorting and filtering a table, protecting a sheet. Each goes through Excel's
 * rules and raises the events Excel raises for it (source "Local").
 */
import { parseA1 } from '../../../addin/src/workbook/address';
import type { Engine } from './edits';
import type { Rect, SheetModel, TableModel } from './model';
import {
  deleteTableColumn,
  deleteTableRows,
  filterTable,
  insertTableRows,
  moveTableColumn,
  sortTable,
} from './table-edits';
import { type Scalar, displayed } from './values';

/** "Piano!F5" or "Piano!F5:G6" → the sheet and its rectangle */
function at(engine: Engine, address: string): { sheet: SheetModel; rect: Rect } {
  const bang = address.lastIndexOf('!');
  const sheet = engine.model.sheet(address.slice(0, bang).replace(/^'(.*)'$/, '$1'));
  const rect = parseA1(address.slice(bang + 1));
  if (!sheet || !rect) throw new Error(`no such cell: ${address}`);
  return { sheet, rect };
}

function table(engine: Engine, name: string): TableModel {
  const found = engine.model.table(name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

function columnOf(t: TableModel, header: string): number {
  const index = t.headers().indexOf(header);
  if (index < 0) throw new Error(`table ${t.name} has no column ${header}`);
  return index;
}

export function createUser(engine: Engine) {
  return {
    /** types text into one cell and presses Enter: Excel reads it in the workbook's locale */
    type(address: string, text: string): void {
      const { sheet, rect } = at(engine, address);
      engine.writeValues(sheet, { ...rect, rows: 1, columns: 1 }, [[text]], 'user.type');
    },
    /** Ctrl+V of cells copied from another workbook: typed values with their formats, from the top-left `address` */
    paste(address: string, cells: Array<Array<{ value: Scalar; numberFormat?: string }>>): void {
      const { sheet, rect } = at(engine, address);
      const target = { row: rect.row, column: rect.column, rows: cells.length, columns: cells[0]?.length ?? 0 };
      engine.paste(
        sheet,
        target,
        cells.map((line) => line.map((c) => ({ value: c.value, numberFormat: c.numberFormat ?? 'General' }))),
        'user.paste',
      );
    },
    /** Ctrl+V of plain text (tabs between cells, newlines between rows): each piece is read as if typed */
    pasteText(address: string, text: string): void {
      const { sheet, rect } = at(engine, address);
      const grid = text
        .replace(/\r?\n$/, '')
        .split(/\r?\n/)
        .map((line) => line.split('\t'));
      engine.writeValues(
        sheet,
        { row: rect.row, column: rect.column, rows: grid.length, columns: grid[0].length },
        grid,
        'user.pasteText',
      );
    },
    renameHeader(tableName: string, from: string, to: string): void {
      const t = table(engine, tableName);
      engine.renameHeader(t, columnOf(t, from), to, 'user.renameHeader');
    },
    /** right-click a header → Delete → Table Columns */
    deleteColumn(tableName: string, header: string): void {
      const t = table(engine, tableName);
      deleteTableColumn(engine, t, columnOf(t, header), 'user.deleteColumn');
    },
    /** drags a column (header and body) to place `to` among the table's columns: it keeps its TableColumn.id */
    moveColumn(tableName: string, header: string, to: number): void {
      const t = table(engine, tableName);
      moveTableColumn(engine, t, columnOf(t, header), to, 'user.moveColumn');
    },
    /** right-click a body row → Insert → Table Rows Above (at = bodyRows appends below the last row) */
    insertRows(tableName: string, at: number, count = 1): void {
      insertTableRows(engine, table(engine, tableName), at, count, null, 'user.insertRows');
    },
    deleteRows(tableName: string, at: number, count = 1): void {
      deleteTableRows(engine, table(engine, tableName), at, count, 'user.deleteRows');
    },
    sortBy(tableName: string, header: string, order: 'ascending' | 'descending' = 'ascending'): void {
      const t = table(engine, tableName);
      sortTable(engine, t, columnOf(t, header), order === 'ascending', engine.model.locale, 'user.sortBy');
    },
    /** ticks, in the header's filter list, the displayed texts to keep; null clears the filter */
    filter(tableName: string, header: string, keep: string[] | null): void {
      const t = table(engine, tableName);
      filterTable(engine, t, columnOf(t, header), keep, 'user.filter');
    },
    /** Format Cells → Protection → uncheck Locked */
    unlock(address: string): void {
      const { sheet, rect } = at(engine, address);
      for (let r = rect.row; r < rect.row + rect.rows; r++)
        for (let c = rect.column; c < rect.column + rect.columns; c++) sheet.touch(r, c).locked = false;
    },
    protect(sheetName: string, options: Partial<Omit<SheetModel['protection'], 'protected' | 'password'>> = {}): void {
      const sheet = engine.model.sheet(sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      sheet.protection = { ...sheet.protection, ...options, protected: true };
    },
    /** Review → Unprotect Sheet; a sheet protected with a password asks for it */
    unprotect(sheetName: string, password?: string): void {
      const sheet = engine.model.sheet(sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      if (sheet.protection.password !== null && sheet.protection.password !== password)
        throw new Error('the password is wrong');
      sheet.protection = { ...sheet.protection, protected: false, password: null };
    },
    /** what the grid shows in a cell, and what it holds */
    cell(address: string): {
      value: Scalar;
      text: string;
      numberFormat: string;
      formula: string | null;
      hidden: boolean;
    } {
      const { sheet, rect } = at(engine, address);
      const cell = sheet.cell(rect.row, rect.column);
      const value = cell?.value ?? '';
      const numberFormat = cell?.numberFormat ?? 'General';
      return {
        value,
        text: displayed(value, numberFormat, engine.model.locale),
        numberFormat,
        formula: cell?.formula ?? null,
        hidden: sheet.hiddenRows.has(rect.row),
      };
    },
  };
}

export type User = ReturnType<typeof createUser>;
