/**
 * Excel.Table, its collections, rows and columns, and table.onChanged. Tables are found by name case-insensitively,
 * as Excel does; getItem of a missing table fails the request with ItemNotFound.
 */
import { ClientObject, type RequestContext, pick } from './context';
import type { Input } from './edits';
import { invalidArgument, itemNotFound } from './errors';
import type { SheetModel, TableModel } from './model';
import { Range } from './range';
import { deleteTableRows, insertTableColumn, insertTableRows } from './table-edits';
import { Worksheet, rectOf } from './worksheet';

export class TableCollection extends ClientObject<TableModel[]> {
  constructor(
    context: RequestContext,
    path: string,
    private readonly sheet: (() => SheetModel) | null,
  ) {
    super(context, path, () => (sheet ? context.engine.model.tablesOn(sheet()) : context.engine.model.tables));
  }
  protected readonly what = 'tables';

  get items(): Table[] {
    return this.read('items');
  }
  get count(): number {
    return this.read('count');
  }

  private find(name: string): TableModel | null {
    const table = this.context.engine.model.table(name);
    return table && (!this.sheet || table.sheet === this.sheet()) ? table : null;
  }
  getItem(name: string): Table {
    return new Table(this.context, `${this.path}.getItem(${name})`, () => this.find(name));
  }
  getItemOrNullObject(name: string): Table {
    return new Table(this.context, `${this.path}.getItemOrNullObject(${name})`, () => this.find(name), true);
  }
  getItemAt(index: number): Table {
    return new Table(this.context, `${this.path}.getItemAt(${index})`, () => this.target()[index] ?? null);
  }

  /** tables.add(range or address, hasHeaders): on a worksheet's collection, or the workbook's with "Sheet!A1:B2" */
  add(address: Range | string, hasHeaders: boolean): Table {
    let created: TableModel | null = null;
    this.context.enqueue(this.path, 'add', [typeof address === 'string' ? address : address.path, hasHeaders], () => {
      const { sheet, rect } = typeof address === 'string' ? this.addressed(address) : address.target();
      created = this.context.engine.createTable(sheet, rect, hasHeaders, 'TableCollection.add');
    });
    return new Table(this.context, `${this.path}.add()`, () => created);
  }

  private addressed(address: string): { sheet: SheetModel; rect: ReturnType<typeof rectOf> } {
    const bang = address.lastIndexOf('!');
    const sheet = this.sheet
      ? this.sheet()
      : this.context.engine.model.sheet(address.slice(0, bang).replace(/^'(.*)'$/, '$1'));
    if (!sheet) throw itemNotFound(`worksheet of ${address}`, 'TableCollection.add');
    return { sheet, rect: rectOf(address, 'TableCollection.add') };
  }

  protected snapshot(properties: string[]): Record<string, unknown> {
    const models = this.target();
    const itemProperties = properties.filter((p) => p.startsWith('items/')).map((p) => p.slice('items/'.length));
    const wantsItems = properties.includes('*') || properties.includes('items') || itemProperties.length > 0;
    const out: Record<string, unknown> = {};
    if (wantsItems) {
      out.items = models.map((model) => {
        const table = new Table(this.context, `${this.path}/${model.id}`, () => model);
        table.preload(itemProperties.length ? itemProperties : ['name', 'id', 'style']);
        return table;
      });
    }
    if (properties.includes('count') || properties.includes('*')) out.count = models.length;
    return out;
  }
}

export class Table extends ClientObject<TableModel> {
  protected readonly what = 'table';
  protected override missing(): Error {
    return itemNotFound(`${this.what} (${this.path})`, 'TableCollection.getItem');
  }

  get name(): string {
    return this.read('name');
  }
  set name(name: string) {
    this.act('name', name, (table) => this.context.engine.renameTable(table, name, 'Table.name'));
  }
  get id(): string {
    return this.read('id');
  }
  set style(style: string) {
    this.assign('style', 'style', style);
  }
  get worksheet(): Worksheet {
    return new Worksheet(this.context, `${this.path}.worksheet`, () => this.target().sheet);
  }
  get rows(): TableRows {
    return new TableRows(this.context, `${this.path}.rows`, () => this.target());
  }
  get columns(): TableColumns {
    return new TableColumns(this.context, `${this.path}.columns`, () => this.target());
  }

  get onChanged() {
    return this.changedEvent((table, handler) => this.context.engine.events.onTable(table, handler));
  }

  getRange(): Range {
    return this.part('getRange', (t) => t.wholeRect());
  }
  getHeaderRowRange(): Range {
    return this.part('getHeaderRowRange', (t) => t.headerRect());
  }
  getDataBodyRange(): Range {
    return this.part('getDataBodyRange', (t) => t.bodyRect());
  }

  private part(name: string, rect: (t: TableModel) => ReturnType<TableModel['bodyRect']>): Range {
    return new Range(this.context, `${this.path}.${name}()`, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: rect(t) };
    });
  }

  /** items of a collection arrive with the properties asked for through "items/…" */
  preload(properties: string[]): void {
    const table = this.target();
    for (const p of properties) {
      if (p === 'name') this.loaded.set('name', table.name);
      else if (p === 'id') this.loaded.set('id', table.id);
      else if (p === 'style') this.loaded.set('style', table.style);
      else throw invalidArgument(`Table has no property "${p}"`, 'TableCollection.load');
    }
  }

  protected snapshot(properties: string[]): Record<string, unknown> {
    const table = this.target();
    return pick({ name: () => table.name, id: () => table.id, style: () => table.style }, properties, 'Table', (p) =>
      invalidArgument(`Table has no property "${p}"`),
    );
  }
}

/** rows or columns of a table: found while the table is, counted once loaded */
abstract class TablePart extends ClientObject<TableModel> {
  protected readonly what = 'table';

  get count(): number {
    return this.read('count');
  }
}

export class TableRows extends TablePart {
  /** rows.add(index, values): index undefined/null appends (https://learn.microsoft.com/javascript/api/excel/excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1)) */
  add(index: number | null | undefined, values: Input[][]): void {
    this.act('add', [index ?? null, values], (table) =>
      insertTableRows(
        this.context.engine,
        table,
        index ?? table.bodyRows,
        values.length,
        values,
        'TableRowCollection.add',
      ),
    );
  }

  getItemAt(index: number) {
    return {
      delete: () =>
        this.act(`getItemAt(${index}).delete`, null, (table) =>
          deleteTableRows(this.context.engine, table, index, 1, 'TableRow.delete'),
        ),
      getRange: () =>
        new Range(this.context, `${this.path}.getItemAt(${index}).getRange()`, () => {
          const t = this.target();
          if (index < 0 || index >= t.bodyRows)
            throw itemNotFound(`table row ${index}`, 'TableRowCollection.getItemAt');
          return { sheet: t.sheet, rect: { row: t.row + 1 + index, column: t.column, rows: 1, columns: t.columns } };
        }),
    };
  }

  protected snapshot(properties: string[]): Record<string, unknown> {
    const table = this.target();
    return pick({ count: () => table.bodyRows }, properties, 'TableRowCollection', (p) =>
      invalidArgument(`TableRowCollection has no property "${p}"`),
    );
  }
}

export class TableColumns extends TablePart {
  get items(): Array<{ id?: string; name?: string; index?: number }> {
    return this.read('items');
  }

  private column(path: string, index: () => number) {
    const range = (name: string, rows: (t: TableModel) => [number, number]) =>
      new Range(this.context, `${path}.${name}()`, () => {
        const t = this.target();
        const i = index();
        if (i < 0 || i >= t.columns) throw itemNotFound(`table column ${path}`, 'TableColumnCollection.getItem');
        const [row, count] = rows(t);
        return { sheet: t.sheet, rect: { row, column: t.column + i, rows: count, columns: 1 } };
      });
    return {
      getRange: () => range('getRange', (t) => [t.row, t.bodyRows + 1]),
      getDataBodyRange: () => range('getDataBodyRange', (t) => [t.row + 1, t.bodyRows]),
      getHeaderRowRange: () => range('getHeaderRowRange', (t) => [t.row, 1]),
    };
  }

  getItemAt(index: number) {
    return this.column(`${this.path}.getItemAt(${index})`, () => index);
  }

  /**
   * add(index, values, name) (ExcelApi 1.1, name 1.4): a column inserted before `index` (null/undefined: at the right
   * end), its header `name`; the TableColumn answered loads its id and gives its ranges. Values are not part of this
   * double: the add-in formats a new column's cells before writing them.
   */
  add(index?: number | null, values?: Input[][] | null, name?: string | null): TableColumn {
    if (values != null) throw invalidArgument('values are not part of this double', 'TableColumnCollection.add');
    let id: string | null = null;
    this.act('add', [index ?? null, null, name ?? null], (table) => {
      id = insertTableColumn(
        this.context.engine,
        table,
        index ?? table.columns,
        name ?? null,
        'TableColumnCollection.add',
      );
    });
    return new TableColumn(this.context, `${this.path}.add()`, () => {
      const table = this.target();
      const at = id === null ? -1 : table.columnIds.indexOf(id);
      return at < 0 ? null : { table, at };
    });
  }

  /** by header name, as Excel matches it: case-insensitively */
  getItem(name: string) {
    return this.column(`${this.path}.getItem(${name})`, () =>
      this.target()
        .headers()
        .findIndex((h) => h.toLowerCase() === name.toLowerCase()),
    );
  }

  /**
   * count, and items with their id, name and index: `load('items/id')` brings each Excel.TableColumn's key
   * (ExcelApi 1.1) in the same request as the rest of what is loaded. Items are plain loaded values, enough for
   * reading them; a method called on one is not part of this double.
   */
  protected snapshot(properties: string[]): Record<string, unknown> {
    const table = this.target();
    const asked = properties.filter((p) => p.startsWith('items/')).map((p) => p.slice('items/'.length));
    const columnProperties = ['id', 'name', 'index'];
    for (const p of asked)
      if (!columnProperties.includes(p)) throw invalidArgument(`TableColumn has no property "${p}"`);
    const plain = properties.filter((p) => p !== 'items');
    const out = pick({ count: () => table.columns }, plain, 'TableColumnCollection', (p) =>
      invalidArgument(`TableColumnCollection has no property "${p}"`),
    );
    if (asked.length || properties.includes('items') || properties.includes('*')) {
      const wanted = asked.length ? asked : columnProperties;
      const headers = table.headers();
      const all: Record<string, (i: number) => unknown> = {
        id: (i) => table.columnIds[i],
        name: (i) => headers[i],
        index: (i) => i,
      };
      out.items = headers.map((_, i) => Object.fromEntries(wanted.map((p) => [p, all[p](i)])));
    }
    return out;
  }
}

/** one Excel.TableColumn, as TableColumnCollection.add answers it: its id and name, and its ranges */
export class TableColumn extends ClientObject<{ table: TableModel; at: number }> {
  protected readonly what = 'table column';
  protected override missing(): Error {
    return itemNotFound(`${this.what} (${this.path})`, 'TableColumn');
  }

  get id(): string {
    return this.read('id');
  }

  private part(name: string, rows: (t: TableModel) => [number, number]): Range {
    return new Range(this.context, `${this.path}.${name}()`, () => {
      const { table, at } = this.target();
      const [row, count] = rows(table);
      return { sheet: table.sheet, rect: { row, column: table.column + at, rows: count, columns: 1 } };
    });
  }
  getRange(): Range {
    return this.part('getRange', (t) => [t.row, t.bodyRows + 1]);
  }
  getDataBodyRange(): Range {
    return this.part('getDataBodyRange', (t) => [t.row + 1, t.bodyRows]);
  }
  getHeaderRowRange(): Range {
    return this.part('getHeaderRowRange', (t) => [t.row, 1]);
  }

  protected snapshot(properties: string[]): Record<string, unknown> {
    const { table, at } = this.target();
    return pick(
      { id: () => table.columnIds[at], name: () => table.headers()[at], index: () => at },
      properties,
      'TableColumn',
      (p) => invalidArgument(`TableColumn has no property "${p}"`),
    );
  }
}
