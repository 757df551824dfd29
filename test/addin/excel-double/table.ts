/** Tables of the Excel double: adding one, its rows (appended, deleted), columns, change events and header/body ranges. */
import type { FakeContext } from './context';
import { type SheetModel, TableModel, type Value, intersects } from './model';
import { bytesOf, ClientObject, itemNotFound, OfficeError, pick } from './office-object';
import { fit, Range, type RangeTarget, rectOf, typed } from './range';
import { Worksheet } from './worksheet';

export class TableCollection extends ClientObject<TableModel[]> {
  constructor(
    context: FakeContext,
    private readonly list: () => TableModel[],
    private readonly sheet: (() => SheetModel) | null,
  ) {
    super(context, list);
  }
  get items(): Table[] {
    return this.read('items');
  }
  getItem(name: string): Table {
    return new Table(this.context, () => this.context.model.table(name) ?? null);
  }
  getItemOrNullObject(name: string): Table {
    return new Table(this.context, () => this.context.model.table(name) ?? null, true);
  }
  add(address: Range | string, hasHeaders: boolean): Table {
    let created: TableModel | null = null;
    this.context.enqueue(bytesOf(typeof address === 'string' ? address : null), () => {
      const { sheet, rect } =
        typeof address === 'string'
          ? { sheet: (this.sheet as () => SheetModel)(), rect: rectOf(address) }
          : (address.target() as RangeTarget);
      if (!hasHeaders) throw new OfficeError('InvalidArgument', 'the double supports tables with headers only');
      for (const table of this.context.model.tablesOn(sheet)) {
        if (intersects({ ...table.headerRect(), rows: table.bodyRows + 1 }, rect))
          throw new OfficeError('InvalidOperation', 'tables cannot overlap');
      }
      const model = this.context.model;
      const table = new TableModel(
        model.newId('table'),
        `Table${model.tables.length + 1}`,
        sheet,
        rect.row,
        rect.column,
        rect.columns,
        rect.rows - 1,
      );
      for (let c = 0; c < rect.columns; c++) {
        const cell = sheet.touch(rect.row, rect.column + c);
        if (cell.value === '') cell.value = `Column${c + 1}`;
      }
      model.tables.push(table);
      created = table;
    });
    return new Table(this.context, () => created);
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    const items = this.list().map((model) => {
      const table = new Table(this.context, () => model);
      table.preload(properties.filter((p) => p.startsWith('items/')).map((p) => p.slice('items/'.length)));
      return table;
    });
    return { items };
  }
}

export class Table extends ClientObject<TableModel> {
  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.set(name, (table) => {
      const clash = this.context.model.table(name);
      if (clash && clash !== table) throw new OfficeError('InvalidArgument', `A table named "${name}" already exists`);
      table.name = name;
    });
  }
  set style(style: string) {
    this.set(style, (table) => {
      table.style = style;
    });
  }
  get worksheet(): Worksheet {
    return new Worksheet(this.context, () => this.must().sheet);
  }
  get rows() {
    return new TableRows(this.context, () => this.must());
  }
  get columns() {
    return {
      getItemAt: (index: number) => ({
        getRange: () =>
          new Range(this.context, () => {
            const t = this.must();
            return { sheet: t.sheet, rect: { row: t.row, column: t.column + index, rows: t.bodyRows + 1, columns: 1 } };
          }),
        getDataBodyRange: () =>
          new Range(this.context, () => {
            const t = this.must();
            return { sheet: t.sheet, rect: { row: t.row + 1, column: t.column + index, rows: t.bodyRows, columns: 1 } };
          }),
      }),
    };
  }
  get onChanged() {
    return {
      add: (handler: (args: unknown) => unknown) => {
        const listener = (args: object) =>
          handler({
            ...args,
            getRange: () => {
              throw new OfficeError('NotImplemented', 'getRange');
            },
          });
        this.set(null, (table) => {
          table.listeners.push(listener);
        });
        return {
          context: this.context,
          remove: () =>
            this.set(null, (table) => {
              const at = table.listeners.indexOf(listener);
              if (at >= 0) table.listeners.splice(at, 1);
            }),
        };
      },
    };
  }
  getHeaderRowRange(): Range {
    return new Range(this.context, () => {
      const t = this.must();
      return { sheet: t.sheet, rect: t.headerRect() };
    });
  }
  getDataBodyRange(): Range {
    return new Range(this.context, () => {
      const t = this.must();
      return { sheet: t.sheet, rect: t.bodyRect() };
    });
  }
  /** items of a collection come back with the properties asked for through "items/…" */
  preload(properties: string[]): void {
    const table = this.must();
    for (const p of properties) {
      if (p === 'name') this.loaded.set('name', table.name);
      else if (p === 'id') this.loaded.set('id', table.id);
      else if (p.startsWith('worksheet/')) {
        /* loaded through the worksheet proxy on demand */
      } else throw new OfficeError('InvalidArgument', `unknown table property ${p}`);
    }
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    const table = this.must();
    return pick({ name: table.name, id: table.id, style: table.style }, properties);
  }
}

class TableRows extends ClientObject<TableModel> {
  get count(): number {
    return this.read('count');
  }
  add(index: number | undefined | null, values: Value[][]): void {
    this.set(values, (table) => {
      if (index !== undefined && index !== null && index !== table.bodyRows)
        throw new OfficeError('NotImplemented', 'the double appends rows only');
      const rect = {
        row: table.row + 1 + table.bodyRows,
        column: table.column,
        rows: values.length,
        columns: table.columns,
      };
      fit(values, rect, 'rows.add');
      // a new table row takes the formats of the row above, as Excel does
      for (let r = 0; r < rect.rows; r++) {
        for (let c = 0; c < rect.columns; c++) {
          const above = table.sheet.cell(rect.row - 1, rect.column + c);
          const cell = table.sheet.touch(rect.row + r, rect.column + c);
          cell.numberFormat = above?.numberFormat ?? 'General';
          cell.value = typed(values[r][c], cell.numberFormat);
        }
      }
      table.bodyRows += values.length;
      extendWithTable(table, rect.rows);
      this.context.wrote(table.sheet, rect);
    });
  }
  getItemAt(index: number) {
    return {
      delete: () =>
        this.set(index, (table) => {
          if (index < 0 || index >= table.bodyRows) throw itemNotFound(`table row ${index}`);
          deleteTableRow(table, index);
          this.context.wrote(table.sheet, {
            row: table.row + 1 + index,
            column: table.column,
            rows: 1,
            columns: table.columns,
          });
        }),
    };
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    return pick({ count: this.must().bodyRows }, properties);
  }
}

/** conditional formats and validations on a table column grow with the table */
function extendWithTable(table: TableModel, added: number): void {
  const sheet = table.sheet;
  for (const item of [...sheet.conditionalFormats, ...sheet.validations]) {
    const r = item.rect;
    if (
      r.row === table.row + 1 &&
      r.row + r.rows === table.row + 1 + table.bodyRows - added &&
      r.column >= table.column &&
      r.column < table.column + table.columns
    ) {
      r.rows += added;
    }
  }
}

function deleteTableRow(table: TableModel, index: number): void {
  const sheet = table.sheet;
  const first = table.row + 1 + index;
  const last = table.row + table.bodyRows;
  for (let row = first; row <= last; row++) {
    for (let c = table.column; c < table.column + table.columns; c++) {
      const below = row < last ? sheet.cell(row + 1, c) : undefined;
      const cell = sheet.touch(row, c);
      cell.value = below?.value ?? '';
      cell.numberFormat = below?.numberFormat ?? cell.numberFormat;
      cell.fill = below?.fill ?? null;
    }
  }
  table.bodyRows--;
}
