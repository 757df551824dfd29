/** What every session operation works with: the port, the client, the language, progress, and the stored state. */
import type { CruscottoClient } from '../api/client';
import type { Language } from '../i18n';
import { messages } from '../i18n';
import type { WorkbookPort } from '../workbook/port';
import { canonicalHeaders, linesOf, type ColumnHeaders, type PlanTable } from './columns';
import type { Binding, Operation } from './types';
import { ColumnsMissingError, readColumns } from './column-identity';

export type OperationContext = {
  port: WorkbookPort;
  client: CruscottoClient;
  language: Language;
  author: string | null;
  workbookName: string | null;
  progress(operation: Operation, done: number, total: number): void;
};

export function headersOf(binding: Binding): ColumnHeaders {
  return binding.columns ?? canonicalHeaders(binding.language);
}

export async function readPlanTable(port: WorkbookPort, binding: Binding): Promise<PlanTable> {
  const data = await port.readTable(binding.table);
  if (!data) throw new TableMissingError(binding.table);
  const columns = readColumns(data.headers, headersOf(binding));
  if (columns.missing.length)
    throw new ColumnsMissingError(
      binding.table,
      columns.missing.map((m) => m.header),
    );
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
