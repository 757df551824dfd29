/**
 * A fake of the Excel JavaScript API subset the add-in uses, over a WorkbookModel; this file is one Excel.run's
 * context, the proxies are in one file per object (workbook, worksheet, range, table, chart). It keeps the rules that
 * make real Office code right or wrong: commands queue until context.sync(); a property reads only after load + sync;
 * ...OrNullObject proxies answer isNullObject after a sync; values must match the range's shape; a request above
 * 5 MB is refused; changes made while runtime.enableEvents is on raise table.onChanged. It counts every sync with
 * its request and response bytes, which is what the add-in's performance goals are about.
 */
import { a1 } from '../../../addin/src/workbook/address';
import { type Rect, type SheetModel, type TableModel, type WorkbookModel, intersects } from './model';
import { OfficeError, notLoaded } from './office-object';
import { FakeWorkbook } from './workbook';

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
    syncs: 0,
    requests: [],
    eventsFromApi: 0,
    writesWithEventsOff: 0,
    reset() {
      stats.syncs = 0;
      stats.requests.length = 0;
      stats.eventsFromApi = 0;
      stats.writesWithEventsOff = 0;
    },
  };
  return stats;
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

  constructor(
    readonly model: WorkbookModel,
    readonly stats: DoubleStats,
  ) {
    this.workbook = new FakeWorkbook(this);
    const switchEvents = (on: boolean) =>
      this.enqueue(8, () => {
        this.model.eventsEnabled = on;
      });
    this.runtime = {
      get enableEvents(): boolean {
        throw notLoaded('enableEvents');
      },
      set enableEvents(on: boolean) {
        switchEvents(on);
      },
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
      throw new OfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size (${requestBytes} bytes) has exceeded the limit`,
      );
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
      throw new OfficeError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size (${record.responseBytes} bytes) has exceeded the limit`,
      );
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
    type: 'TableChanged' as const,
    changeType,
    source: 'Local' as const,
    address: a1(rect.row, rect.column, rect.rows, rect.columns),
    tableId: table.id,
    worksheetId: table.sheet.id,
  };
  for (const listener of [...table.listeners]) {
    const delivery: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(async () => {
        await listener(args);
      })
      .catch(() => undefined)
      .finally(() => model.deliveries.delete(delivery));
    model.deliveries.add(delivery);
  }
}
