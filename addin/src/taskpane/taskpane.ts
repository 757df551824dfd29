/**
 * Task-pane entry: waits for Office, builds the real workbook port and the sync session, and hands them to the
 * pane's UI wiring; outside Excel, or without office.js, it shows a page saying so instead (host-notice.ts). Host code (ExcelWorkbook) and sync logic (WorkbookSession) live elsewhere; nothing here calls
 * Excel.run.
 */
import { ExcelWorkbook } from '../excel/excel-workbook';
import { OutlineView } from './outline-view';
import { languageOf } from '../i18n';
import { WorkbookSession } from '../sync/session';
import { hostProblem, showHostProblem, showPane } from './host-notice';
import { Pane } from './pane';
import { startRuntime } from './runtime';
import { TokenStore } from './token-store';
import { UndoView } from './undo-view';

// office.js is a script of its own, from Microsoft's CDN: when it did not load there is no Office to wait for
const noOffice = hostProblem((window as { Office?: unknown }).Office);
if (noOffice) showHostProblem(noOffice);
else void Office.onReady(start);

async function start(info: { host: Office.HostType | null }): Promise<void> {
  // outside Office, office.js answers with no host
  const outside = hostProblem(Office, info?.host ? String(info.host) : null);
  if (outside) return showHostProblem(outside);
  showPane();
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
  let session: WorkbookSession | null = null;
  const fetch = (input: string, init?: RequestInit) => window.fetch(input, init);
  const pane = new Pane({
    language,
    store: new TokenStore(storage, Office.context.partitionKey),
    defaultServerUrl: window.location.origin,
    workbook,
    openSession: async () =>
      (session = await WorkbookSession.open({
        workbook,
        fetch,
        language,
        workbookName: Office.context.document?.url || undefined,
      })),
    live: { pollMs: pollSeconds(window.location.search) * 1000 },
  });
  await pane.start();
  // one runtime: the ribbon, its shortcuts and the CRUSCOTTO.* formulas act on this pane's session
  await startRuntime({
    pane,
    session: () => session,
    workbook,
    fetch,
    language,
    storage,
    office: Office as never,
    excelError: (message) => new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message),
  });
  new UndoView({ session: () => session, pane, fetch, language, workbookName: Office.context.document?.url });
  new OutlineView({ table: () => session?.binding?.table ?? null, workbook, language });
}

/**
 * How often the pane asks for changes when the websocket cannot open: `?pollSeconds=` on the pane's address (the
 * manifest's SourceLocation can carry it), from 1 to 600 seconds; 30 without it.
 */
function pollSeconds(search: string): number {
  const asked = Number(new URLSearchParams(search).get('pollSeconds'));
  return Number.isFinite(asked) && asked >= 1 ? Math.min(asked, 600) : 30;
}
