/** What every session operation works with: the port, the client, the language, progress, and the stored state. */
import type { CruscottoClient } from '../api/client';
import type { Language } from '../i18n';
import { messages } from '../i18n';
import type { TableData, WorkbookPort } from '../workbook/port';
import { canonicalHeaders, linesOf, type ColumnHeaders, type PlanTable } from './columns';
import type { ScoreMemory } from './score-memory';
import type { Binding, Operation } from './types';
import { ColumnsMissingError, layoutPositions, readColumns } from './column-identity';
import type { LayoutColumnKey } from '@core/sheet/layout';

export type OperationContext = {
  port: WorkbookPort;
  client: CruscottoClient;
  language: Language;
  author: string | null;
  workbookName: string | null;
  progress(operation: Operation, done: number, total: number): void;
  /** the server's scores of the bound sheet as the pane last read them (score-memory.ts); absent: every score read */
  scores?: ScoreMemory;
};

export function headersOf(binding: Binding): ColumnHeaders {
  return binding.columns ?? canonicalHeaders(binding.language);
}

/**
 * The bound table as the sync logic reads it. Excel's TableColumn.id of each column, where it stands now and the
 * header it has now are noted in the binding (saved with the state after the operation): that record, kept in the
 * workbook's settings, is the column's identity, so a column renamed and moved at once is still found by its id,
 * and one renamed today and moved tomorrow by its header and place on a host that gives no ids.
 */
export async function readPlanTable(port: WorkbookPort, binding: Binding): Promise<PlanTable> {
  const data = await port.readTable(binding.table);
  if (!data) throw new TableMissingError(binding.table);
  return planTableOf(data, binding);
}

/** readPlanTable for a table already read */
export function planTableOf(data: TableData, binding: Binding): PlanTable {
  const expected = headersOf(binding);
  const positions = binding.positions
    ? new Map(Object.entries(binding.positions) as Array<[LayoutColumnKey, number]>)
    : layoutPositions(expected);
  const tableIds = data.columnIds;
  const ids = tableIds && binding.columnIds ? { table: tableIds, bound: binding.columnIds } : undefined;
  const columns = readColumns(data.headers, expected, positions, ids);
  if (columns.missing.length)
    throw new ColumnsMissingError(
      binding.table,
      columns.missing.map((m) => m.header),
    );
  const now = Object.fromEntries(
    (Object.keys(columns.headers) as LayoutColumnKey[]).map((k) => [k, data.headers.indexOf(columns.headers[k]!)]),
  ) as Partial<Record<LayoutColumnKey, number>>;
  if (columns.renamed.length || [...positions].some(([k, at]) => now[k] !== at)) {
    binding.columns = columns.headers;
    binding.positions = now;
  }
  if (tableIds && tableIds.length === data.headers.length) {
    const keys = Object.keys(now) as LayoutColumnKey[];
    if (!binding.columnIds || keys.some((k) => binding.columnIds![k] !== tableIds[now[k]!]))
      binding.columnIds = Object.fromEntries(keys.map((k) => [k, tableIds[now[k]!]]));
  }
  return linesOf(data, columns.headers);
}

export class TableMissingError extends Error {
  constructor(readonly table: string) {
    super(`the table "${table}" is no longer in this workbook`);
    this.name = 'TableMissingError';
  }
  text(language: Language): string {
    return messages[language].sync.tableMissing.replace('{table}', this.table);
  }
}

/** the status words of both languages: a workbook saved in one language may be opened in the other */
export function statusLabel(language: Language, status: keyof (typeof messages)['it']['sync']['status']): string {
  return messages[language].sync.status[status];
}

export function isStatus(text: string, status: keyof (typeof messages)['it']['sync']['status']): boolean {
  const t = text.trim().toUpperCase();
  return t === messages.it.sync.status[status].toUpperCase() || t === messages.en.sync.status[status].toUpperCase();
}
