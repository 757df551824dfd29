/**
 * The workbook behind the double: sheets of typed cells, tables, document settings and custom XML parts. Plain
 * state plus the geometry helpers every operation shares; Excel's rules live in edits.ts, the Office.js surface in
 * the proxy files. `saved()` / `WorkbookModel.fromSaved()` are the file on disk: what survives closing the workbook.
 */
import { GENERAL, type Locale, type Scalar } from './values';

export type Rect = { row: number; column: number; rows: number; columns: number };

export type CellModel = {
  /** the constant, or the formula's last computed value ("#DIV/0!" and friends for errors) */
  value: Scalar;
  /** "=A1*2" in en-US syntax (Range.formulas), null for a constant */
  formula: string | null;
  isError: boolean;
  numberFormat: string;
  /** Excel's default: every cell is locked, which matters only once the sheet is protected */
  locked: boolean;
  fill: string | null;
  /** RangeFormat.font.bold */
  bold: boolean;
  /** RangeFormat.indentLevel: 0 to 250 */
  indent: number;
};

export type ProtectionModel = {
  protected: boolean;
  password: string | null;
  allowFormatCells: boolean;
  allowInsertRows: boolean;
  allowDeleteRows: boolean;
  allowSort: boolean;
  allowAutoFilter: boolean;
};

/** a series as Excel derives it from the chart's data, with the formatting the add-in gives it */
export type ChartSeriesModel = {
  chartType: string;
  /** one per category: the point's own fill, null for the series' colour */
  points: Array<{ fill: string | null }>;
};

export type ChartModel = {
  name: string;
  type: string;
  series: ChartSeriesModel[];
  data: Rect;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  position: [string, string] | null;
};

export type Decorations = {
  columnWidths: Record<number, number>;
  hiddenColumns: number[];
  frozenRows: number;
  charts: ChartModel[];
  conditionalFormats: Array<{ rect: Rect; type: string; iconStyle: string | null; criteria: unknown[] }>;
  validations: Array<{ rect: Rect; rule: unknown }>;
  /**
   * each grouped row's outline level (1–8; absent: 0), a property of the whole row: Range.group / ungroup by rows
   * change it, table row inserts and deletes (which move only the table's cells) do not
   */
  rowOutline: Record<number, number>;
};

export const newCell = (): CellModel => ({
  value: '',
  formula: null,
  isError: false,
  numberFormat: GENERAL,
  locked: true,
  fill: null,
  bold: false,
  indent: 0,
});

export class SheetModel {
  /** "row,column" → cell; absent means an empty General cell */
  cells = new Map<string, CellModel>();
  /** rows hidden by a table filter: their values stay readable, as in Excel */
  hiddenRows = new Set<number>();
  /** Excel.SheetVisibility: a very hidden sheet is not listed by Home › Format › Unhide, only code shows it again */
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protection: ProtectionModel = {
    protected: false,
    password: null,
    allowFormatCells: false,
    allowInsertRows: false,
    allowDeleteRows: false,
    allowSort: false,
    allowAutoFilter: false,
  };
  decorations: Decorations = {
    columnWidths: {},
    hiddenColumns: [],
    frozenRows: 0,
    charts: [],
    conditionalFormats: [],
    validations: [],
    rowOutline: {},
  };

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(row: number, column: number): CellModel | undefined {
    return this.cells.get(`${row},${column}`);
  }

  touch(row: number, column: number): CellModel {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = newCell()));
    return cell;
  }

  value(row: number, column: number): Scalar {
    return this.cell(row, column)?.value ?? '';
  }

  /** every stored cell with its position, for moves and the used range */
  *entries(): Generator<[number, number, CellModel]> {
    for (const [key, cell] of this.cells) {
      const [row, column] = key.split(',').map(Number);
      yield [row, column, cell];
    }
  }

  /** Range.getUsedRange(valuesOnly): the smallest rectangle holding every non-empty cell (formats count unless valuesOnly) */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    for (const [row, column, cell] of this.entries()) {
      const blank = cell.value === '' && cell.formula === null;
      if (blank && (valuesOnly || cell.numberFormat === GENERAL)) continue;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, column);
      right = Math.max(right, column);
    }
    return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }
}

export type TableChangeListener = (args: Record<string, unknown>) => unknown;

export class TableModel {
  readonly listeners: TableChangeListener[] = [];
  style = 'TableStyleMedium2';
  /** the filter a user applied through the header's drop-down: a column and the values it keeps */
  filter: { column: number; keep: Scalar[] } | null = null;
  /**
   * TableColumn.id of each column, left to right: a key Excel gives a column when it is made and keeps through renames
   * and moves; a deleted column's id is not given again (the `id` of a `<tableColumn>` in the file, which Excel keeps
   * unique within the table; https://learn.microsoft.com/javascript/api/excel/excel.tablecolumn#excel-excel-tablecolumn-id-member
   * says only "a unique key that identifies the column within the table": that a move keeps it is this double's reading
   * of the file format, where the id travels with its `<tableColumn>`).
   */
  columnIds: string[];
  nextColumnId: number;

  /** row/column: the top-left header cell; bodyRows ≥ 1 (Excel keeps an empty row in an empty table) */
  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: SheetModel,
    public row: number,
    public column: number,
    public columns: number,
    public bodyRows: number,
  ) {
    this.columnIds = Array.from({ length: columns }, (_, i) => String(i + 1));
    this.nextColumnId = columns + 1;
  }

  headers(): string[] {
    const out: string[] = [];
    for (let c = 0; c < this.columns; c++) out.push(String(this.sheet.value(this.row, this.column + c)));
    return out;
  }

  headerRect(): Rect {
    return { row: this.row, column: this.column, rows: 1, columns: this.columns };
  }
  bodyRect(): Rect {
    return { row: this.row + 1, column: this.column, rows: this.bodyRows, columns: this.columns };
  }
  wholeRect(): Rect {
    return { row: this.row, column: this.column, rows: this.bodyRows + 1, columns: this.columns };
  }
}

export type CustomXmlPartModel = { id: string; namespaceUri: string; xml: string };

export type SavedWorkbook = {
  locale: Locale;
  nextId: number;
  sheets: Array<{
    id: string;
    name: string;
    cells: Array<[string, CellModel]>;
    hiddenRows: number[];
    protection: ProtectionModel;
    decorations: Decorations;
    visibility?: SheetModel['visibility'];
  }>;
  tables: Array<{
    id: string;
    name: string;
    sheet: string;
    row: number;
    column: number;
    columns: number;
    bodyRows: number;
    style: string;
    filter: TableModel['filter'];
    columnIds?: string[];
    nextColumnId?: number;
  }>;
  settings: Array<[string, unknown]>;
  customXmlParts: CustomXmlPartModel[];
};

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  /** the document's settings store (Excel.SettingCollection and, after saveAsync, Office.Settings) */
  settings = new Map<string, unknown>();
  customXmlParts: CustomXmlPartModel[] = [];
  eventsEnabled = true;
  activeSheet: SheetModel | null = null;
  selection: { sheet: string; rect: Rect } | null = null;
  private nextId = 1;

  constructor(
    readonly locale: Locale,
    firstSheet: string | null = 'Foglio1',
  ) {
    if (firstSheet) this.addSheet(firstSheet);
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(this.newId('sheet'), name);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  table(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  tablesOn(sheet: SheetModel): TableModel[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }

  /** a deep copy of what a saved .xlsx keeps: no listeners, no selection, no event switch */
  saved(): SavedWorkbook {
    const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    return copy({
      locale: this.locale,
      nextId: this.nextId,
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        cells: [...s.cells],
        hiddenRows: [...s.hiddenRows],
        protection: s.protection,
        decorations: s.decorations,
        visibility: s.visibility,
      })),
      tables: this.tables.map((t) => ({
        id: t.id,
        name: t.name,
        sheet: t.sheet.id,
        row: t.row,
        column: t.column,
        columns: t.columns,
        bodyRows: t.bodyRows,
        style: t.style,
        filter: t.filter,
        columnIds: t.columnIds,
        nextColumnId: t.nextColumnId,
      })),
      settings: [...this.settings],
      customXmlParts: this.customXmlParts,
    });
  }

  static fromSaved(file: SavedWorkbook): WorkbookModel {
    const data = JSON.parse(JSON.stringify(file)) as SavedWorkbook;
    const model = new WorkbookModel(data.locale, null);
    model.nextId = data.nextId;
    for (const s of data.sheets) {
      const sheet = new SheetModel(s.id, s.name);
      sheet.cells = new Map(s.cells);
      sheet.hiddenRows = new Set(s.hiddenRows);
      sheet.protection = s.protection;
      sheet.decorations = { ...s.decorations, rowOutline: s.decorations.rowOutline ?? {} };
      sheet.visibility = s.visibility ?? 'Visible';
      model.sheets.push(sheet);
    }
    for (const t of data.tables) {
      const sheet = model.sheets.find((s) => s.id === t.sheet) as SheetModel;
      const table = new TableModel(t.id, t.name, sheet, t.row, t.column, t.columns, t.bodyRows);
      table.style = t.style;
      table.filter = t.filter;
      if (t.columnIds) table.columnIds = t.columnIds;
      if (t.nextColumnId) table.nextColumnId = t.nextColumnId;
      model.tables.push(table);
    }
    model.settings = new Map(data.settings);
    model.customXmlParts = data.customXmlParts;
    return model;
  }
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rows <= outer.row + outer.rows &&
    inner.column + inner.columns <= outer.column + outer.columns
  );
}
