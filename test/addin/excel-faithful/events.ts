/**
 * Change events: table.onChanged and worksheet.onChanged (ExcelApi 1.7). Excel raises them after the change is
 * applied, asynchronously, with the changed area in A1 style (no sheet name) and, for a single cell only, `details`
 * with the value before and after (ExcelApi 1.9: "This property can be retrieved when the changed event is triggered
 * on a single cell" — https://learn.microsoft.com/javascript/api/excel/excel.tablechangedeventargs). Handlers are
 * registrations of this session and do not survive a save/reopen.
 */
import { a1 } from '../../../addin/src/workbook/address';
import { type Rect, type SheetModel, type TableModel, type WorkbookModel, intersects } from './model';
import { type Scalar, valueTypeOf } from './values';

export type ChangeType =
  'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted' | 'CellInserted' | 'CellDeleted';

export type Change = {
  sheet: SheetModel;
  rect: Rect;
  changeType: ChangeType;
  /** 'Local' for this session's edits and the add-in's writes; 'Remote' would be a co-author */
  source: 'Local' | 'Remote';
  /** the single cell's value before the change, when exactly one cell changed */
  before?: { value: Scalar; isError: boolean };
};

type Handler = (args: Record<string, unknown>) => unknown;

function intersection(a: Rect, b: Rect): Rect {
  const row = Math.max(a.row, b.row);
  const column = Math.max(a.column, b.column);
  return {
    row,
    column,
    rows: Math.min(a.row + a.rows, b.row + b.rows) - row,
    columns: Math.min(a.column + a.columns, b.column + b.columns) - column,
  };
}

export class EventHub {
  private readonly tableHandlers = new Map<string, Set<Handler>>();
  private readonly sheetHandlers = new Map<string, Set<Handler>>();
  private pending = new Set<Promise<unknown>>();
  /** every event raised, for tests that count them */
  readonly raised: Array<{ on: 'table' | 'worksheet'; args: Record<string, unknown> }> = [];

  constructor(private readonly model: WorkbookModel) {}

  onTable(table: TableModel, handler: Handler): () => void {
    return this.register(this.tableHandlers, table.id, handler);
  }

  onSheet(sheet: SheetModel, handler: Handler): () => void {
    return this.register(this.sheetHandlers, sheet.id, handler);
  }

  private register(map: Map<string, Set<Handler>>, id: string, handler: Handler): () => void {
    if (!map.has(id)) map.set(id, new Set());
    map.get(id)!.add(handler);
    return () => map.get(id)?.delete(handler);
  }

  /** Raises the events of one change, unless the add-in switched events off (context.runtime.enableEvents). */
  raise(change: Change): void {
    if (!this.model.eventsEnabled) return;
    const details = this.details(change);
    const common = {
      changeType: change.changeType,
      source: change.source,
      worksheetId: change.sheet.id,
      ...(details ? { details } : {}),
    };
    this.deliver(this.sheetHandlers.get(change.sheet.id), 'worksheet', {
      type: 'WorksheetChanged',
      address: a1(change.rect.row, change.rect.column, change.rect.rows, change.rect.columns),
      ...common,
    });
    for (const table of this.model.tablesOn(change.sheet)) {
      if (!intersects(table.wholeRect(), change.rect)) continue;
      const area = intersection(table.wholeRect(), change.rect);
      this.deliver(this.tableHandlers.get(table.id), 'table', {
        type: 'TableChanged',
        address: a1(area.row, area.column, area.rows, area.columns),
        tableId: table.id,
        ...common,
      });
    }
  }

  private details(change: Change): Record<string, unknown> | undefined {
    if (!change.before || change.rect.rows !== 1 || change.rect.columns !== 1) return undefined;
    const after = change.sheet.cell(change.rect.row, change.rect.column);
    const valueAfter = after?.value ?? '';
    return {
      valueBefore: change.before.value,
      valueAfter,
      valueTypeBefore: valueTypeOf(change.before.value, change.before.isError),
      valueTypeAfter: valueTypeOf(valueAfter, after?.isError ?? false),
    };
  }

  private deliver(handlers: Set<Handler> | undefined, on: 'table' | 'worksheet', args: Record<string, unknown>): void {
    this.raised.push({ on, args });
    for (const handler of handlers ?? []) {
      // Office calls handlers after the request that caused the change has completed, never inside it
      const delivery: Promise<unknown> = new Promise((resolve) => setTimeout(resolve, 0))
        .then(() => handler(args))
        .catch(() => undefined)
        .finally(() => this.pending.delete(delivery));
      this.pending.add(delivery);
    }
  }

  /** resolves once every handler raised so far (and those they caused) has finished */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
