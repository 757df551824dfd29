/**
 * The workbook port on real Excel: the only code in the add-in that calls Excel.run. Every operation batches its
 * work into as few requests as the 5 MB limit of Excel on the web allows: one context.sync() per chunk, plus a
 * constant for locating the table and restoring events. Values travel exactly as Excel holds them.
 */
import type {
  Cell,
  CellMark,
  ChartSpec,
  ColumnSetup,
  TableData,
  TableInfo,
  TrafficLights,
  WorkbookPort,
} from '../workbook/port';
import { a1 } from '../workbook/address';
import {
  ACTION_OVERHEAD_BYTES,
  CHUNK_BUDGET_BYTES,
  FIRST_READ_ROWS,
  GUESSED_CELL_BYTES,
  isPayloadTooLarge,
  jsonBytes,
  nextReadRows,
  packBySize,
  runsOf,
} from '../workbook/chunks';
import { apiSupported } from './requirements';
import { changedBodyRows } from './table-events';

export type ExcelRunner = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  reuse?: Excel.RequestContext,
) => Promise<T>;

/** the part of the Excel namespace the port calls: Excel.run(batch) and Excel.run(context, batch) */
export type ExcelHost = { run(...args: any[]): Promise<any> };

export type ExcelWorkbookOptions = {
  /** defaults to the global Excel (tests pass a mock or the double) */
  excel?: ExcelHost;
  /** defaults to Office.context.requirements.isSetSupported('ExcelApi', version) */
  supports?: (version: '1.7' | '1.8' | '1.9') => boolean;
  /** payload budget per request, below Excel on the web's 5 MB */
  budgetBytes?: number;
};

/** Where a table's body sits, read once per operation. */
type Geometry = {
  name: string;
  table: Excel.Table;
  sheet: Excel.Worksheet;
  sheetName: string;
  headers: string[];
  /** sheet row / column of the first body cell (0-based) */
  top: number;
  left: number;
  rowCount: number;
};

function runnerOf(excel: ExcelHost | undefined): ExcelRunner {
  return (batch, reuse) => {
    const host = excel ?? Excel;
    return reuse ? host.run(reuse, batch) : host.run(batch);
  };
}

/** Excel column widths are in points; a character of the default font is about 5.6 points wide. */
const POINTS_PER_CHARACTER = 5.6;

export class ExcelWorkbook implements WorkbookPort {
  private readonly run: ExcelRunner;
  private readonly supports: (version: '1.7' | '1.8' | '1.9') => boolean;
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
      const geometry = await this.locate(context, name);
      if (!geometry) return null;
      const rows = await this.readBlock(
        context,
        geometry.sheet,
        geometry.top,
        geometry.left,
        geometry.rowCount,
        geometry.headers.length,
      );
      return { name, sheet: geometry.sheetName, headers: geometry.headers, rowCount: geometry.rowCount, rows };
    });
  }

  async readSheet(sheetName: string): Promise<{ address: string; values: Cell[][] } | null> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      await context.sync();
      if (sheet.isNullObject) return null;
      const used = sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (used.isNullObject) return null;
      const values = await this.readBlock(
        context,
        sheet,
        used.rowIndex,
        used.columnIndex,
        used.rowCount,
        used.columnCount,
      );
      return { address: a1(used.rowIndex, used.columnIndex, used.rowCount, used.columnCount), values };
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

  async createTable(sheetName: string, name: string, columns: ColumnSetup[], rows: Cell[][]): Promise<void> {
    const width = columns.length;
    const formats = columns.map((c) => c.numberFormat ?? 'General');
    await this.withEventsOff(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(sheetName);
      await context.sync();
      const sheet = existing.isNullObject ? context.workbook.worksheets.add(sheetName) : existing;
      // header and rows are written before the table exists: a table grows row by row, a range takes a block at once
      const all: Cell[][] = [columns.map((c) => c.header), ...rows];
      const sizes = all.map((row) => jsonBytes(row) + jsonBytes(formats));
      for (const [start, end] of packBySize(sizes, this.budget)) {
        const range = sheet.getRangeByIndexes(start, 0, end - start, width);
        // formats first: a text-formatted cell keeps "3,25%" as typed instead of Excel's reading of it
        range.numberFormat = all.slice(start, end).map((_, i) => (start + i === 0 ? formats.map(() => '@') : formats));
        range.values = all.slice(start, end);
        this.suspendScreen(context);
        await context.sync();
      }
      const table = sheet.tables.add(sheet.getRangeByIndexes(0, 0, Math.max(2, all.length), width), true);
      table.name = name;
      table.style = 'TableStyleMedium2';
      columns.forEach((column, index) => {
        const tableColumn = table.columns.getItemAt(index);
        if (column.width) tableColumn.getRange().format.columnWidth = Math.round(column.width * POINTS_PER_CHARACTER);
        if (column.hidden) tableColumn.getRange().columnHidden = true;
        if (column.list && this.supports('1.8')) {
          tableColumn.getDataBodyRange().dataValidation.rule = {
            list: { inCellDropDown: true, source: column.list.join(',') },
          };
        }
      });
      sheet.freezePanes.freezeRows(1);
      sheet.activate();
      await context.sync();
    });
  }

  async appendRows(name: string, rows: Cell[][]): Promise<void> {
    if (rows.length === 0) return;
    await this.withEventsOff(async (context) => {
      const geometry = await this.mustLocate(context, name);
      for (const [start, end] of packBySize(
        rows.map((row) => jsonBytes(row) + 8),
        this.budget,
      )) {
        geometry.table.rows.add(
          undefined,
          rows.slice(start, end).map((row) => row.map((cell) => cell ?? '')),
        );
        this.suspendScreen(context);
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
    await this.withEventsOff(async (context) => {
      const geometry = await this.mustLocate(context, name);
      const blocks = this.blocks(geometry, rows, columns);
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
        this.suspendScreen(context);
        await context.sync();
      }
    });
  }

  async deleteRows(name: string, rows: number[]): Promise<void> {
    if (rows.length === 0) return;
    const highestFirst = [...new Set(rows)].sort((a, b) => b - a);
    await this.withEventsOff(async (context) => {
      const geometry = await this.mustLocate(context, name);
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
    await this.withEventsOff(async (context) => {
      const geometry = await this.mustLocate(context, name);
      for (const [start, end] of packBySize(
        marks.map(() => 2 * ACTION_OVERHEAD_BYTES),
        this.budget,
      )) {
        for (const mark of marks.slice(start, end)) {
          const fill = geometry.sheet.getRangeByIndexes(
            geometry.top + mark.row,
            geometry.left + this.columnIndex(geometry, mark.column),
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
      const geometry = await this.mustLocate(context, name);
      geometry.sheet.activate();
      geometry.sheet
        .getRangeByIndexes(geometry.top + row, geometry.left + this.columnIndex(geometry, column), 1, 1)
        .select();
      await context.sync();
    });
  }

  async setTrafficLights(name: string, lights: TrafficLights): Promise<void> {
    await this.run(async (context) => {
      const geometry = await this.mustLocate(context, name);
      const range = geometry.table.columns.getItemAt(this.columnIndex(geometry, lights.column)).getDataBodyRange();
      // rules are replaced, not stacked, so a Load after a Load leaves one set of lights
      range.conditionalFormats.clearAll();
      const format = range.conditionalFormats.add('IconSet');
      format.iconSet.style = 'ThreeTrafficLights1';
      format.iconSet.criteria = [
        {} as Excel.ConditionalIconCriterion,
        { type: 'Number', operator: 'GreaterThanOrEqual', formula: `=${lights.yellow}` },
        { type: 'Number', operator: 'GreaterThanOrEqual', formula: `=${lights.green}` },
      ];
      await context.sync();
    });
  }

  async upsertChart(spec: ChartSpec): Promise<void> {
    await this.withEventsOff(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(spec.sheet);
      await context.sync();
      const sheet = existing.isNullObject ? context.workbook.worksheets.add(spec.sheet) : existing;
      // the chart's data lives in columns A:B of its own sheet, so refreshing it never touches the plan table
      sheet.getRange('A:B').clear('Contents');
      const data = sheet.getRangeByIndexes(0, 0, spec.categories.length + 1, 2);
      data.values = [[spec.title, '%'], ...spec.categories.map((category, i) => [category, spec.values[i] ?? ''])];
      data.numberFormat = [['@', '@'], ...spec.categories.map(() => ['@', '0%'])];
      const chart = sheet.charts.getItemOrNullObject(spec.name);
      await context.sync();
      if (chart.isNullObject) {
        const created = sheet.charts.add('BarClustered', data, 'Columns');
        created.name = spec.name;
        created.title.text = spec.title;
        created.legend.visible = false;
        created.setPosition('D2', 'L24');
      } else {
        chart.setData(data, 'Columns');
        chart.title.text = spec.title;
      }
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
    return this.run(async (context) => (await this.locate(context, name))?.top ?? null);
  }

  async getSetting(key: string): Promise<string | null> {
    return this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key).load('value');
      await context.sync();
      return setting.isNullObject || setting.value === null || setting.value === undefined
        ? null
        : String(setting.value);
    });
  }

  async setSetting(key: string, value: string | null): Promise<void> {
    await this.run(async (context) => {
      if (value !== null) {
        context.workbook.settings.add(key, value);
        await context.sync();
        return;
      }
      const setting = context.workbook.settings.getItemOrNullObject(key);
      await context.sync();
      if (!setting.isNullObject) {
        setting.delete();
        await context.sync();
      }
    });
  }

  async onRowsChanged(name: string, listener: (rows: number[] | 'unknown') => void): Promise<() => Promise<void>> {
    const registration = await this.run(async (context) => {
      const table = context.workbook.tables.getItem(name);
      const handler = table.onChanged.add(async (event) => {
        try {
          listener(await changedBodyRows(this.run, name, event));
        } catch {
          // a hint lost is harmless: Sync diffs every row against its stored hash anyway
          listener('unknown');
        }
      });
      await context.sync();
      return { handler, context };
    });
    return async () => {
      await this.run(async (context) => {
        registration.handler.remove();
        await context.sync();
      }, registration.context);
    };
  }

  /** The table's position and headers (two requests: one to learn whether it exists, one for its shape). */
  private async locate(context: Excel.RequestContext, name: string): Promise<Geometry | null> {
    const table = context.workbook.tables.getItemOrNullObject(name);
    await context.sync();
    if (table.isNullObject) return null;
    const sheet = table.worksheet.load('name');
    const header = table.getHeaderRowRange().load('values,rowIndex,columnIndex');
    const rows = table.rows.load('count');
    await context.sync();
    return {
      name,
      table,
      sheet,
      sheetName: sheet.name,
      headers: header.values[0].map((h) => String(h)),
      top: header.rowIndex + 1,
      left: header.columnIndex,
      rowCount: rows.count,
    };
  }

  private async mustLocate(context: Excel.RequestContext, name: string): Promise<Geometry> {
    const geometry = await this.locate(context, name);
    if (!geometry) throw new Error(`the workbook has no table "${name}"`);
    return geometry;
  }

  private columnIndex(geometry: Geometry, header: string): number {
    const index = geometry.headers.indexOf(header);
    if (index < 0) throw new Error(`table "${geometry.name}" has no column "${header}"`);
    return index;
  }

  /**
   * A range's values in as few reads as fit the budget. Row widths are unknown until read, so the first read is
   * modest and the next ones are sized from the widest row seen; a read Excel still refuses is split in two.
   */
  private async readBlock(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    top: number,
    left: number,
    rowCount: number,
    columnCount: number,
  ): Promise<Cell[][]> {
    const out: Cell[][] = [];
    let widest = 0;
    let size = Math.min(FIRST_READ_ROWS, nextReadRows(columnCount * GUESSED_CELL_BYTES, columnCount, this.budget));
    let start = 0;
    while (start < rowCount && columnCount > 0) {
      const count = Math.min(size, rowCount - start);
      const range = sheet.getRangeByIndexes(top + start, left, count, columnCount).load('values');
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadTooLarge(error) || count === 1) throw error;
        size = Math.max(1, Math.floor(count / 2));
        continue;
      }
      for (const row of range.values as Cell[][]) {
        widest = Math.max(widest, jsonBytes(row));
        out.push(row);
      }
      start += count;
      size = nextReadRows(widest, columnCount, this.budget);
    }
    return out;
  }

  /** Cells to write, grouped into rectangles: runs of adjacent rows × runs of adjacent columns. */
  private blocks(
    geometry: Geometry,
    rows: number[],
    columns: Record<string, Cell[]>,
  ): Array<{ row: number; column: number; values: Cell[][]; bytes: number }> {
    const indexOfRow = new Map<number, number>();
    rows.forEach((row, i) => indexOfRow.set(row, i));
    const columnRuns = runsOf(Object.keys(columns).map((h) => this.columnIndex(geometry, h)));
    const headerAt = (index: number) => geometry.headers[index];
    const out: Array<{ row: number; column: number; values: Cell[][]; bytes: number }> = [];
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
        for (const [s, e] of packBySize(perRow, this.budget - ACTION_OVERHEAD_BYTES)) {
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

  /**
   * Our own writes would fire table.onChanged and mark every written row dirty; events are switched off for the
   * duration (ExcelApi 1.8) and switched back on even when a write fails.
   */
  private async withEventsOff<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.run(async (context) => {
      const toggle = this.supports('1.8');
      if (toggle) context.runtime.enableEvents = false;
      try {
        return await work(context);
      } finally {
        if (toggle) {
          context.runtime.enableEvents = true;
          await context.sync();
        }
      }
    });
  }

  private suspendScreen(context: Excel.RequestContext): void {
    if (this.supports('1.9')) context.application.suspendScreenUpdatingUntilNextSync();
  }
}
