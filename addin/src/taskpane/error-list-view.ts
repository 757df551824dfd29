/**
 * The sheet's errors in the pane, each a button that selects its cell. A row is numbered as Excel's row headers
 * number it, which is where the user looks for it: the table's first body row plus the error's row in the body.
 */
import { format, messages, type Language } from '../i18n';
import type { WorkbookSession } from '../sync/session';
import type { SheetError } from '../sync/types';
import { byId, element } from './dom';
import { sortedErrors } from './wording';

export type ErrorListHost = {
  session: WorkbookSession;
  language: Language;
  /** where a table's body starts (null: not known) */
  firstBodyRow(table: string): Promise<number | null>;
  /** a selection that failed: the pane says why */
  failed(error: unknown): void;
};

export async function renderErrorList(host: ErrorListHost): Promise<void> {
  const errors = sortedErrors(host.session.errors());
  const firstBodyRow = errors.length ? await bodyStart(host) : 0;
  const words = messages[host.language].ui;
  const items = errors.map((error: SheetError) => {
    const text = format(words.errorItem, {
      row: firstBodyRow + error.row + 1,
      header: error.header,
      message: error.message,
    });
    const button = element('button', { type: 'button' }, text);
    button.addEventListener('click', () => void host.session.selectError(error).catch(host.failed));
    const item = element('li');
    item.append(button);
    return item;
  });
  byId('error-list').replaceChildren(...items);
  byId('errors').hidden = errors.length === 0;
}

/** Load puts the header on the sheet's first row, so that is the fallback */
async function bodyStart(host: ErrorListHost): Promise<number> {
  const table = host.session.binding?.table;
  if (!table) return 1;
  try {
    return (await host.firstBodyRow(table)) ?? 1;
  } catch {
    return 1;
  }
}
