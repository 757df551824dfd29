/**
 * The shared runtime around the pane (issue 18): the CRUSCOTTO.* formula cells get the pane's connection and bound
 * plan, the ribbon's buttons and shortcuts run the pane's operations, "Perché?" and "Cronologia" read the selected
 * row, and "Aggiorna all'apertura" refreshes the table and the formulas when the workbook opens. One page, one state.
 */
import { registerRibbon, startWithWorkbook, type OfficeRibbonHost } from '../commands/ribbon';
import { markProvisional } from '../excel/provisional-mark';
import type { FetchLike } from '../api/client';
import { formulaCells, type FormulaHost } from '../functions/cells';
import { formulaWords } from '../functions/words';
import { format, type Language } from '../i18n';
import type { WorkbookSession } from '../sync/session';
import type { WorkbookPort } from '../workbook/port';
import { byId } from './dom';
import { InsightView } from './insight-view';
import { insightWords } from './insight-words';

/** the workbook setting of "Aggiorna all'apertura" */
export const REFRESH_ON_OPEN = 'cruscotto.refreshOnOpen';

const WORDS = {
  it: { formulas: 'Formule Cruscotto: {cells} celle', provisional: ', {count} provvisorie (ultimo valore letto)' },
  en: { formulas: 'Cruscotto formulas: {cells} cells', provisional: ', {count} provisional (last value read)' },
} as const;

export type RuntimeOptions = {
  pane: { sync(): Promise<void>; refresh(): Promise<void> };
  session: () => WorkbookSession | null;
  workbook: WorkbookPort & {
    firstBodyRow(table: string): Promise<number | null>;
    activeSheetName(): Promise<string>;
  };
  fetch: FetchLike;
  language: Language;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  office: OfficeRibbonHost;
  /** CustomFunctions.Error with a message (Excel shows it on the cell's error) */
  excelError: (message: string) => unknown;
};

export async function startRuntime(options: RuntimeOptions): Promise<InsightView> {
  const { language, office } = options;
  const insight = new InsightView({
    session: options.session,
    workbook: options.workbook,
    fetch: options.fetch,
    language,
  });
  const host: FormulaHost = {
    target: () => options.session()?.liveTarget ?? null,
    // the active sheet's binding decides the plan of a formula without [piano]
    boundPlan: async () => {
      const session = options.session();
      if (!session) return null;
      const sheet = await options.workbook.activeSheetName().catch(() => null);
      return session.formulaPlan(sheet);
    },
    fetch: options.fetch,
    language,
    error: options.excelError,
    storage: options.storage,
    mark: (address, provisional) => markProvisional(address, formulaWords[language].provisional, provisional),
  };
  formulaCells.configure(host);
  followConnection(options, host);
  const showPane = () => office.addin?.showAsTaskpane() ?? Promise.resolve();
  registerRibbon(office, {
    SYNC: () => options.pane.sync(),
    REFRESH: async () => {
      await options.pane.refresh();
      await formulaCells.refreshAll();
    },
    WHY: async () => {
      await showPane();
      await insight.why();
    },
    HISTORY: async () => {
      await showPane();
      await insight.history();
    },
    SHOWPANE: showPane,
  });
  await refreshOnOpen(options);
  return insight;
}

/** the formulas follow the pane: a new connection or binding re-asks every cell; the pane shows how many there are */
function followConnection(options: RuntimeOptions, host: FormulaHost): void {
  let seen = '';
  const words = WORDS[options.language];
  setInterval(() => {
    const target = host.target();
    const now = target ? [target.serverUrl, target.token, target.planId, target.year, target.checkpoint].join('|') : '';
    if (now !== seen) {
      seen = now;
      formulaCells.configure(host);
    }
    const { cells, provisional } = formulaCells.counts();
    const line = byId('formulas');
    line.hidden = cells === 0;
    line.dataset.provisional = String(provisional);
    line.textContent = `${format(words.formulas, { cells })}${provisional ? format(words.provisional, { count: provisional }) : ''}`;
  }, 500);
}

/** the box is the workbook's own setting: it travels with the file, and Office loads the runtime with it */
async function refreshOnOpen(options: RuntimeOptions): Promise<void> {
  const box = byId<HTMLInputElement>('refresh-on-open');
  byId('refresh-on-open-label').textContent = insightWords[options.language].refreshOnOpen;
  const on = (await options.workbook.getSetting(REFRESH_ON_OPEN).catch(() => null)) === 'true';
  box.checked = on;
  box.addEventListener('change', () => {
    void options.workbook.setSetting(REFRESH_ON_OPEN, box.checked ? 'true' : null);
    void startWithWorkbook(options.office, box.checked).catch(() => undefined);
  });
  if (on && options.session()?.binding) {
    await options.pane.refresh();
    await formulaCells.refreshAll();
  }
}
