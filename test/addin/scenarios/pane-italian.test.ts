/**
 * Issue 14, item 6, the pane: in an Italian Excel every text the pane shows (headings, labels, buttons, messages,
 * lists, dropdown options, tooltips, accessible names) is Italian, with no English word and no raw code, in each
 * state the pane reaches: before connecting, an empty token, an unreachable server, the plan chooser, a loaded plan,
 * a Sync with rows refused by the server and by the pane, the reload question, offline, a row in conflict (its card
 * with "Tengo la mia" / "Prendo la loro", and the choice made), and the mapping
 * of a Bergamo-shaped sheet. The scan and its word list are the documents' (test/helpers/italian-scan.ts).
 */
import { bergamoSheet } from '../../fixtures/seed-sheets';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserSuite, header, OPERATION_TIMEOUT_MS, status, ui, usePane } from '../e2e-pane';
import { paneLeaks, visibleTexts } from '../pane-italian';

const suite = browserSuite('scenarios/pane-italian.test.ts');
/** nothing listens on the discard port */
const NOBODY = 'http://127.0.0.1:9';

suite("the pane's words in Italian, state by state", () => {
  const pane = usePane();
  const { step, press, sheet, typeInCell, editableIndicators } = pane;
  const clean = async (state: string) =>
    expect({ state, leaks: await paneLeaks(pane.page) }).toEqual({ state, leaks: {} });
  /** what the connection line says once Connect is over */
  const connectionSays = async () =>
    String(
      await (
        await pane.page.waitForFunction(
          () => {
            const text = document.getElementById('connect-status')?.textContent ?? '';
            return text !== '' && !/in corso/.test(text) ? text : null;
          },
          undefined,
          { timeout: OPERATION_TIMEOUT_MS },
        )
      ).jsonValue(),
    );

  step('item 6 · before connecting, with an empty token, with a server that does not answer', async () => {
    const page = pane.page;
    await page.goto(pane.paneUrl);
    await page.waitForSelector('#app[aria-busy="false"]');
    await clean('not connected');
    await page.fill('#token', '  ');
    await page.click('#connect-button');
    expect(await connectionSays()).toMatch(/vuoto/);
    await clean('empty token');
    await page.fill('#server-url', NOBODY);
    await page.fill('#token', pane.api.token);
    await page.click('#connect-button');
    expect(await connectionSays()).toMatch(/non raggiungibile/);
    await clean('unreachable server');
  });

  step('item 6 · the plan chooser and a loaded plan', async () => {
    await pane.page.fill('#server-url', pane.origin);
    await pane.connectAndChoose();
    await clean('plan chooser');
    await pane.followBinding(await press('#load'));
    await clean('loaded');
  });

  step('item 6 · a Sync with rows refused by the server and by the pane, listed by row', async () => {
    const [a, b, c] = editableIndicators(await sheet());
    await typeInCell(a.position, 'weight', 'molto');
    await typeInCell(b.position, 'parentCode', 'ZZZ9');
    await typeInCell(c.position, 'actual', 'forse');
    expect(await press('#sync')).toMatch(/rifiutate/);
    expect(await pane.page.isVisible('#errors')).toBe(true);
    await clean('errors listed');
    // put the rows back as they were, for the next steps
    await pane.page.click('#load');
    await pane.page.waitForSelector('#reload-prompt:not([hidden])', { timeout: OPERATION_TIMEOUT_MS });
    await clean('reload question');
    await press('#reload-discard');
  });

  step('item 6 · offline, with rows waiting', async () => {
    const [, f] = editableIndicators(await sheet());
    await pane.page.route('**/graphql', (route) => route.abort());
    try {
      await typeInCell(f.position, 'actual', f.target);
      expect(await press('#sync')).toMatch(/non raggiungibile/);
      await clean('offline');
    } finally {
      await pane.page.unroute('**/graphql');
    }
  });

  step('item 6 · a row in conflict: its status, the card with mine and theirs, and the choice made', async () => {
    const [, , mine] = editableIndicators(await sheet());
    await typeInCell(mine.position, 'actual', '42');
    // a colleague changes the same row on the server meanwhile
    const server = (await pane.serverRows()).get(mine.id)!;
    const changed = await pane.api.gql(`mutation($input: SyncBatchInput!) { syncRows(input: $input) { applied } }`, {
      input: {
        planId: pane.planId,
        year: 2022,
        checkpoint: 'YEAR_END',
        rows: [{ rowId: mine.id, rowVersion: server.rowVersion, actual: '43', note: 'verificato' }],
      },
    });
    expect(changed.data?.syncRows.applied).toBe(1);
    await press('#sync');
    await pane.page.waitForSelector('#conflicts:not([hidden])', { timeout: OPERATION_TIMEOUT_MS });
    expect(pane.rowOf(await sheet(), mine.id)[pane.col('syncStatus')]).toBe(status.CONFLICT);
    // the card is what the scan reads: its heading, the mine / theirs columns, the cell changed on both sides (the
    // colleague's note, changed on one side only, merges by itself), the buttons
    const shown = (await visibleTexts(pane.page)).map((t) => t.text);
    expect(shown).toEqual(
      expect.arrayContaining([ui.conflictsHeading, ui.mineLabel, ui.theirsLabel, header('actual'), ui.mine, ui.theirs]),
    );
    await pane.page.screenshot({ path: join(tmpdir(), 'cruscotto-pane-conflict.png'), fullPage: true });
    await clean('conflict');
    await press(`#conflict-list li[data-row-id="${mine.id}"] button[data-choice="theirs"]:not([data-cell])`);
    expect(await pane.page.isHidden('#conflicts')).toBe(true);
    await clean('conflict resolved');
  });

  step('item 6 · the mapping of a Bergamo-shaped sheet, every column with its choices', async () => {
    await pane.putSheet('Bergamo', bergamoSheet());
    await pane.page.click('#bind');
    await pane.page.waitForSelector('#mapping:not([hidden])', { timeout: OPERATION_TIMEOUT_MS });
    await clean('mapping');
  });
});
