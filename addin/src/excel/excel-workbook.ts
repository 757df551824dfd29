/**
 * The workbook port on real Excel: the only code in the add-in that calls Excel.run. Every operation batches its
 * work into as few requests as the 5 MB limit of Excel on the web allows: one context.sync() per chunk, plus a
 * constant for locating the table and restoring events. Cells are read with their number formats and displayed
 * text, so the sync can read them as the user sees them (sync/seen.ts).
 */
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
} from '../workbook/port';
import { a1 } from '../workbook/address';
import { outlineSetting, outlineShape, readOutlineMemory } from '../workbook/outline';
import { ACTION_OVERHEAD_BYTES, CHUNK_BUDGET_BYTES, jsonBytes, packBySize } from '../workbook/chunks';
import { blocksToWrite, readBlock } from './blocks';
import { applyTrafficLights, drawChart } from './charts';
import { columnIndex, type Geometry, locate, mustLocate } from './geometry';
import { addTableColumns, writeNewTable } from './new-table';
import { applyOutline } from './outline';
import { protectTable, whileUnprotected } from './protection';
import { apiSupported } from './requirements';
import { type ApiSupport, type ExcelHost, type ExcelRunner, suspendScreen } from './runner';
import { readSetting, writeSetting } from './settings';
import { watchRows } from './table-events';

export type { ExcelHost, ExcelRunner } from './runner';

export type ExcelWorkbookOptions = {
  /** defaults to the global Excel (tests pass a mock or the double) */
  excel?: ExcelHost;
  /** defaults to Office.context.requirements.isSetSupported('ExcelApi', version) */
  supports?: ApiSupport;
  /** payload budget per request, below Excel on the web's 5 MB */
  budgetBytes?: number;
};

function runnerOf(excel: ExcelHost | undefined): ExcelRunner {
  return (batch, reuse) => {
    const host = excel ?? Excel;
    return reuse ? host.run(reuse, batch) : host.run(batch);
  };
}

export class ExcelWorkbook implements WorkbookPort {
  private readonly run: ExcelRunner;
  private readonly supports: ApiSupport;
  private readonly budget: number;

  constructor(options: ExcelWorkbookOptions = {}) {
    this.run = runnerOf(options.excel);
    this.supports = options.supports ?? apiSupported;
    this.budget = options.budgetBytes ?? CHUNK_BUDGET_BYTES;
  }

  async listTables(): Promise<TableInfo[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables.load('items/name');
      await context.sync();
      const parts = tables.items.map((table) => ({
        table,
        sheet: table.worksheet.load('name'),
        header: table.getHeaderRowRange().load('values'),
        rows: table.rows.load('count'),
      }));
      await context.sync();
      return parts.map((p) => ({
        name: p.table.name,
        sheet: p.sheet.name,
        headers: p.header.values[0].map(String),
        rowCount: p.rows.count,
      }));
    });
  }

  async readTable(name: string): Promise<TableData | null> {
    return this.run(async (context) => {
      const geometry = await locate(context, name);
      if (!geometry) return null;
      const { sheet, top, left, rowCount, headers } = geometry;
      const grid = await readBlock(context, sheet, top, left, rowCount, headers.length, this.budget);
      return {
        name,
        sheet: geometry.sheetName,
        headers: geometry.headers,
        columnIds: geometry.columnIds,
        rowCount: geometry.rowCount,
        ...grid,
      };
    });
  }

  async readSheet(sheetName: string): Promise<SheetData | null> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      await context.sync();
      if (sheet.isNullObject) return null;
      const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (used.isNullObject) return null;
      const { rowIndex, columnIndex, rowCount, columnCount } = used;
      const {
        rows: values,
        formats,
        texts,
      } = await readBlock(context, sheet, rowIndex, columnIndex, rowCount, columnCount, this.budget);
      return { address: a1(used.rowIndex, used.columnIndex, used.rowCount, used.columnCount), values, formats, texts };
    });
  }

  async convertToTable(sheetName: string, address: string, name: string): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const table = sheet.tables.add(sheet.getRange(address), true);
      table.name = name;
      await context.sync();
    });
  }

  async createTable(sheetName: string, name: string, columns: ColumnSetup[], rows: Cell[][]): Promise<string[]> {
    return this.withEventsOff((context) =>
      writeNewTable(context, { sheetName, name, columns, rows }, this.budget, this.supports),
    );
  }

  async addColumns(name: string, columns: ColumnSetup[]): Promise<string[]> {
    let ids: string[] = [];
    await this.writeTo(name, async (context, geometry) => {
      ids = await addTableColumns(context, geometry, columns, this.supports);
    });
    return ids;
  }

  async hideSheet(name: string, show: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(show).activate();
      context.workbook.worksheets.getItem(name).visibility = 'VeryHidden';
      await context.sync();
    });
  }

  async deleteSheet(name: string): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (sheet.isNullObject) return;
      // Excel refuses to delete a "VeryHidden" sheet (InvalidOperation): it is made only hidden first, same request
      sheet.visibility = 'Hidden';
      sheet.delete();
      await context.sync();
    });
  }

  async appendRows(name: string, rows: Cell[][]): Promise<void> {
    if (rows.length === 0) return;
    await this.writeTo(name, async (context, geometry) => {
      for (const [start, end] of packBySize(
        rows.map((row) => jsonBytes(row) + 8),
        this.budget,
      )) {
        geometry.table.rows.add(
          undefined,
          rows.slice(start, end).map((row) => row.map((cell) => cell ?? '')),
        );
        suspendScreen(context, this.supports);
        await context.sync();
      }
    });
  }

  async writeColumns(name: string, rows: number[], columns: Record<string, Cell[]>): Promise<void> {
    const headers = Object.keys(columns);
    if (rows.length === 0 || headers.length === 0) return;
    for (const header of headers) {
      if (columns[header].length !== rows.length)
        throw new Error(`column "${header}" has ${columns[header].length} values for ${rows.length} rows`);
    }
    await this.writeTo(name, async (context, geometry) => {
      const blocks = blocksToWrite(geometry, rows, columns, this.budget);
      for (const [start, end] of packBySize(
        blocks.map((b) => b.bytes),
        this.budget,
      )) {
        for (const block of blocks.slice(start, end)) {
          geometry.sheet.getRangeByIndexes(
            geometry.top + block.row,
            geometry.left + block.column,
            block.values.length,
            block.values[0].length,
          ).values = block.values;
        }
        suspendScreen(context, this.supports);
        await context.sync();
      }
    });
  }

  async deleteRows(name: string, rows: number[]): Promise<void> {
    if (rows.length === 0) return;
    const highestFirst = [...new Set(rows)].sort((a, b) => b - a);
    await this.writeTo(name, async (context, geometry) => {
      for (const [start, end] of packBySize(
        highestFirst.map(() => ACTION_OVERHEAD_BYTES),
        this.budget,
      )) {
        for (const row of highestFirst.slice(start, end)) geometry.table.rows.getItemAt(row).delete();
        await context.sync();
      }
    });
  }

  async markCells(name: string, marks: CellMark[]): Promise<void> {
    if (marks.length === 0) return;
    await this.writeTo(name, async (context, geometry) => {
      for (const [start, end] of packBySize(
        marks.map(() => 2 * ACTION_OVERHEAD_BYTES),
        this.budget,
      )) {
        for (const mark of marks.slice(start, end)) {
          const fill = geometry.sheet.getRangeByIndexes(
            geometry.top + mark.row,
            geometry.left + columnIndex(geometry, mark.column),
            1,
            1,
          ).format.fill;
          if (mark.fill) fill.color = mark.fill;
          else fill.clear();
        }
        await context.sync();
      }
    });
  }

  async selectCell(name: string, row: number, column: string): Promise<void> {
    await this.run(async (context) => {
      const geometry = await mustLocate(context, name);
      geometry.sheet.activate();
      geometry.sheet
        .getRangeByIndexes(geometry.top + row, geometry.left + columnIndex(geometry, column), 1, 1)
        .select();
      await context.sync();
    });
  }

  async setTrafficLights(name: string, lights: TrafficLights): Promise<void> {
    await this.run((context) => applyTrafficLights(context, name, lights));
  }

  async shapeRows(name: string, outline: PlanOutline): Promise<void> {
    await this.run(async (context) => {
      // what the last call grouped rides in the request that looks for the table (no request of its own)
      const previous = context.workbook.settings.getItemOrNullObject(outlineSetting(name)).load('value');
      const geometry = await mustLocate(context, name);
      const memory = previous.isNullObject ? null : readOutlineMemory(previous.value);
      // the outline already there (kept only where Excel groups rows, 1.10): nothing to do, that one request only
      if (this.supports('1.10') && memory?.shape === outlineShape(outline, geometry.rowCount)) return;
      await this.eventsOff(context, () =>
        whileUnprotected(context, geometry.sheet, () =>
          applyOutline(context, geometry, outline, memory, this.budget, this.supports),
        ),
      );
    });
  }

  async upsertChart(spec: ChartSpec): Promise<void> {
    // on a sheet of its own, away from the table whose changes the pane listens to: no events to switch off
    await this.run((context) => drawChart(context, spec));
  }

  /**
   * not part of the port: the outline button `level` pressed for the user on the bound sheet (1: perspectives only …
   * 4: every row). Excel refuses the outline buttons, + / − and 1–4 alike, on a protected sheet, and its protection
   * has no option that leaves them to the user: WorksheetProtectionOptions (allowFormatRows, allowAutoFilter, …)
   * names none, and only VBA's Worksheet.EnableOutlining does, which is not in Office.js and not saved in the file.
   * So the pane folds the plan itself: the protection lifted, the levels shown and the protection put back with the
   * options it had, in one Excel.run (protection.ts). Without ExcelApi 1.10 there is no outline: nothing to do.
   */
  async showLevels(name: string, level: number): Promise<void> {
    if (!this.supports('1.10')) return;
    await this.run(async (context) => {
      const geometry = await mustLocate(context, name);
      await whileUnprotected(context, geometry.sheet, async () => {
        geometry.sheet.showOutlineLevels(level, 0);
        await context.sync();
      });
    });
  }

  async activateSheet(sheet: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
    });
  }

  /** not part of the port: the pane asks it to bind the sheet the user is looking at */
  async activeSheetName(): Promise<string> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet().load('name');
      await context.sync();
      return sheet.name;
    });
  }

  /**
   * not part of the port: the sheet row (0-based) of a table's first body row, so the pane can name a row the way
   * Excel's row headers number it; null when the table is gone
   */
  async firstBodyRow(name: string): Promise<number | null> {
    return this.run(async (context) => (await locate(context, name))?.top ?? null);
  }

  async getSetting(key: string): Promise<string | null> {
    return this.run((context) => readSetting(context, key));
  }

  async setSetting(key: string, value: string | null): Promise<void> {
    await this.run((context) => writeSetting(context, key, value));
  }

  async onRowsChanged(name: string, listener: (rows: number[] | 'unknown') => void): Promise<() => Promise<void>> {
    return watchRows(this.run, name, listener);
  }

  async protectTable(name: string, editable: readonly string[] | null): Promise<void> {
    await this.run(async (context) => protectTable(context, await mustLocate(context, name), editable));
  }

  /** the add-in's writes into a table: events off, and the sheet's protection lifted for them (protection.ts) */
  private async writeTo(
    name: string,
    work: (context: Excel.RequestContext, geometry: Geometry) => Promise<void>,
  ): Promise<void> {
    await this.withEventsOff(async (context) => {
      const geometry = await mustLocate(context, name);
      await whileUnprotected(context, geometry.sheet, () => work(context, geometry));
    });
  }

  /**
   * Our own writes would fire table.onChanged and mark every written row dirty; events are switched off for the
   * duration (ExcelApi 1.8) and switched back on even when a write fails.
   */
  private async withEventsOff<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.run((context) => this.eventsOff(context, () => work(context)));
  }

  /** events off for `work` in a batch already running: switched off in its first request, back on after it */
  private async eventsOff<T>(context: Excel.RequestContext, work: () => Promise<T>): Promise<T> {
    const toggle = this.supports('1.8');
    if (toggle) context.runtime.enableEvents = false;
    try {
      return await work();
    } finally {
      if (toggle) {
        context.runtime.enableEvents = true;
        await context.sync();
      }
    }
  }
}
