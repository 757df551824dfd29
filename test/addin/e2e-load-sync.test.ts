/**
 * End to end, in headless Debian Chromium (the set-up is e2e-pane.ts): one user's session, in order: Connect → choose
 * the Sondrio plan → Load → type an actual value in the sheet → Sync → a colleague changes another row on the server →
 * Refresh scores. Each step checks both the database (over GraphQL) and the sheet. A step after a failed one stops at
 * once, naming the step that broke. The pane is shown at a task pane's width and photographed after Refresh
 * (/tmp/addin-pane.png), to look at its layout.
 */
import type { Page } from 'playwright-core';
import { format } from '../../addin/src/i18n';
import { emptySummary } from '../../addin/src/sync/send';
import { SETTING } from '../../addin/src/sync/state';
import { syncedText } from '../../addin/src/taskpane/wording';
import type { LayoutColumnKey } from '@core/sheet/layout';
import type { TestServer } from '../helpers/server';
import { browserSuite, header, OPERATION_TIMEOUT_MS, status, ui, usePane } from './e2e-pane';

const SCREENSHOT = '/tmp/addin-pane.png';

const suite = browserSuite('e2e-load-sync');

suite('the add-in in a browser against the real server', () => {
  // this suite proves the Refresh button: no live updates (the websocket refused, polling every 10 minutes), or a
  // colleague's change would be in the sheet before the button is pressed (scenarios/live.test.ts proves that)
  const pane = usePane({ websockets: 'refuse', search: '?pollSeconds=600' });
  let page: Page;
  let api: TestServer;
  let origin: string;
  beforeAll(() => {
    ({ page, api, origin } = pane);
  });
  const { step, sheet, settings, typeInCell, rowOf, press, serverRows, editableIndicators } = pane;
  const col = (key: LayoutColumnKey) => pane.col(key);
  // what the steps learn and hand on, beyond the plan, table and columns the session keeps
  let edited: { id: string; typed: string } = { id: '', typed: '' };

  // ------------------------------------------------------------------ one user's session, step by step

  step('connects with the server address and a token, remembered in the browser', async () => {
    await page.goto(pane.paneUrl);
    await page.waitForSelector('#app[aria-busy="false"]');
    expect(await page.textContent('#connect-button')).toBe(ui.connect);
    expect(await page.textContent('#binding')).toBe(ui.notBound);
    // same origin: the pane's own address is the server address
    expect(await page.inputValue('#server-url')).toBe(origin);
    await page.fill('#token', api.token);
    await page.click('#connect-button');
    await page.waitForSelector('#plan:not([hidden])', { timeout: OPERATION_TIMEOUT_MS }).catch(async () => {
      throw new Error(
        `Connect did not show the plan chooser; the pane says "${await page.textContent('#connect-status')}"`,
      );
    });
    expect(await page.textContent('#connect-status')).toBe(format(ui.connected, { server: origin }));
    const stored = await page.evaluate(() => ({ ...window.localStorage }));
    expect(Object.values(stored)).toContain(api.token);
  });

  step('loads the chosen plan, year and checkpoint into a new table with hidden id and version columns', async () => {
    await pane.chooseSondrio();
    expect(pane.planId).not.toBe('');
    expect(await page.evaluate(() => window.__excelDouble.model.tables.length)).toBe(0);
    const said = await press('#load');

    // the pane names the new table in its summary and in the binding it stored in the workbook
    const binding = JSON.parse(String((await settings())[SETTING.binding] ?? 'null'))?.binding;
    if (!binding) throw new Error(`Load stored no binding in the workbook settings; the pane says: "${said}"`);
    pane.table = binding.table;
    expect(binding).toMatchObject({ planId: pane.planId, year: 2022, checkpoint: 'YEAR_END' });
    // the one table the user sees; the merge base's is on a very hidden sheet (sync/base.ts)
    const tables = await page.evaluate(() =>
      window.__excelDouble.model.tables.map((t) => [t.name, t.sheet.visibility] as const),
    );
    expect(tables).toEqual([
      [pane.table, 'Visible'],
      [`${pane.table}_Base`, 'VeryHidden'],
    ]);
    const server = await serverRows();
    expect(said).toBe(format(ui.loaded, { rows: server.size, table: pane.table }));
    expect(await page.textContent('#binding')).toBe(
      format(ui.boundTo, { plan: binding.planLabel, year: 2022, checkpoint: ui.YEAR_END, table: pane.table }),
    );

    const loaded = await sheet();
    const keys: LayoutColumnKey[] = [
      'level',
      'code',
      'weight',
      'target',
      'actual',
      'realization',
      'syncStatus',
      'rowId',
      'rowVersion',
    ];
    for (const key of keys) expect(loaded.headers).toContain(header(key));
    pane.col = (key) => loaded.headers.indexOf(header(key));
    // every server row is in the sheet once, with its version
    expect(loaded.rows).toHaveLength(server.size);
    expect(new Set(loaded.rows.map((r) => String(r[col('rowId')])))).toEqual(new Set(server.keys()));
    for (const row of loaded.rows)
      expect(Number(row[col('rowVersion')])).toBe(server.get(String(row[col('rowId')]))!.rowVersion);
    for (const key of ['rowId', 'rowVersion'] as const) {
      const cell = await page.evaluate(([name, h]) => window.__excelDouble.user.cell(name, 0, h), [
        pane.table,
        header(key),
      ] as const);
      expect({ column: header(key), hidden: cell.hidden }).toEqual({ column: header(key), hidden: true });
    }
    expect(editableIndicators(loaded).length).toBeGreaterThanOrEqual(3);
  });

  step('syncs an actual value typed in the sheet: stored in the database, answered in the sheet', async () => {
    const before = await serverRows();
    const [first] = editableIndicators(await sheet());
    edited = { id: first.id, typed: first.target };
    expect(before.get(edited.id)!.actual?.raw ?? '').not.toBe(edited.typed);
    await typeInCell(first.position, 'actual', edited.typed);

    // only the edited row travels
    expect(await press('#sync')).toBe(syncedText({ ...emptySummary(), sent: 1, updated: 1 }, 'it', ''));
    const after = await serverRows();
    const stored = after.get(edited.id)!;
    expect(stored.actual?.raw).toBe(edited.typed);
    expect(stored.rowVersion).toBeGreaterThan(before.get(edited.id)!.rowVersion);
    expect(typeof stored.realization?.score).toBe('number');

    const row = rowOf(await sheet(), edited.id);
    expect(row[col('actual')]).toBe(edited.typed);
    expect(row[col('syncStatus')]).toBe(status.UPDATED);
    expect(Number(row[col('rowVersion')])).toBe(stored.rowVersion);
    expect(row[col('realization')]).toBeCloseTo(stored.realization!.score!, 6);
    expect(await page.isHidden('#errors')).toBe(true);
  });

  step("refreshes scores: a colleague's change on the server comes into the sheet, the user's edit stays", async () => {
    const other = editableIndicators(await sheet()).find((r) => r.id !== edited.id)!;
    const before = await serverRows();
    const change = await api.gql(
      `mutation($batch: SyncBatchInput!) { syncRows(input: $batch) { rows { status errors { message } } } }`,
      {
        batch: {
          planId: pane.planId,
          year: 2022,
          checkpoint: 'YEAR_END',
          rows: [{ rowId: other.id, rowVersion: before.get(other.id)!.rowVersion, actual: other.target }],
          source: { kind: 'GRAPHQL', author: 'collega' },
        },
      },
    );
    expect(change.errors).toBeUndefined();
    expect(change.data.syncRows.rows[0]).toEqual({ status: 'UPDATED', errors: [] });
    // the sheet does not know yet: neither the value nor the score the server now computes for it
    const scored = (await serverRows()).get(other.id)!.realization?.score;
    expect(typeof scored).toBe('number');
    const stale = rowOf(await sheet(), other.id);
    expect(stale[col('actual')]).not.toBe(other.target);
    expect(stale[col('realization')]).not.toBe(scored);

    expect(await press('#refresh')).toBe(format(ui.refreshed, { updated: 1, conflicts: 0, deletedOnServer: 0 }));
    const server = await serverRows();
    const view = await sheet();
    const theirs = rowOf(view, other.id);
    expect(theirs[col('actual')]).toBe(other.target);
    expect(theirs[col('syncStatus')]).toBe(status.SYNCED);
    expect(Number(theirs[col('rowVersion')])).toBe(server.get(other.id)!.rowVersion);
    expect(rowOf(view, edited.id)[col('actual')]).toBe(edited.typed);
    // every realization in the sheet is the server's, objectives' totals included
    const mismatched = view.rows.filter((row) => {
      const score = server.get(String(row[col('rowId')]))!.realization?.score ?? null;
      const cell = row[col('realization')];
      return score === null ? cell !== '' : typeof cell !== 'number' || Math.abs(cell - score) > 1e-9;
    });
    expect(mismatched.map((r) => `${r[col('code')]}: ${r[col('realization')]}`)).toEqual([]);
    expect(theirs[col('realization')]).toBeCloseTo(scored as number, 9);

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });
});
