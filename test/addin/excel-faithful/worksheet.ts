/**
 * Excel.Worksheet and Excel.WorksheetCollection: ranges by address or index, the used range, the sheet's tables and
 * charts, protection (ExcelApi 1.2) and onChanged (ExcelApi 1.7).
 */
import { parseA1 } from '../../../addin/src/workbook/address';
import { ChartCollection } from './charts';
import { ClientObject, type RequestContext, pick } from './context';
import { OfficeError, invalidArgument, invalidOperation } from './errors';
import type { Rect, SheetModel } from './model';
import { showOutlineLevels } from './outline';
import { Range } from './range';
import { TableCollection } from './table';

const MAX_ROWS = 1_048_576;

/** "B5", "B5:D7", "A:B" (whole columns) or "5:7" (whole rows) */
export function rectOf(address: string, location: string): Rect {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const columns = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(local);
  if (columns) {
    const first = parseA1(`${columns[1]}1`) as Rect;
    const last = parseA1(`${columns[2]}1`) as Rect;
    return { row: 0, column: first.column, rows: MAX_ROWS, columns: last.column - first.column + 1 };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (rows)
    return { row: Number(rows[1]) - 1, column: 0, rows: Number(rows[2]) - Number(rows[1]) + 1, columns: 16_384 };
  const rect = parseA1(local);
  if (!rect) throw invalidArgument(`"${address}" is not a valid address`, location);
  return rect;
}

export class WorksheetCollection {
  constructor(private readonly context: RequestContext) {}

  private sheet(path: string, find: () => SheetModel | null, nullable = false): Worksheet {
    return new Worksheet(this.context, path, find, nullable);
  }
  getItem(name: string): Worksheet {
    return this.sheet(`worksheets.getItem(${name})`, () => this.context.engine.model.sheet(name) ?? null);
  }
  getItemOrNullObject(name: string): Worksheet {
    return this.sheet(
      `worksheets.getItemOrNullObject(${name})`,
      () => this.context.engine.model.sheet(name) ?? null,
      true,
    );
  }
  getActiveWorksheet(): Worksheet {
    const model = this.context.engine.model;
    return this.sheet('worksheets.getActiveWorksheet()', () => model.activeSheet ?? model.sheets[0] ?? null);
  }
  add(name: string): Worksheet {
    let created: SheetModel | null = null;
    this.context.enqueue('worksheets', 'add', name, () => {
      const model = this.context.engine.model;
      if (model.sheet(name))
        throw new OfficeError(
          'ItemAlreadyExists',
          `A resource with the same name or identifier already exists. (${name})`,
          'WorksheetCollection.add',
        );
      // Excel's sheet-name rules: 1 to 31 characters, none of : \ / ? * [ ]
      if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name))
        throw invalidArgument(`"${name}" is not a valid sheet name`, 'WorksheetCollection.add');
      created = model.addSheet(name);
    });
    return this.sheet(`worksheets.add(${name})`, () => created);
  }
}

export class Worksheet extends ClientObject<SheetModel> {
  protected readonly what = 'worksheet';

  declare readonly name: string;
  declare readonly id: string;
  static {
    this.readOnly('name', 'id');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  /** Excel refuses to hide the last visible sheet; hiding the active sheet activates the first visible one */
  set visibility(value: string) {
    this.act('visibility', value, (sheet) => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(value))
        throw invalidArgument(`"${value}" is not a sheet visibility`, 'Worksheet.visibility');
      const model = this.context.engine.model;
      const others = model.sheets.filter((s) => s !== sheet && s.visibility === 'Visible');
      if (value !== 'Visible' && others.length === 0)
        throw invalidArgument('a workbook must keep one visible sheet', 'Worksheet.visibility');
      sheet.visibility = value as SheetModel['visibility'];
      if (value !== 'Visible' && model.activeSheet === sheet) model.activeSheet = others[0];
    });
  }
  get tables(): TableCollection {
    return new TableCollection(this.context, `${this.path}.tables`, () => this.target());
  }
  get charts(): ChartCollection {
    return new ChartCollection(this.context, `${this.path}.charts`, () => this.target());
  }
  get protection(): WorksheetProtection {
    return new WorksheetProtection(this.context, `${this.path}.protection`, () => this.target());
  }
  get freezePanes() {
    return {
      freezeRows: (count: number) =>
        this.act('freezePanes.freezeRows', count, (sheet) => {
          sheet.decorations.frozenRows = count;
        }),
    };
  }
  get onChanged() {
    return this.changedEvent((sheet, handler) => this.context.engine.events.onSheet(sheet, handler));
  }

  activate(): void {
    this.act('activate', null, (sheet) => {
      this.context.engine.model.activeSheet = sheet;
    });
  }

  /**
   * Excel refuses to delete a "VeryHidden" sheet (make it hidden or visible first) and the last visible sheet; the
   * sheet's tables and charts go with it, and deleting the active sheet activates the first visible one.
   */
  delete(): void {
    this.act('delete', null, (sheet) => {
      const model = this.context.engine.model;
      if (sheet.visibility === 'VeryHidden')
        throw invalidOperation('a very hidden sheet cannot be deleted; unhide it first', 'Worksheet.delete');
      const others = model.sheets.filter((s) => s !== sheet && s.visibility === 'Visible');
      if (sheet.visibility === 'Visible' && others.length === 0)
        throw invalidOperation('a workbook must keep one visible sheet', 'Worksheet.delete');
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      model.tables = model.tables.filter((t) => t.sheet !== sheet);
      if (model.activeSheet === sheet) model.activeSheet = others[0] ?? null;
    });
  }

  getRange(address?: string): Range {
    return new Range(this.context, `${this.path}.getRange(${address ?? ''})`, () => ({
      sheet: this.target(),
      rect: address ? rectOf(address, 'Worksheet.getRange') : { row: 0, column: 0, rows: MAX_ROWS, columns: 16_384 },
    }));
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): Range {
    if (rows < 1 || columns < 1 || row < 0 || column < 0)
      throw invalidArgument(`getRangeByIndexes(${row}, ${column}, ${rows}, ${columns})`, 'Worksheet.getRangeByIndexes');
    return new Range(this.context, `${this.path}.getRangeByIndexes(${row},${column},${rows},${columns})`, () => ({
      sheet: this.target(),
      rect: { row, column, rows, columns },
    }));
  }

  /** ExcelApi 1.10: the outline buttons (outline.ts); columns are not outlined here */
  showOutlineLevels(rowLevels: number, columnLevels: number): void {
    this.act('showOutlineLevels', [rowLevels, columnLevels], (sheet) => showOutlineLevels(sheet, rowLevels));
  }

  /** an empty sheet's used range is A1 (getUsedRange) or a null object (getUsedRangeOrNullObject) */
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.context, `${this.path}.getUsedRange(${valuesOnly})`, () => {
      const sheet = this.target();
      return { sheet, rect: sheet.usedRect(valuesOnly) ?? { row: 0, column: 0, rows: 1, columns: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(
      this.context,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const sheet = this.target();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }

  protected snapshot(properties: string[]): Record<string, unknown> {
    const sheet = this.target();
    return pick(
      {
        name: () => sheet.name,
        id: () => sheet.id,
        position: () => this.context.engine.model.sheets.indexOf(sheet),
        visibility: () => sheet.visibility,
      },
      properties,
      'Worksheet',
      (p) => invalidArgument(`Worksheet has no property "${p}"`),
    );
  }
}

/** https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection */
export class WorksheetProtection extends ClientObject<SheetModel> {
  protected readonly what = 'worksheet';

  get protected(): boolean {
    return this.read('protected');
  }
  get options(): Record<string, boolean> {
    return this.read('options');
  }

  protect(
    options: {
      allowFormatCells?: boolean;
      allowInsertRows?: boolean;
      allowDeleteRows?: boolean;
      allowSort?: boolean;
      allowAutoFilter?: boolean;
    } = {},
    password?: string,
  ): void {
    this.act('protect', { options, password: password ? '***' : null }, (sheet) => {
      // protecting a protected sheet fails (Office documents "protect… when the sheet is not protected")
      if (sheet.protection.protected)
        throw invalidOperation('the worksheet is already protected', 'WorksheetProtection.protect');
      sheet.protection = {
        protected: true,
        password: password ?? null,
        allowFormatCells: !!options.allowFormatCells,
        allowInsertRows: !!options.allowInsertRows,
        allowDeleteRows: !!options.allowDeleteRows,
        allowSort: !!options.allowSort,
        allowAutoFilter: !!options.allowAutoFilter,
      };
    });
  }

  unprotect(password?: string): void {
    this.act('unprotect', password ? '***' : null, (sheet) => {
      if (sheet.protection.password !== null && sheet.protection.password !== password)
        throw invalidArgument('the password is wrong', 'WorksheetProtection.unprotect');
      sheet.protection = { ...sheet.protection, protected: false, password: null };
    });
  }

  protected snapshot(properties: string[]): Record<string, unknown> {
    const { protected: on, password, ...options } = this.target().protection;
    void password;
    return pick({ protected: () => on, options: () => options }, properties, 'WorksheetProtection', (p) =>
      invalidArgument(`WorksheetProtection has no property "${p}"`),
    );
  }
}
