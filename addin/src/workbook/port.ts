/**
 * The workbook port: everything the add-in needs from Excel, and nothing more. `ExcelWorkbook` (the only code
 * that calls Excel.run) implements it for real Excel; `MemoryWorkbook` implements it for the sync-logic tests and
 * the browser test double. Rows are 0-based positions in the table body; columns are header texts.
 */
export type Cell = string | number | boolean | null;

export type TableInfo = {
  name: string;
  sheet: string;
  headers: string[];
  rowCount: number;
  /**
   * Excel's TableColumn.id of each column, in the order of `headers`: a key Excel keeps through a header's rename and
   * a column's move, so the binding can name a column by it (sync/column-identity.ts). Absent where not read.
   */
  columnIds?: string[];
};

/**
 * A rectangle of cells as Excel holds and shows it, three parallel grids read in the same request: the typed values
 * (numbers stay numbers, dates are serials), each cell's number format, and the text the grid displays.
 */
export type CellGrid = {
  rows: Cell[][];
  formats: string[][];
  texts: string[][];
};

export type TableData = TableInfo & CellGrid;

export type SheetData = { address: string; values: Cell[][]; formats: string[][]; texts: string[][] };

/** Formatting and validation for one column when a table is created. */
export type ColumnSetup = {
  header: string;
  numberFormat?: string;
  /** offered as an in-cell dropdown */
  list?: readonly string[];
  hidden?: boolean;
  width?: number;
};

export type CellMark = {
  row: number;
  column: string;
  /** fill colour ('#FFC7CE' for a rejected cell), null to clear */
  fill: string | null;
};

export type TrafficLights = {
  column: string;
  /** score (0..1) at which the green and the yellow light start: e.g. 1 and 0.6 */
  green: number;
  yellow: number;
};

export type ChartSpec = {
  name: string;
  sheet: string;
  title: string;
  categories: string[];
  /** one value per category, as a fraction */
  values: Array<number | null>;
  /** each bar's fill ('#RRGGBB', its traffic light), null for Excel's own colour; absent: Excel's colours */
  colors?: Array<string | null>;
  /** a line across the bars at this fraction (the pass mark), named in the legend; absent: no line */
  passMark?: { label: string; value: number } | null;
};

/**
 * How the plan's rows read in the grid, one entry per body row in order: `depth` is the row's place in the plan
 * (0 perspective, 1 strategic objective, 2 operational objective, 3 indicator): its outline level (collapsible row
 * groups) and the indent of its title; `bold` for the objective rows.
 */
export type PlanOutline = {
  /** the column whose cells are indented by depth; null: no indent */
  titleColumn: string | null;
  rows: Array<{ depth: number; bold: boolean }>;
};

export interface WorkbookPort {
  /** tables of the workbook, with their headers */
  listTables(): Promise<TableInfo[]>;
  /** the whole body of a table with formats and displayed text, read in chunks (one context.sync per chunk) */
  readTable(name: string): Promise<TableData | null>;
  /** the used range of a sheet (values, formats, displayed text), to bind a sheet that is not a table yet */
  readSheet(sheet: string): Promise<SheetData | null>;
  /** make a range (e.g. a seed-shaped plan) an Excel table */
  convertToTable(sheet: string, address: string, name: string): Promise<void>;
  /**
   * a new sheet with a new table: headers, rows, formats, dropdowns, hidden columns; returns Excel's TableColumn.id
   * of each column, in the order of `columns`
   */
  createTable(sheet: string, name: string, columns: ColumnSetup[], rows: Cell[][]): Promise<string[]>;
  /**
   * new columns at the right end of a table, set up as createTable sets its own (formats, dropdowns, hidden, width),
   * their body cells empty; returns Excel's TableColumn.id of each, in the order of `columns`
   */
  addColumns(name: string, columns: ColumnSetup[]): Promise<string[]>;
  /**
   * hides a sheet so the user cannot unhide it from Excel's menus (visibility "VeryHidden"), then activates `show`:
   * where the add-in keeps what the user must not edit (the merge base, sync/base.ts)
   */
  hideSheet(sheet: string, show: string): Promise<void>;
  /** removes a sheet with its tables and charts (a binding's merge base when it is unbound); none there: nothing */
  deleteSheet(sheet: string): Promise<void>;
  /** append rows at the end of a table */
  appendRows(name: string, rows: Cell[][]): Promise<void>;
  /** write cells of some columns: values[i] goes to body row rows[i]; in chunks, events off while writing */
  writeColumns(name: string, rows: number[], columns: Record<string, Cell[]>): Promise<void>;
  /** delete body rows (highest first, so positions stay valid) */
  deleteRows(name: string, rows: number[]): Promise<void>;
  /** highlight cells (rejected ones) or clear the highlight */
  markCells(name: string, marks: CellMark[]): Promise<void>;
  /** brings a sheet to the front (a click on a binding in the pane's list); Excel refuses a hidden sheet */
  activateSheet(sheet: string): Promise<void>;
  /** select a cell, so a click on an error in the pane shows it */
  selectCell(name: string, row: number, column: string): Promise<void>;
  /** conditional-format icons on a score column */
  setTrafficLights(name: string, lights: TrafficLights): Promise<void>;
  /**
   * row outline by depth (Excel's row groups, collapsible), indented titles, bold objective rows; replaces what the
   * last call made, and leaves the rows a user collapsed collapsed
   */
  shapeRows(name: string, outline: PlanOutline): Promise<void>;
  /** create or refresh a chart */
  upsertChart(chart: ChartSpec): Promise<void>;
  /** workbook settings (stored in the file, per add-in): small, never secrets */
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string | null): Promise<void>;
  /**
   * Sheet protection: every cell of the table locked except the body of the `editable` columns, and the sheet
   * protected (no password); `null` lifts it. The port's own writes still land on a protected sheet.
   */
  protectTable(name: string, editable: readonly string[] | null): Promise<void>;
  /** a hint that some body rows changed (the sync still diffs against the row hashes); returns an unsubscribe */
  onRowsChanged(name: string, listener: (rows: number[] | 'unknown') => void): Promise<() => Promise<void>>;
}
