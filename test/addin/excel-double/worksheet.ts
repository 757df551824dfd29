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
