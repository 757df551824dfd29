import type { Page } from 'playwright-core';
import { OPERATION_TIMEOUT_MS } from '../e2e-pane';

/**
 * Closes and reopens the workbook as Excel would: the faithful double saves its file (cells, settings, hidden
 * sheets), the pane is loaded again on that file, and the call returns once the pane has read it and shows a plan.
 */
export async function reopenWorkbook(page: Page, paneUrl: string): Promise<void> {
  const saved = await page.evaluate(() => window.__excelDouble.model.saved());
  await page.addInitScript((file) => {
    window.__excelDoubleOptions = { ...window.__excelDoubleOptions, saved: file };
  }, saved);
  await page.goto(paneUrl);
  await page.waitForSelector('#app[aria-busy="false"]');
  await page.waitForSelector('#plan:not([hidden])', { timeout: OPERATION_TIMEOUT_MS });
}
