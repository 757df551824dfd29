/**
 * What the in-memory workbook holds (sheets, tables, settings, charts, listeners) and how tests look at it; the port's
 * operations and the user's edits are MemoryWorkbook's, on top of this.
 */
import {
  columnIndexOf,
  type Display,
  formatOf,
  italianDisplay,
  newColumnIds,
  type Snapshot,
  type Table,
  usedRange,
} from './memory-model';
import type { Cell, CellGrid, ChartSpec, ColumnSetup, PlanOutline, SheetData, TableData, TrafficLights } from './port';

export type Listener = { table: string; listener: (rows: number[] | 'unknown') => void };

export class MemoryContent {
  protected sheets = new Map<string, Cell[][]>();
  protected tables = new Map<string, Table>();
  protected settings = new Map<string, string>();
  protected charts = new Map<string, ChartSpec>();
  /** sheets hidden from the user (port.hideSheet) */
  protected hiddenSheets = new Set<string>();
  protected listeners = new Set<Listener>();
  /** how the grid shows a value in a format (Range.text) */
  protected display: Display = italianDisplay;

  // ------------------------------------------------------------------ inspection

  table(name: string): TableData | null {
    const t = this.tables.get(name);
    return t
      ? {
          name,
          sheet: t.sheet,
          headers: [...t.headers],
          columnIds: [...(t.columnIds ?? [])],
          rowCount: t.rows.length,
          ...this.grid(t),
        }
      : null;
  }

  /** what the grid shows in a body cell, and the format it shows it in */
  shown(table: string, row: number, header: string): { text: string; numberFormat: string } {
    const t = this.mustTable(table);
    const target = t.rows[row];
    if (!target) throw new Error(`table "${table}" has no body row ${row}`);
    const c = this.columnIndex(t, header);
    const numberFormat = formatOf(t, target, c);
    return { text: this.display(target.cells[c], numberFormat), numberFormat };
  }

  cell(table: string, row: number, header: string): Cell {
    const t = this.mustTable(table);
    return t.rows[row]?.cells[this.columnIndex(t, header)] ?? null;
  }

  column(table: string, header: string): Cell[] {
    const t = this.mustTable(table);
    const c = this.columnIndex(t, header);
    return t.rows.map((r) => r.cells[c]);
  }

  /** first body row whose cell in `header` equals `value`, or -1 */
  findRow(table: string, header: string, value: Cell): number {
    return this.column(table, header).findIndex(
      (cell) => cell === value || (cell !== null && value !== null && String(cell) === String(value)),
    );
  }

  fill(table: string, row: number, header: string): string | null {
    return this.mustTable(table).rows[row]?.fills[header] ?? null;
  }

  columnSetup(table: string, header: string): Omit<ColumnSetup, 'header'> | null {
    return this.mustTable(table).setup[header] ?? null;
  }

  /** the columns open to typing on the protected sheet of a table, or null when it is not protected */
  editableColumns(table: string): string[] | null {
    const protection = this.mustTable(table).protection;
    return protection ? [...protection.editable] : null;
  }

  lights(table: string): TrafficLights | null {
    return this.mustTable(table).lights;
  }

  /** the row outline, indent and bold shapeRows last set on a table */
  outline(table: string): PlanOutline | null {
    return this.mustTable(table).outline ?? null;
  }

  chart(name: string): ChartSpec | null {
    return this.charts.get(name) ?? null;
  }

  setting(key: string): string | null {
    return this.settings.get(key) ?? null;
  }

  isHidden(sheet: string): boolean {
    return this.hiddenSheets.has(sheet);
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  // ------------------------------------------------------------------ closing and reopening

  /** the file as saved: content, formats and settings, as JSON (listeners, selection and counters are not saved) */
  serialize(): string {
    const snapshot: Snapshot = {
      sheets: Object.fromEntries(this.sheets),
      tables: [...this.tables.values()],
      settings: Object.fromEntries(this.settings),
      charts: [...this.charts.values()],
      hidden: [...this.hiddenSheets],
    };
    return JSON.stringify(snapshot);
  }

  /** the saved file's content, into a workbook just opened */
  protected restore(text: string): void {
    const snapshot = JSON.parse(text) as Snapshot;
    for (const [name, grid] of Object.entries(snapshot.sheets)) this.sheets.set(name, grid);
    for (const table of snapshot.tables) {
      // a file saved before the twin kept column ids: Excel numbers the columns of such a table when it reads it
      if (!table.columnIds) newColumnIds(table);
      this.tables.set(table.name, table);
    }
    for (const [key, value] of Object.entries(snapshot.settings)) this.settings.set(key, value);
    for (const chart of snapshot.charts) this.charts.set(chart.name, chart);
    for (const sheet of snapshot.hidden ?? []) this.hiddenSheets.add(sheet);
  }

  // ------------------------------------------------------------------ internals

  protected mustTable(name: string): Table {
    const table = this.tables.get(name);
    if (!table) throw new Error(`the workbook has no table "${name}"`);
    return table;
  }

  /** a table's body as Excel holds and shows it: values, formats, displayed text */
  protected grid(t: Table): CellGrid {
    const formats = t.rows.map((r) => r.cells.map((_, c) => formatOf(t, r, c)));
    return {
      rows: t.rows.map((r) => [...r.cells]),
      formats,
      texts: t.rows.map((r, i) => r.cells.map((cell, c) => this.display(cell, formats[i][c]))),
    };
  }

  protected columnIndex(table: Table, header: string): number {
    return columnIndexOf(table, header);
  }

  /**
   * the used range of a sheet, tables drawn in at their place; the twin keeps no formats for cells outside tables
   * (a sheet put in by a test is General throughout), so they show as General does
   */
  protected sheetGrid(sheet: string): SheetData | null {
    const base = this.sheets.get(sheet);
    if (!base) return null;
    const used = usedRange(
      base,
      [...this.tables.values()].filter((t) => t.sheet === sheet),
    );
    if (!used) return null;
    const formats = used.values.map((line) => line.map(() => 'General'));
    return { ...used, formats, texts: used.values.map((line) => line.map((cell) => this.display(cell, 'General'))) };
  }
}
