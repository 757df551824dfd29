/**
 * Task-pane entry: waits for Office, builds the real workbook port and the sync session, and hands them to the
 * pane's UI wiring. Host code (ExcelWorkbook) and sync logic (WorkbookSession) live elsewhere; nothing here calls
 * Excel.run.
 */
import { ExcelWorkbook } from '../excel/excel-workbook';
import { languageOf } from '../i18n';
import { WorkbookSession } from '../sync/session';
import { Pane } from './pane';
import { TokenStore } from './token-store';

Office.onReady(async () => {
  const language = languageOf(Office.context.displayLanguage);
  document.documentElement.lang = language;
  const storage = (() => {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  })();
  const workbook = new ExcelWorkbook();
  const pane = new Pane({
    language,
    store: new TokenStore(storage, Office.context.partitionKey),
    defaultServerUrl: window.location.origin,
    workbook,
    openSession: () =>
      WorkbookSession.open({
        workbook,
        fetch: (input, init) => window.fetch(input, init),
        language,
        workbookName: Office.context.document?.url || undefined,
      }),
  });
  await pane.start();
});
