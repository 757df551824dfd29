/** A worksheet of the Excel double: its ranges, tables and charts. */
import { ChartCollection } from './chart';
import { OfficeError, ClientObject, pick } from './office-object';
import { Range, rectOf } from './range';
import { TableCollection } from './table';
import type { SheetModel } from './model';

export class Worksheet extends ClientObject<SheetModel> {
  get name(): string {
    return this.read('name');
  }
  get tables(): TableCollection {
    return new TableCollection(
      this.context,
      () => this.context.model.tablesOn(this.must()),
      () => this.must(),
    );
  }
  get charts(): ChartCollection {
    return new ChartCollection(this.context, () => this.must());
  }
  get freezePanes() {
    return {
      freezeRows: (count: number) =>
        this.set(count, (sheet) => {
          sheet.frozenRows = count;
        }),
    };
  }
  get protection(): WorksheetProtection {
    return new WorksheetProtection(this.context, () => this.must());
  }
  activate(): void {
    this.set(null, (sheet) => {
      this.context.model.activeSheet = sheet;
    });
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): Range {
    if (rows < 1 || columns < 1)
      throw new OfficeError('InvalidArgument', `getRangeByIndexes(${row}, ${column}, ${rows}, ${columns})`);
    return new Range(this.context, () => ({ sheet: this.must(), rect: { row, column, rows, columns } }));
  }
  getRange(address: string): Range {
    return new Range(this.context, () => ({ sheet: this.must(), rect: rectOf(address) }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    void valuesOnly;
    return new Range(
      this.context,
      () => {
        const sheet = this.must();
        const rect = sheet.usedRect();
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    const sheet = this.must();
    return pick({ name: sheet.name, id: sheet.id }, properties);
  }
}

/** https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection (ExcelApi 1.2) */
export class WorksheetProtection extends ClientObject<SheetModel> {
  get protected(): boolean {
    return this.read('protected');
  }
  get options(): Record<string, boolean> {
    return this.read('options');
  }
  /** fails on a protected sheet, as Office documents */
  protect(options: Record<string, boolean> = {}): void {
    this.set(options, (sheet) => {
      if (sheet.protection.protected) throw new OfficeError('InvalidOperation', 'the worksheet is already protected');
      sheet.protection = { protected: true, options: { ...options } };
    });
  }
  unprotect(): void {
    this.set(null, (sheet) => {
      sheet.protection = { ...sheet.protection, protected: false };
    });
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    const sheet = this.must();
    return pick({ protected: sheet.protection.protected, options: { ...sheet.protection.options } }, properties);
  }
}
