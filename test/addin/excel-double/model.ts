/**
 * The in-memory workbook behind the Excel test double: sheets of cells, tables, settings, charts, conditional
 * formats, validations, selection and the runtime's event switch. Plain data, no Office semantics: the proxies
 * (context.ts and one file per Excel object) give it Excel's batching, loading and limits.
 */
export type Value = string | number | boolean;

export type CellModel = {
  value: Value;
  numberFormat: string;
  fill: string | null;
  /** Excel's default is locked (undefined here); it matters only on a protected sheet */
  locked?: boolean;
};

export type Rect = { row: number; column: number; rows: number; columns: number };

export type ChartModel = {
  name: string;
  type: string;
  data: Rect;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  position: [string, string] | null;
};

export type ConditionalFormatModel = { rect: Rect; type: string; iconStyle: string | null; criteria: unknown[] };

export type ValidationModel = { rect: Rect; rule: unknown };

export type TableChangeListener = (args: {
  type: 'TableChanged';
  changeType: string;
  source: 'Local' | 'Remote';
  address: string;
  tableId: string;
  worksheetId: string;
}) => unknown;

export class SheetModel {
  readonly cells = new Map<number, Map<number, CellModel>>();
  readonly hiddenColumns = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  readonly charts: ChartModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly validations: ValidationModel[] = [];
  frozenRows = 0;
  protection: { protected: boolean; options: Record<string, boolean> } = { protected: false, options: {} };

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(row: number, column: number): CellModel | undefined {
    return this.cells.get(row)?.get(column);
  }

  /** the cell, created with Excel's defaults when first touched */
  touch(row: number, column: number): CellModel {
    let line = this.cells.get(row);
    if (!line) this.cells.set(row, (line = new Map()));
    let cell = line.get(column);
    if (!cell) line.set(column, (cell = { value: '', numberFormat: 'General', fill: null }));
    return cell;
  }

  /** Excel returns "" for an empty cell, never null */
  value(row: number, column: number): Value {
    return this.cell(row, column)?.value ?? '';
  }

  /** smallest rectangle holding every non-empty value (null when the sheet is empty) */
  usedRect(): Rect | null {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    for (const [row, line] of this.cells) {
      for (const [column, cell] of line) {
        if (cell.value === '') continue;
        top = Math.min(top, row);
        bottom = Math.max(bottom, row);
        left = Math.min(left, column);
        right = Math.max(right, column);
      }
    }
    return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }
}

export class TableModel {
  readonly listeners: TableChangeListener[] = [];
  style = 'TableStyleMedium2';

  /** row/column: the header cell at the top left; bodyRows may be 0 only transiently */
  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: SheetModel,
    public row: number,
    public column: number,
    public columns: number,
    public bodyRows: number,
  ) {}

  headers(): string[] {
    const out: string[] = [];
    for (let c = 0; c < this.columns; c++) out.push(String(this.sheet.value(this.row, this.column + c)));
    return out;
  }

  bodyRect(): Rect {
    return { row: this.row + 1, column: this.column, rows: this.bodyRows, columns: this.columns };
  }

  headerRect(): Rect {
    return { row: this.row, column: this.column, rows: 1, columns: this.columns };
  }

  /** body rows as values, the way a test reads the sheet */
  body(): Value[][] {
    const out: Value[][] = [];
    for (let r = 0; r < this.bodyRows; r++) {
      const line: Value[] = [];
      for (let c = 0; c < this.columns; c++) line.push(this.sheet.value(this.row + 1 + r, this.column + c));
      out.push(line);
    }
    return out;
  }
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly settings = new Map<string, unknown>();
  eventsEnabled = true;
  /** change events raised and not yet handled to the end by their listeners */
  readonly deliveries = new Set<Promise<void>>();
  activeSheet: SheetModel | null = null;
  selection: { sheet: string; rect: Rect } | null = null;
  private nextId = 1;

  constructor(firstSheet = 'Foglio1') {
    this.addSheet(firstSheet);
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  addSheet(name: string): SheetModel {
    if (this.sheet(name))
      throw Object.assign(new Error(`A sheet named "${name}" already exists`), { code: 'ItemAlreadyExists' });
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
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.column < b.column + b.columns &&
    b.column < a.column + a.columns
  );
}

/** a protected sheet refuses changes to its locked cells, from a person or from the API (Office's AccessDenied) */
export function refuseLocked(sheet: SheetModel, rect: Rect): void {
  if (!sheet.protection.protected) return;
  for (let r = rect.row; r < rect.row + rect.rows; r++)
    for (let c = rect.column; c < rect.column + rect.columns; c++)
      if (sheet.cell(r, c)?.locked !== false)
        throw Object.assign(new Error(`AccessDenied: the cell at row ${r}, column ${c} is locked`), {
          code: 'AccessDenied',
          name: 'RichApi.Error',
        });
}
