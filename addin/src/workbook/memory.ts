/**
 * The in-memory twin of the workbook port: what the sync-logic tests and the browser test double run against.
 * Faithful where the sync logic can tell: cells hold what Excel would hold (writing null writes an empty cell), fills
 * and values move with their row on sort, insert and delete, the add-in's own writes raise no change events, and
 * every operation counts the context.sync() calls the real port would make (`syncs`).
 * Tests play the user with editCell, addRow, insertRowAt, deleteRowAt and sortBy, which do raise change hints, and
 * look at the result through MemoryContent's inspection methods.
 */
import { parseA1 as parseRange } from './address';
import { CHUNK_BUDGET_BYTES, jsonBytes } from './chunks';
import { MemoryContent } from './memory-content';
import { outlineActions, outlineChunks, outlineSetting, outlineShape, readOutlineMemory } from './outline';
import {
  appendRowsSyncs,
  createTableSyncs,
  EVENTS,
  FIND,
  LOCATE,
  perItemChunks,
  readChunks,
  writeChunks,
} from './memory-cost';
import {
  asStored,
  cutBlock,
  type Display,
  newColumnIds,
  type Row,
  sortOrder,
  type Table,
  typed,
  uniqueHeaders,
} from './memory-model';
import type {
  Cell,
  CellMark,
  ChartSpec,
  ColumnSetup,
  PlanOutline,
  SheetData,
  TableData,
  TableInfo,
  TrafficLights,
  WorkbookPort,
} from './port';

export type Selection = { sheet: string; table: string; row: number; column: string };

export class MemoryWorkbook extends MemoryContent implements WorkbookPort {
  /** context.sync() calls the real port would have made */
  syncs = 0;
  /** payload budget per request, as ExcelWorkbook's option of the same name */
  readonly budget: number;
  /** operation names in call order, e.g. 'writeColumns', and what each cost in syncs */
  readonly calls: string[] = [];
  readonly callSyncs: number[] = [];
  selection: Selection | null = null;
  /** the sheet in front, once a sheet was activated or a cell selected */
  activeSheet: string | null = null;

  /** `display`: how the grid shows a value in a format (defaults to the twin's Italian rendering) */
  constructor(options: { budgetBytes?: number; display?: Display } = {}) {
    super();
    this.budget = options.budgetBytes ?? CHUNK_BUDGET_BYTES;
    if (options.display) this.display = options.display;
  }

  // ------------------------------------------------------------------ the port

  async listTables(): Promise<TableInfo[]> {
    this.cost('listTables', 2);
    return [...this.tables.values()].map((t) => ({
      name: t.name,
      sheet: t.sheet,
      headers: [...t.headers],
      rowCount: t.rows.length,
      columnIds: [...(t.columnIds ?? [])],
    }));
  }

  async readTable(name: string): Promise<TableData | null> {
    const table = this.tables.get(name);
    if (!table) {
      this.cost('readTable', 1);
      return null;
    }
    const grid = this.grid(table);
    // values, formats and text come back in the same requests, as ExcelWorkbook reads them
    const bytesOf = (i: number) => jsonBytes(grid.rows[i]) + jsonBytes(grid.formats[i]) + jsonBytes(grid.texts[i]);
    this.cost('readTable', LOCATE + readChunks(grid.rows, table.headers.length, this.budget, bytesOf));
    return {
      name,
      sheet: table.sheet,
      headers: [...table.headers],
      columnIds: [...(table.columnIds ?? [])],
      rowCount: grid.rows.length,
      ...grid,
    };
  }

  async readSheet(sheet: string): Promise<SheetData | null> {
    const grid = this.sheetGrid(sheet);
    if (!grid) {
      this.cost('readSheet', 1);
      return null;
    }
    this.cost('readSheet', 1 + readChunks(grid.values, grid.values[0]?.length ?? 0, this.budget));
    return grid;
  }

  async convertToTable(sheet: string, address: string, name: string): Promise<void> {
    this.cost('convertToTable', 1);
    const grid = this.sheets.get(sheet);
    const range = parseRange(address);
    if (!grid || !range) throw new Error(`no range ${sheet}!${address}`);
    if (this.tables.has(name)) throw new Error(`a table named "${name}" already exists`);
    const block = cutBlock(grid, range);
    const headers = uniqueHeaders(block[0].map((h) => (h === null || h === '' ? '' : String(h))));
    const table: Table = {
      name,
      sheet,
      headers,
      setup: {},
      lights: null,
      origin: { row: range.row, column: range.column },
      rows: block.slice(1).map((cells) => ({ cells, fills: {} })),
    };
    newColumnIds(table);
    this.tables.set(name, table);
  }

  async hideSheet(sheet: string): Promise<void> {
    if (!this.sheets.has(sheet)) throw new Error(`no sheet "${sheet}"`);
    this.cost('hideSheet', 1);
    this.hiddenSheets.add(sheet);
  }

  async deleteSheet(sheet: string): Promise<void> {
    const there = this.sheets.has(sheet);
    this.cost('deleteSheet', there ? 2 : 1);
    if (!there) return;
    this.sheets.delete(sheet);
    this.hiddenSheets.delete(sheet);
    for (const [name, table] of this.tables) if (table.sheet === sheet) this.tables.delete(name);
    for (const [name, chart] of this.charts) if (chart.sheet === sheet) this.charts.delete(name);
  }

  async createTable(sheet: string, name: string, columns: ColumnSetup[], rows: Cell[][]): Promise<string[]> {
    if (this.tables.has(name)) throw new Error(`a table named "${name}" already exists`);
    this.cost('createTable', createTableSyncs(columns, rows, this.budget));
    if (!this.sheets.has(sheet)) this.sheets.set(sheet, []);
    const setup: Table['setup'] = {};
    for (const { header, ...rest } of columns) setup[header] = rest;
    const table: Table = {
      name,
      sheet,
      headers: columns.map((c) => c.header),
      setup,
      lights: null,
      origin: { row: 0, column: 0 },
      rows: rows.map((cells) => ({ cells: columns.map((_, i) => asStored(cells[i])), fills: {} })),
    };
    newColumnIds(table);
    this.tables.set(name, table);
    return [...table.columnIds!];
  }

  async addColumns(name: string, columns: ColumnSetup[]): Promise<string[]> {
    const table = this.mustTable(name);
    this.cost('addColumns', FIND + 1 + EVENTS + reprotect(table));
    if (!table.columnIds) newColumnIds(table);
    const ids: string[] = [];
    for (const { header, ...rest } of columns) {
      if (table.headers.includes(header)) throw new Error(`table "${name}" has a column "${header}" already`);
      table.headers.push(header);
      table.setup[header] = rest;
      for (const row of table.rows) row.cells.push('');
      const id = String(table.nextColumnId!);
      table.nextColumnId! += 1;
      table.columnIds!.push(id);
      ids.push(id);
    }
    return ids;
  }

  async appendRows(name: string, rows: Cell[][]): Promise<void> {
    if (rows.length === 0) return;
    const table = this.mustTable(name);
    this.cost('appendRows', appendRowsSyncs(rows, this.budget) + reprotect(table));
    for (const cells of rows) table.rows.push({ cells: table.headers.map((_, i) => asStored(cells[i])), fills: {} });
  }

  async writeColumns(name: string, rows: number[], columns: Record<string, Cell[]>): Promise<void> {
    const headers = Object.keys(columns);
    if (rows.length === 0 || headers.length === 0) return;
    const table = this.mustTable(name);
    const indexes = headers.map((h) => this.columnIndex(table, h));
    for (const h of headers)
      if (columns[h].length !== rows.length)
        throw new Error(`column "${h}" has ${columns[h].length} values for ${rows.length} rows`);
    const at = new Map(rows.map((row, i) => [row, i]));
    this.cost(
      'writeColumns',
      FIND +
        writeChunks(rows, indexes, (r, c) => columns[table.headers[c]][at.get(r)!], this.budget) +
        EVENTS +
        reprotect(table),
    );
    rows.forEach((row, i) => {
      const target = table.rows[row];
      if (!target) throw new Error(`table "${name}" has no body row ${row}`);
      headers.forEach((h, k) => {
        target.cells[indexes[k]] = asStored(columns[h][i]);
      });
    });
  }

  async deleteRows(name: string, rows: number[]): Promise<void> {
    if (rows.length === 0) return;
    const table = this.mustTable(name);
    const highestFirst = [...new Set(rows)].sort((a, b) => b - a);
    this.cost('deleteRows', FIND + perItemChunks(highestFirst.length, 160, this.budget) + EVENTS + reprotect(table));
    for (const row of highestFirst) {
      if (!table.rows[row]) throw new Error(`table "${name}" has no body row ${row}`);
      table.rows.splice(row, 1);
    }
  }

  async markCells(name: string, marks: CellMark[]): Promise<void> {
    if (marks.length === 0) return;
    const table = this.mustTable(name);
    this.cost('markCells', FIND + perItemChunks(marks.length, 320, this.budget) + EVENTS + reprotect(table));
    for (const mark of marks) {
      this.columnIndex(table, mark.column);
      const row = table.rows[mark.row];
      if (!row) throw new Error(`table "${name}" has no body row ${mark.row}`);
      if (mark.fill) row.fills[mark.column] = mark.fill;
      else delete row.fills[mark.column];
    }
  }

  async activateSheet(sheet: string): Promise<void> {
    this.cost('activateSheet', 1);
    if (!this.sheets.has(sheet)) throw new Error(`no sheet "${sheet}"`);
    // Excel: a hidden sheet cannot be the active one
    if (this.hiddenSheets.has(sheet)) throw new Error(`sheet "${sheet}" is hidden`);
    this.activeSheet = sheet;
  }

  async selectCell(name: string, row: number, column: string): Promise<void> {
    const table = this.mustTable(name);
    this.cost('selectCell', FIND + 1);
    this.columnIndex(table, column);
    if (!table.rows[row]) throw new Error(`table "${name}" has no body row ${row}`);
    this.selection = { sheet: table.sheet, table: name, row, column };
    this.activeSheet = table.sheet;
  }

  async setTrafficLights(name: string, lights: TrafficLights): Promise<void> {
    const table = this.mustTable(name);
    this.cost('setTrafficLights', 1);
    this.columnIndex(table, lights.column);
    table.lights = { ...lights };
  }

  async shapeRows(name: string, outline: PlanOutline): Promise<void> {
    const table = this.mustTable(name);
    const key = outlineSetting(name);
    const memory = readOutlineMemory(this.settings.get(key));
    const shape = outlineShape(outline, table.rows.length);
    // the same outline again changes nothing and costs only finding the table (ExcelWorkbook.shapeRows)
    const actions = memory?.shape === shape ? 0 : outlineActions(outline, table.rows.length, memory);
    this.cost('shapeRows', FIND + (actions ? outlineChunks(actions, this.budget) + EVENTS : 0));
    if (outline.titleColumn !== null) this.columnIndex(table, outline.titleColumn);
    const rows = outline.rows.slice(0, table.rows.length).map((r) => ({ ...r }));
    table.outline = { titleColumn: outline.titleColumn, rows };
    const depth = Math.max(0, ...rows.map((r) => r.depth));
    this.settings.set(key, JSON.stringify({ depth, rows: table.rows.length, shape }));
  }

  async upsertChart(chart: ChartSpec): Promise<void> {
    this.cost('upsertChart', 3);
    if (!this.sheets.has(chart.sheet)) this.sheets.set(chart.sheet, []);
    this.charts.set(chart.name, {
      ...chart,
      categories: [...chart.categories],
      values: [...chart.values],
      colors: chart.colors ? [...chart.colors] : undefined,
    });
  }

  async getSetting(key: string): Promise<string | null> {
    this.cost('getSetting', 1);
    return this.settings.get(key) ?? null;
  }

  async setSetting(key: string, value: string | null): Promise<void> {
    this.cost('setSetting', value === null ? 2 : 1);
    if (value === null) this.settings.delete(key);
    else this.settings.set(key, value);
  }

  async protectTable(name: string, editable: readonly string[] | null): Promise<void> {
    const table = this.mustTable(name);
    this.cost('protectTable', FIND + 2);
    for (const header of editable ?? []) this.columnIndex(table, header);
    table.protection = editable === null ? null : { editable: [...editable] };
  }

  async onRowsChanged(name: string, listener: (rows: number[] | 'unknown') => void): Promise<() => Promise<void>> {
    this.cost('onRowsChanged', 1);
    const entry = { table: name, listener };
    this.listeners.add(entry);
    return async () => {
      this.listeners.delete(entry);
    };
  }

  // ------------------------------------------------------------------ the user (raise change hints)

  /** the user types into a cell; a text-formatted column keeps what was typed as text */
  editCell(table: string, row: number, header: string, value: Cell): void {
    const t = this.mustTable(table);
    const target = t.rows[row];
    if (!target) throw new Error(`table "${table}" has no body row ${row}`);
    if (t.protection && !t.protection.editable.includes(header)) throw lockedCell(table, header);
    target.cells[this.columnIndex(t, header)] = typed(value, t.setup[header]?.numberFormat);
    this.emit(table, [row]);
  }

  /** Ctrl+V of a cell copied with its format: the typed value and the source's number format replace the cell's */
  pasteCell(table: string, row: number, header: string, value: Cell, numberFormat: string): void {
    const t = this.mustTable(table);
    const target = t.rows[row];
    if (!target) throw new Error(`table "${table}" has no body row ${row}`);
    target.cells[this.columnIndex(t, header)] = value ?? '';
    target.formats = { ...target.formats, [header]: numberFormat };
    this.emit(table, [row]);
  }

  /** the user types a row just below the table, which grows it */
  addRow(table: string, values: Record<string, Cell>): number {
    const t = this.mustTable(table);
    if (t.protection) throw lockedCell(table);
    t.rows.push(this.userRow(t, values));
    this.emit(table, 'unknown');
    return t.rows.length - 1;
  }

  /** Insert → Table Rows Above */
  insertRowAt(table: string, position: number, values: Record<string, Cell> = {}): void {
    const t = this.mustTable(table);
    if (t.protection) throw lockedCell(table);
    t.rows.splice(position, 0, this.userRow(t, values));
    this.emit(table, 'unknown');
  }

  deleteRowAt(table: string, position: number): void {
    const t = this.mustTable(table);
    if (t.protection) throw lockedCell(table);
    t.rows.splice(position, 1);
    this.emit(table, 'unknown');
  }

  /** Data → Sort on one column: whole rows move, fills with them (text compared as Excel does, case-insensitive) */
  sortBy(table: string, header: string, descending = false): void {
    const t = this.mustTable(table);
    if (t.protection) throw lockedCell(table);
    const c = this.columnIndex(t, header);
    t.rows.sort(sortOrder(c, descending));
    this.emit(table, 'unknown');
  }

  /** types a new header over a column's (the column, its setup and its fills keep their identity) */
  renameHeader(table: string, from: string, to: string): void {
    const t = this.mustTable(table);
    if (t.protection) throw lockedCell(table, from);
    const c = this.columnIndex(t, from);
    if (t.headers.some((h, i) => i !== c && h.toLowerCase() === to.toLowerCase()))
      throw new Error(`the table already has a column "${to}"`);
    t.headers[c] = to;
    if (t.setup[from]) [t.setup[to], t.setup[from]] = [t.setup[from], t.setup[to]];
    for (const row of t.rows) {
      if (row.fills[from]) [row.fills[to], row.fills[from]] = [row.fills[from], row.fills[to]];
      if (row.formats?.[from]) [row.formats[to], row.formats[from]] = [row.formats[from], row.formats[to]];
    }
    this.emit(table, 'unknown');
  }

  /** drags a column to place `to`: cells, header and TableColumn.id move together */
  moveColumn(table: string, header: string, to: number): void {
    const t = this.mustTable(table);
    if (t.protection) throw lockedCell(table);
    const from = this.columnIndex(t, header);
    const move = <T>(list: T[]) => list.splice(to, 0, ...list.splice(from, 1));
    move(t.headers);
    if (t.columnIds) move(t.columnIds);
    for (const row of t.rows) move(row.cells);
    this.emit(table, 'unknown');
  }

  /** a sheet that is not a table yet (e.g. a seed-shaped plan pasted in) */
  putSheet(sheet: string, values: Cell[][]): void {
    this.sheets.set(
      sheet,
      values.map((r) => [...r]),
    );
  }

  // ------------------------------------------------------------------ reopening

  static deserialize(text: string, options: { budgetBytes?: number } = {}): MemoryWorkbook {
    const workbook = new MemoryWorkbook(options);
    workbook.restore(text);
    return workbook;
  }

  // ------------------------------------------------------------------ internals

  private cost(operation: string, syncs: number): void {
    this.calls.push(operation);
    this.callSyncs.push(syncs);
    this.syncs += syncs;
  }

  private emit(table: string, rows: number[] | 'unknown'): void {
    for (const l of [...this.listeners]) if (l.table === table) l.listener(rows);
  }

  private userRow(t: Table, values: Record<string, Cell>): Row {
    for (const h of Object.keys(values)) this.columnIndex(t, h);
    return { cells: t.headers.map((h) => (h in values ? typed(values[h], t.setup[h]?.numberFormat) : '')), fills: {} };
  }
}

/** the port's writes put a protected sheet's protection back: one more request (excel/protection.ts) */
function reprotect(table: Table): number {
  return table.protection ? 1 : 0;
}

/** what Excel says to a person typing into a locked cell, or changing the rows of a protected sheet */
function lockedCell(table: string, header?: string): Error {
  return new Error(
    `the sheet of "${table}" is protected${header ? `: "${header}" is locked` : ''} (Revisione → Rimuovi protezione foglio)`,
  );
}
