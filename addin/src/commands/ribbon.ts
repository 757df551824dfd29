/**
 * The ribbon tab "Cruscotto" and its keyboard shortcuts (issue 18, item 1). With the shared runtime the ribbon's
 * ExecuteFunction buttons and the shortcuts of shortcuts.json run here, in the pane's page, on the pane's own
 * state: Sincronizza and Aggiorna are the pane's buttons, Perché? and Cronologia open the pane on the selected
 * row. The action ids are the manifest's FunctionName values and shortcuts.json's action ids.
 */
export const RIBBON_ACTIONS = ['SYNC', 'REFRESH', 'WHY', 'HISTORY', 'SHOWPANE'] as const;
export type RibbonAction = (typeof RIBBON_ACTIONS)[number];

export type RibbonHandlers = Record<RibbonAction, () => Promise<void>>;

/** the part of office.js the ribbon uses: Office.actions (SharedRuntime 1.1) and Office.addin */
export type OfficeRibbonHost = {
  actions?: { associate(id: string, handler: (event?: { completed(): void }) => unknown): void };
  addin?: {
    showAsTaskpane(): Promise<void>;
    setStartupBehavior?(behavior: unknown): Promise<void>;
  };
  StartupBehavior?: { load: unknown; none: unknown };
};

/**
 * Associates every action with its handler. A ribbon button's event must be completed, whatever happened: an
 * error is the pane's to show (its summary line), never an unfinished command in Excel.
 */
export function registerRibbon(office: OfficeRibbonHost, handlers: RibbonHandlers): RibbonAction[] {
  if (!office.actions) return [];
  for (const id of RIBBON_ACTIONS) {
    office.actions.associate(id, async (event) => {
      try {
        await handlers[id]();
      } catch {
        // the pane has said what went wrong
      } finally {
        event?.completed();
      }
    });
  }
  return [...RIBBON_ACTIONS];
}

/**
 * "Aggiorna all'apertura": the runtime loads with the workbook (Office.addin.setStartupBehavior), so the pane can
 * refresh the bound table and the formula cells as soon as the file opens; off, it loads when first used.
 */
export async function startWithWorkbook(office: OfficeRibbonHost, on: boolean): Promise<void> {
  const behavior = office.StartupBehavior;
  if (!office.addin?.setStartupBehavior || !behavior) return;
  await office.addin.setStartupBehavior(on ? behavior.load : behavior.none);
}
