/**
 * A fake of the Excel JavaScript API subset the add-in uses, over a WorkbookModel. It keeps the rules that make
 * real Office code right or wrong: commands queue until context.sync(); a property reads only after load + sync;
 * ...OrNullObject proxies answer isNullObject after a sync; values must match the range's shape; a request above
 * 5 MB is refused; changes made while runtime.enableEvents is on raise table.onChanged. It counts every sync with
 * its request and response bytes, which is what the add-in's performance goals are about.
 */
import { a1, parseA1 } from '../../../addin/src/excel/address';
import { type Rect, type SheetModel, TableModel, type Value, type WorkbookModel, intersects } from './model';

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** Office describes a queued command (object path, method, property) in about this many bytes */
const COMMAND_BYTES = 120;

export type SyncRecord = { commands: number; requestBytes: number; responseBytes: number };

export type DoubleStats = {
  syncs: number;
  requests: SyncRecord[];
  /** table change events raised by the add-in's own writes (should stay 0 while it disables events) */
  eventsFromApi: number;
  /** commands that wrote cells while runtime.enableEvents was false */
  writesWithEventsOff: number;
  reset(): void;
};

export function newStats(): DoubleStats {
  const stats: DoubleStats = {
    syncs: 0, requests: [], eventsFromApi: 0, writesWithEventsOff: 0,
    reset() { stats.syncs = 0; stats.requests.length = 0; stats.eventsFromApi = 0; stats.writesWithEventsOff = 0; },
  };
  return stats;
}

const encoder = new TextEncoder();
const bytesOf = (value: unknown) => encoder.encode(JSON.stringify(value ?? null)).length;

export class OfficeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

type Command = { bytes: number; run(): (() => void) | void; response?: () => number };

/** One Excel.run: its queue of commands and the model it talks to. */
export class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly runtime: { enableEvents: boolean };
  readonly application: { suspendScreenUpdatingUntilNextSync(): void };
  private queue: Command[] = [];
  /** cell writes of the current sync, for change events */
  private written: Array<{ sheet: SheetModel; rect: Rect }> = [];

  constructor(readonly model: WorkbookModel, readonly stats: DoubleStats) {
    this.workbook = new FakeWorkbook(this);
    const switchEvents = (on: boolean) => this.enqueue(8, () => { this.model.eventsEnabled = on; });
    this.runtime = {
      get enableEvents(): boolean { throw notLoaded('enableEvents'); },
      set enableEvents(on: boolean) { switchEvents(on); },
    };
    this.application = { suspendScreenUpdatingUntilNextSync: () => this.enqueue(0, () => undefined) };
  }

  enqueue(payloadBytes: number, run: Command['run'], response?: () => number): void {
    this.queue.push({ bytes: COMMAND_BYTES + payloadBytes, run, response });
  }

  /** a write to cells: remembered for the change events of this sync */
  wrote(sheet: SheetModel, rect: Rect): void {
    if (this.model.eventsEnabled) this.written.push({ sheet, rect });
    else this.stats.writesWithEventsOff++;
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    this.written = [];
    const requestBytes = queue.reduce((sum, c) => sum + c.bytes, 0);
    this.stats.syncs++;
    const record: SyncRecord = { commands: queue.length, requestBytes, responseBytes: 0 };
    this.stats.requests.push(record);
    await Promise.resolve();
    if (requestBytes > REQUEST_LIMIT_BYTES) {
      throw new OfficeError('RequestPayloadSizeLimitExceeded', `The request payload size (${requestBytes} bytes) has exceeded the limit`);
    }
    const commits: Array<() => void> = [];
    try {
      // like Excel, commands run in order and a failing one stops the batch; those before it stay applied
      for (const command of queue) {
        const commit = command.run();
        if (commit) commits.push(commit);
        if (command.response) record.responseBytes += command.response();
      }
    } finally {
      this.raiseEvents();
    }
    if (record.responseBytes > REQUEST_LIMIT_BYTES) {
      throw new OfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size (${record.responseBytes} bytes) has exceeded the limit`);
    }
    for (const commit of commits) commit();
  }

  private raiseEvents(): void {
    const written = this.written;
    this.written = [];
    for (const { sheet, rect } of written) {
      for (const table of this.model.tablesOn(sheet)) {
        const whole = { ...table.headerRect(), rows: table.bodyRows + 1 };
        if (!intersects(whole, rect)) continue;
        this.stats.eventsFromApi++;
        fireTableChanged(this.model, table, 'RangeEdited', rect);
      }
    }
  }
}

/**
 * Excel delivers a change event after the change, never inside it: each listener runs on a later macrotask. The
 * delivery, with whatever the listener awaits, is tracked in `model.deliveries` so a test can wait for it to end.
 */
export function fireTableChanged(model: WorkbookModel, table: TableModel, changeType: string, rect: Rect): void {
  const args = {
    type: 'TableChanged' as const, changeType, source: 'Local' as const, address: a1(rect.row, rect.column, rect.rows, rect.columns),
    tableId: table.id, worksheetId: table.sheet.id,
  };
  for (const listener of [...table.listeners]) {
    const delivery: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(async () => { await listener(args); })
      .catch(() => undefined)
      .finally(() => model.deliveries.delete(delivery));
    model.deliveries.add(delivery);
  }
}

function notLoaded(property: string): OfficeError {
  return new OfficeError('PropertyNotLoaded', `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
}

function itemNotFound(what: string): OfficeError {
  return new OfficeError('ItemNotFound', `The requested resource doesn't exist: ${what}`);
}

type LoadArg = string | string[] | { select?: string } | undefined;

function propertyList(arg: LoadArg): string[] {
  if (arg === undefined) return ['*'];
  const text = typeof arg === 'string' ? arg : Array.isArray(arg) ? arg.join(',') : arg.select ?? '*';
  return text.split(',').map((p) => p.trim()).filter(Boolean);
}

/** A proxy: resolves its model object when a command runs, and keeps what load() brought back. */
abstract class ClientObject<T> {
  protected loaded = new Map<string, unknown>();
  private cache: T | null | undefined;

  constructor(protected readonly context: FakeContext, private readonly resolver: () => T | null, nullable = false) {
    if (nullable) {
      // like Office: isNullObject is known after the next sync without an explicit load
      context.enqueue(0, () => {
        const found = this.target(true) !== null;
        return () => this.loaded.set('isNullObject', !found);
      });
    }
  }

  /** what the proxy brought back, as Office would have sent it (for the response size) */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  /** the model object, resolved once (an ...OrNullObject proxy may resolve to null) */
  target(allowNull = false): T | null {
    if (this.cache === undefined) this.cache = this.resolver();
    if (this.cache === null && !allowNull) throw itemNotFound(this.constructor.name);
    return this.cache;
  }

  protected must(): T {
    return this.target() as T;
  }

  protected read<V>(property: string): V {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as V;
  }

  load(arg?: LoadArg): this {
    const properties = propertyList(arg);
    let snapshot: Record<string, unknown> = {};
    this.context.enqueue(bytesOf(properties), () => {
      snapshot = this.snapshot(properties);
      return () => { for (const [k, v] of Object.entries(snapshot)) this.loaded.set(k, v); };
    }, () => bytesOf(snapshot));
    return this;
  }

  /** the loaded properties' values, read from the model while the command runs */
  protected abstract snapshot(properties: string[]): Record<string, unknown>;

  protected set(payload: unknown, apply: (target: T) => void): void {
    this.context.enqueue(bytesOf(payload), () => apply(this.must()));
  }
}

export class FakeWorkbook {
  readonly tables: TableCollection;
  readonly worksheets: WorksheetCollection;
  readonly settings: SettingCollection;
  constructor(readonly context: FakeContext) {
    this.tables = new TableCollection(context, () => context.model.tables, null);
    this.worksheets = new WorksheetCollection(context);
    this.settings = new SettingCollection(context);
  }
}

class WorksheetCollection {
  constructor(private readonly context: FakeContext) {}
  getItem(name: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.sheet(name) ?? null);
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.sheet(name) ?? null, true);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => this.context.model.activeSheet ?? this.context.model.sheets[0] ?? null);
  }
  add(name: string): Worksheet {
    let created: SheetModel | null = null;
    this.context.enqueue(bytesOf(name), () => { created = this.context.model.addSheet(name); });
    return new Worksheet(this.context, () => created);
  }
}

export class Worksheet extends ClientObject<SheetModel> {
  get name(): string { return this.read('name'); }
  get tables(): TableCollection {
    return new TableCollection(this.context, () => this.context.model.tablesOn(this.must()), () => this.must());
  }
  get charts(): ChartCollection { return new ChartCollection(this.context, () => this.must()); }
  get freezePanes() {
    return { freezeRows: (count: number) => this.set(count, (sheet) => { sheet.frozenRows = count; }) };
  }
  activate(): void {
    this.set(null, (sheet) => { this.context.model.activeSheet = sheet; });
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): Range {
    if (rows < 1 || columns < 1) throw new OfficeError('InvalidArgument', `getRangeByIndexes(${row}, ${column}, ${rows}, ${columns})`);
    return new Range(this.context, () => ({ sheet: this.must(), rect: { row, column, rows, columns } }));
  }
  getRange(address: string): Range {
    return new Range(this.context, () => ({ sheet: this.must(), rect: rectOf(address) }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    void valuesOnly;
    return new Range(this.context, () => {
      const sheet = this.must();
      const rect = sheet.usedRect();
      return rect ? { sheet, rect } : null;
    }, true);
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    const sheet = this.must();
    return pick({ name: sheet.name, id: sheet.id }, properties);
  }
}

/** "A:B" (whole columns) or "B5:D7" */
function rectOf(address: string): Rect {
  const columns = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(address);
  if (columns) {
    const first = parseA1(`${columns[1]}1`) as Rect;
    const last = parseA1(`${columns[2]}1`) as Rect;
    return { row: 0, column: first.column, rows: 1_048_576, columns: last.column - first.column + 1 };
  }
  const rect = parseA1(address);
  if (!rect) throw new OfficeError('InvalidArgument', `bad address ${address}`);
  return rect;
}

function pick(all: Record<string, unknown>, properties: string[]): Record<string, unknown> {
  if (properties.includes('*')) return all;
  const out: Record<string, unknown> = {};
  for (const p of properties) {
    if (!(p in all)) throw new OfficeError('InvalidArgument', `unknown property ${p}`);
    out[p] = all[p];
  }
  return out;
}

type RangeTarget = { sheet: SheetModel; rect: Rect };

export class Range extends ClientObject<RangeTarget> {
  get values(): Value[][] { return this.read('values'); }
  set values(values: Value[][]) {
    this.set(values, ({ sheet, rect }) => {
      const grid = fit(values, rect, 'values');
      for (let r = 0; r < rect.rows; r++) {
        for (let c = 0; c < rect.columns; c++) {
          const cell = sheet.touch(rect.row + r, rect.column + c);
          cell.value = typed(grid[r][c], cell.numberFormat);
        }
      }
      this.context.wrote(sheet, rect);
    });
  }
  get numberFormat(): string[][] { return this.read('numberFormat'); }
  set numberFormat(formats: string[][]) {
    this.set(formats, ({ sheet, rect }) => {
      const grid = fit(formats, rect, 'numberFormat');
      for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.columns; c++) sheet.touch(rect.row + r, rect.column + c).numberFormat = String(grid[r][c]);
    });
  }
  get rowIndex(): number { return this.read('rowIndex'); }
  get columnIndex(): number { return this.read('columnIndex'); }
  get rowCount(): number { return this.read('rowCount'); }
  get columnCount(): number { return this.read('columnCount'); }
  get address(): string { return this.read('address'); }
  set columnHidden(hidden: boolean) {
    this.set(hidden, ({ sheet, rect }) => {
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }
  get format() {
    const range = { set: (payload: unknown, apply: (target: RangeTarget) => void) => this.set(payload, apply) };
    return {
      fill: {
        set color(color: string) {
          range.set(color, ({ sheet, rect }) => eachCell(sheet, rect, (cell) => { cell.fill = color; }));
        },
        clear() {
          range.set(null, ({ sheet, rect }) => eachCell(sheet, rect, (cell) => { cell.fill = null; }));
        },
      },
      set columnWidth(points: number) {
        range.set(points, ({ sheet, rect }) => { for (let c = rect.column; c < rect.column + rect.columns; c++) sheet.columnWidths.set(c, points); });
      },
    };
  }
  get dataValidation() {
    const range = { set: (payload: unknown, apply: (target: RangeTarget) => void) => this.set(payload, apply) };
    return {
      set rule(rule: unknown) {
        range.set(rule, ({ sheet, rect }) => {
          const list = (rule as { list?: { source?: unknown } }).list;
          if (!list || typeof list.source !== 'string') throw new OfficeError('InvalidArgument', 'only list rules with a text source are supported');
          sheet.validations.push({ rect, rule });
        });
      },
    };
  }
  get conditionalFormats() {
    return {
      clearAll: () => this.set(null, ({ sheet, rect }) => {
        for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--) {
          if (intersects(sheet.conditionalFormats[i].rect, rect)) sheet.conditionalFormats.splice(i, 1);
        }
      }),
      add: (type: string) => {
        const model = { rect: { row: 0, column: 0, rows: 0, columns: 0 }, type, iconStyle: null as string | null, criteria: [] as unknown[] };
        this.set(type, ({ sheet, rect }) => { model.rect = rect; sheet.conditionalFormats.push(model); });
        const context = this.context;
        return {
          iconSet: {
            set style(style: string) { context.enqueue(bytesOf(style), () => { model.iconStyle = style; }); },
            set criteria(criteria: unknown[]) { context.enqueue(bytesOf(criteria), () => { model.criteria = criteria; }); },
          },
        };
      },
    };
  }
  select(): void {
    this.set(null, ({ sheet, rect }) => { this.context.model.selection = { sheet: sheet.name, rect }; });
  }
  clear(applyTo = 'All'): void {
    this.set(applyTo, ({ sheet, rect }) => {
      for (const [row, line] of sheet.cells) {
        if (row < rect.row || row >= rect.row + rect.rows) continue;
        for (const [column, cell] of line) {
          if (column < rect.column || column >= rect.column + rect.columns) continue;
          cell.value = '';
          if (applyTo === 'All' || applyTo === 'Formats') { cell.numberFormat = 'General'; cell.fill = null; }
        }
      }
      this.context.wrote(sheet, rect);
    });
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    const { sheet, rect } = this.must();
    const all: Record<string, () => unknown> = {
      values: () => grid(rect, (r, c) => sheet.value(r, c)),
      numberFormat: () => grid(rect, (r, c) => sheet.cell(r, c)?.numberFormat ?? 'General'),
      rowIndex: () => rect.row, columnIndex: () => rect.column, rowCount: () => rect.rows, columnCount: () => rect.columns,
      address: () => `${sheet.name}!${a1(rect.row, rect.column, rect.rows, rect.columns)}`,
    };
    const wanted = properties.includes('*') ? Object.keys(all) : properties;
    const out: Record<string, unknown> = {};
    for (const p of wanted) {
      if (!all[p]) throw new OfficeError('InvalidArgument', `unknown range property ${p}`);
      out[p] = all[p]();
    }
    return out;
  }
}

function grid<V>(rect: Rect, at: (row: number, column: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const line: V[] = [];
    for (let c = 0; c < rect.columns; c++) line.push(at(rect.row + r, rect.column + c));
    out.push(line);
  }
  return out;
}

function eachCell(sheet: SheetModel, rect: Rect, apply: (cell: ReturnType<SheetModel['touch']>) => void): void {
  for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.columns; c++) apply(sheet.touch(rect.row + r, rect.column + c));
}

/** values and formats must have the range's exact shape, as in Excel */
function fit<V>(values: V[][], rect: Rect, what: string): V[][] {
  if (!Array.isArray(values) || values.length !== rect.rows || values.some((line) => !Array.isArray(line) || line.length !== rect.columns)) {
    throw new OfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${rect.rows}×${rect.columns})`);
  }
  return values;
}

/** A text-formatted cell keeps what was written; elsewhere Excel reads plain numbers and booleans as such. */
export function typed(value: unknown, numberFormat: string): Value {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value as Value;
  if (numberFormat === '@') return value;
  if (/^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return value;
}

class TableCollection extends ClientObject<TableModel[]> {
  constructor(context: FakeContext, private readonly list: () => TableModel[], private readonly sheet: (() => SheetModel) | null) {
    super(context, list);
  }
  get items(): Table[] { return this.read('items'); }
  getItem(name: string): Table {
    return new Table(this.context, () => this.context.model.table(name) ?? null);
  }
  getItemOrNullObject(name: string): Table {
    return new Table(this.context, () => this.context.model.table(name) ?? null, true);
  }
  add(address: Range | string, hasHeaders: boolean): Table {
    let created: TableModel | null = null;
    this.context.enqueue(bytesOf(typeof address === 'string' ? address : null), () => {
      const { sheet, rect } = typeof address === 'string' ? { sheet: (this.sheet as () => SheetModel)(), rect: rectOf(address) } : (address.target() as RangeTarget);
      if (!hasHeaders) throw new OfficeError('InvalidArgument', 'the double supports tables with headers only');
      for (const table of this.context.model.tablesOn(sheet)) {
        if (intersects({ ...table.headerRect(), rows: table.bodyRows + 1 }, rect)) throw new OfficeError('InvalidOperation', 'tables cannot overlap');
      }
      const model = this.context.model;
      const table = new TableModel(model.newId('table'), `Table${model.tables.length + 1}`, sheet, rect.row, rect.column, rect.columns, rect.rows - 1);
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
  get name(): string { return this.read('name'); }
  set name(name: string) {
    this.set(name, (table) => {
      const clash = this.context.model.table(name);
      if (clash && clash !== table) throw new OfficeError('InvalidArgument', `A table named "${name}" already exists`);
      table.name = name;
    });
  }
  set style(style: string) { this.set(style, (table) => { table.style = style; }); }
  get worksheet(): Worksheet { return new Worksheet(this.context, () => this.must().sheet); }
  get rows() { return new TableRows(this.context, () => this.must()); }
  get columns() {
    return {
      getItemAt: (index: number) => ({
        getRange: () => new Range(this.context, () => {
          const t = this.must();
          return { sheet: t.sheet, rect: { row: t.row, column: t.column + index, rows: t.bodyRows + 1, columns: 1 } };
        }),
        getDataBodyRange: () => new Range(this.context, () => {
          const t = this.must();
          return { sheet: t.sheet, rect: { row: t.row + 1, column: t.column + index, rows: t.bodyRows, columns: 1 } };
        }),
      }),
    };
  }
  get onChanged() {
    return {
      add: (handler: (args: unknown) => unknown) => {
        const listener = (args: object) => handler({ ...args, getRange: () => { throw new OfficeError('NotImplemented', 'getRange'); } });
        this.set(null, (table) => { table.listeners.push(listener); });
        return {
          context: this.context,
          remove: () => this.set(null, (table) => {
            const at = table.listeners.indexOf(listener);
            if (at >= 0) table.listeners.splice(at, 1);
          }),
        };
      },
    };
  }
  getHeaderRowRange(): Range {
    return new Range(this.context, () => { const t = this.must(); return { sheet: t.sheet, rect: t.headerRect() }; });
  }
  getDataBodyRange(): Range {
    return new Range(this.context, () => { const t = this.must(); return { sheet: t.sheet, rect: t.bodyRect() }; });
  }
  /** items of a collection come back with the properties asked for through "items/…" */
  preload(properties: string[]): void {
    const table = this.must();
    for (const p of properties) {
      if (p === 'name') this.loaded.set('name', table.name);
      else if (p === 'id') this.loaded.set('id', table.id);
      else if (p.startsWith('worksheet/')) {/* loaded through the worksheet proxy on demand */}
      else throw new OfficeError('InvalidArgument', `unknown table property ${p}`);
    }
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    const table = this.must();
    return pick({ name: table.name, id: table.id, style: table.style }, properties);
  }
}

class TableRows extends ClientObject<TableModel> {
  get count(): number { return this.read('count'); }
  add(index: number | undefined | null, values: Value[][]): void {
    this.set(values, (table) => {
      if (index !== undefined && index !== null && index !== table.bodyRows) throw new OfficeError('NotImplemented', 'the double appends rows only');
      const rect = { row: table.row + 1 + table.bodyRows, column: table.column, rows: values.length, columns: table.columns };
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
      delete: () => this.set(index, (table) => {
        if (index < 0 || index >= table.bodyRows) throw itemNotFound(`table row ${index}`);
        deleteTableRow(table, index);
        this.context.wrote(table.sheet, { row: table.row + 1 + index, column: table.column, rows: 1, columns: table.columns });
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
    if (r.row === table.row + 1 && r.row + r.rows === table.row + 1 + table.bodyRows - added && r.column >= table.column && r.column < table.column + table.columns) {
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

class ChartCollection {
  constructor(private readonly context: FakeContext, private readonly sheet: () => SheetModel) {}
  add(type: string, source: Range, seriesBy: string): Chart {
    let created: ChartModelT | null = null;
    this.context.enqueue(bytesOf(type), () => {
      const sheet = this.sheet();
      const chart = { name: `Chart${sheet.charts.length + 1}`, type, data: (source.target() as RangeTarget).rect, seriesBy, title: '', legendVisible: true, position: null };
      sheet.charts.push(chart);
      created = chart;
    });
    return new Chart(this.context, () => created ?? null);
  }
  getItemOrNullObject(name: string): Chart {
    return new Chart(this.context, () => this.sheet().charts.find((c) => c.name === name) ?? null, true);
  }
}

type ChartModelT = SheetModel['charts'][number];

export class Chart extends ClientObject<ChartModelT> {
  set name(name: string) { this.set(name, (chart) => { chart.name = name; }); }
  get title() {
    const proxy = { set: (payload: unknown, apply: (chart: ChartModelT) => void) => this.set(payload, apply) };
    return { set text(text: string) { proxy.set(text, (chart) => { chart.title = text; }); } };
  }
  get legend() {
    const proxy = { set: (payload: unknown, apply: (chart: ChartModelT) => void) => this.set(payload, apply) };
    return { set visible(on: boolean) { proxy.set(on, (chart) => { chart.legendVisible = on; }); } };
  }
  setPosition(start: string, end: string): void { this.set([start, end], (chart) => { chart.position = [start, end]; }); }
  setData(source: Range, seriesBy: string): void {
    this.set(seriesBy, (chart) => { chart.data = (source.target() as RangeTarget).rect; chart.seriesBy = seriesBy; });
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    return pick({ name: this.must().name }, properties);
  }
}

class SettingCollection {
  constructor(private readonly context: FakeContext) {}
  add(key: string, value: unknown): void {
    this.context.enqueue(bytesOf([key, value]), () => { this.context.model.settings.set(key, value); });
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, key);
  }
}

class Setting extends ClientObject<{ key: string; value: unknown }> {
  constructor(context: FakeContext, private readonly key: string) {
    super(context, () => (context.model.settings.has(key) ? { key, value: context.model.settings.get(key) } : null), true);
  }
  get value(): unknown { return this.read('value'); }
  delete(): void {
    this.set(null, () => { this.context.model.settings.delete(this.key); });
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    const found = this.target(true);
    return pick({ value: found ? found.value : null, key: this.key }, properties);
  }
}
