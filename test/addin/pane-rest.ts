import type { Page } from 'playwright-core';

/**
 * Waits until the pane is done with what the user just did: the double's change events handled (Excel delivers
 * them after the fact) and the pane's marking pass over (#pending is aria-busy while it gathers and writes). A user's
 * step the pass would undo (lifting the protection, which the pass lifts for its write and puts back) waits for it.
 */
export async function paneAtRest(page: Page): Promise<void> {
  await page.evaluate(() => window.__excelDouble.settle());
  await page.waitForSelector('#pending:not([aria-busy="true"])', { state: 'attached' });
}
