/**
 * End to end, in headless Debian Chromium: the production build of the pane, served on loopback next to a /graphql
 * proxy to a REAL server (seeded with the Sondrio plan), with the Office/Excel double served in place of office.js,
 * so the pane runs its real ExcelWorkbook port over the double's in-memory workbook. The steps below are one user's
 * session, in order: Connect → choose the Sondrio plan → Load → type an actual value in the sheet → Sync → a
 * colleague changes another row on the server → Refresh scores → a rejected cell in the error list → the token is
 * nowhere in the workbook. Each step checks both the database (over GraphQL) and the sheet. A step after a failed
 * one stops at once, naming the step that broke. The pane is shown at a task pane's width and photographed after
 * Refresh (/tmp/addin-pane.png) and with the error list (/tmp/addin-pane-errors.png), to look at its layout.
 * Without /usr/bin/chromium the suite fails under CI=true and is skipped loudly elsewhere.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { format, messages } from '../../addin/src/i18n';
import { SETTING } from '../../addin/src/sync/state';
import { REJECTED_FILL } from '../../addin/src/sync/writer';
import { layoutColumn, LEVEL_LABEL, type LayoutColumnKey } from '@core/sheet/layout';
import type { TestServer } from '../helpers/server';
import { startSondrioServer } from '../helpers/sondrio-server';

const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const SCREENSHOT = '/tmp/addin-pane.png';
const SCREENSHOT_ERRORS = '/tmp/addin-pane-errors.png';
/** an Excel task pane is about this wide; the pane must be readable at this size */
const PANE = { width: 350, height: 900 };
/** every operation here takes well under a second: a wait this long means it never ends */
const OPERATION_TIMEOUT_MS = 10_000;
const available = fs.existsSync(CHROMIUM);
if (!available && process.env.CI !== 'true') {
  console.warn(
    `\nSKIPPING the add-in end-to-end test: ${CHROMIUM} is missing (apt-get install chromium; CI=true makes this a failure)\n`,
  );
}
const suite = available || process.env.CI === 'true' ? describe : describe.skip;

const ui = messages.it.ui;
const status = messages.it.sync.status;
/** the sheet's headers as the pane writes them in an Italian Excel (the layout shared with the server) */
const header = (key: LayoutColumnKey) => layoutColumn(key).it;

/** webpack's Node API, production mode, into a temporary directory */
async function build(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { paneConfig, doubleConfig } = require('../../addin/webpack.config.js');
  await new Promise<void>((resolve, reject) => {
    webpack(
      [
        paneConfig({ mode: 'production', outDir: path.join(outDir, 'pane') }),
        doubleConfig({ outDir: path.join(outDir, 'double') }),
      ],
      (error: Error | null, stats: any) => {
        if (error) return reject(error);
        if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve();
      },
    );
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/** the pane's files, and /graphql passed through to the test server: one origin, so no CORS */
function servePane(dir: string, apiUrl: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql') {
      const upstream = http.request(
        `${apiUrl}/graphql`,
        { method: request.method, headers: { ...request.headers, host: new URL(apiUrl).host } },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on('error', () => {
        response.writeHead(502);
        response.end();
      });
      request.pipe(upstream);
      return;
    }
    const file = path.join(dir, path.normalize(url.pathname).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

type Value = string | number | boolean;
type SheetView = { headers: string[]; rows: Value[][]; sheet: string };
type ServerRow = {
  rowId: string;
  rowVersion: number;
  level: string;
  code: string | null;
  weight: number | null;
  actual: { raw: string } | null;
  target: { raw: string } | null;
  realization: { score: number | null } | null;
};

suite('the add-in in a browser against the real server', () => {
  let tmp: string;
  let api: TestServer;
  let web: http.Server;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!available) throw new Error(`${CHROMIUM} is required under CI=true (the CI script installs Debian's chromium)`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cruscotto-addin-'));
    await build(tmp);
    ({ server: api } = await startSondrioServer());
    web = await servePane(path.join(tmp, 'pane'), api.url);
    origin = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    page = await browser.newPage({ viewport: PANE });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const double = fs.readFileSync(path.join(tmp, 'double', 'excel-double.js'), 'utf8');
    // nothing leaves the machine: office.js is the double, every other outside address is refused
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'application/javascript', body: double });
      if (url.startsWith(origin)) return route.continue();
      return route.abort();
    });
    await page.addInitScript(() => {
      window.__excelDoubleOptions = { displayLanguage: 'it-IT', apiVersion: '1.17', documentUrl: 'Piano Sondrio.xlsx' };
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (web ? web.close(resolve) : resolve(null)));
    await api?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  // ------------------------------------------------------------------ one user's session, step by step

  let broken: string | null = null;
  /** a step of the session: runs only when every earlier step passed, so a failure names its own step */
  const step = (name: string, body: () => Promise<void>) =>
    it(
      name,
      async () => {
        if (broken) throw new Error(`not run: the earlier step "${broken}" failed`);
        try {
          await body();
        } catch (error) {
          broken = name;
          throw error;
        }
      },
      60_000,
    );

  // what the steps learn and hand on
  let planId = '';
  let table = '';
  let col: (key: LayoutColumnKey) => number = () => -1;
  let edited: { id: string; typed: string } = { id: '', typed: '' };
  let rejected: { id: string; position: number; weight: Value } = { id: '', position: -1, weight: '' };

  /** the sheet as a person sees it, through the double's workbook */
  const sheet = (): Promise<SheetView> => page.evaluate((name) => window.__excelDouble.user.table(name), table);
  const settings = (): Promise<Record<string, unknown>> =>
    page.evaluate(() => Object.fromEntries(window.__excelDouble.model.settings));
  const typeInCell = (row: number, key: LayoutColumnKey, value: string) =>
    page.evaluate(([name, r, h, v]) => window.__excelDouble.user.type(name, r, h, v), [
      table,
      row,
      header(key),
      value,
    ] as const);
  const rowOf = (view: SheetView, rowId: string): Value[] => {
    const row = view.rows.find((r) => String(r[col('rowId')]) === rowId);
    if (!row) throw new Error(`row ${rowId} is not in the sheet`);
    return row;
  };

  /** waits for something the pane or the workbook should do; a timeout says what never happened and what the pane shows */
  const expectSoon = async <T>(what: string, check: () => Promise<T>): Promise<T> => {
    try {
      return await check();
    } catch (error) {
      if (!/Timeout/.test(String(error))) throw error;
      const summary = await page.textContent('#summary').catch(() => '?');
      throw new Error(
        `${what} did not happen within ${OPERATION_TIMEOUT_MS} ms; the pane's summary reads "${summary}"`,
      );
    }
  };

  /** clicks a pane button and waits for the operation to end; returns the summary line it left */
  const press = async (button: string): Promise<string> => {
    await page.click(button);
    const done = await expectSoon(`the operation of ${button}`, () =>
      page.waitForFunction(
        (working) => {
          const text = document.getElementById('summary')?.textContent ?? '';
          const running = !(document.getElementById('progress') as HTMLProgressElement | null)?.hidden;
          return !running && text !== '' && text !== working ? text : null;
        },
        ui.working,
        { timeout: OPERATION_TIMEOUT_MS },
      ),
    );
    return String(await done.jsonValue());
  };

  const serverRows = async (): Promise<Map<string, ServerRow>> => {
    const answer = await api.gql(
      `query($planId: ID!) { sheetRows(planId: $planId, year: 2022, checkpoint: YEAR_END) {
      rows { rowId rowVersion level code weight actual { raw } target { raw } realization { score } } } }`,
      { planId },
    );
    expect(answer.errors).toBeUndefined();
    return new Map((answer.data.sheetRows.rows as ServerRow[]).map((r) => [r.rowId, r]));
  };

  /** indicator rows with a target, whose actual cell holds something else: typing the target there is a real edit */
  const editableIndicators = (view: SheetView) =>
    view.rows
      .map((row, position) => ({
        row,
        position,
        id: String(row[col('rowId')]),
        target: String(row[col('target')]).trim(),
      }))
      .filter(
        ({ row, target }) =>
          row[col('level')] === LEVEL_LABEL.indicator && target !== '' && String(row[col('actual')]).trim() !== target,
      );

  step('connects with the server address and a token, remembered in the browser', async () => {
    await page.goto(`${origin}/taskpane.html`);
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
    const organisations = await page.$$eval('#organisation option', (os) =>
      os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })),
    );
    const sondrio = organisations.find((o) => /sondrio/i.test(o.text));
    if (!sondrio) throw new Error(`no Sondrio organisation among ${JSON.stringify(organisations.map((o) => o.text))}`);
    await page.selectOption('#organisation', sondrio.value);
    planId = await page.inputValue('#plan-select');
    expect(planId).not.toBe('');
    await page.selectOption('#year', '2022');
    await page.selectOption('#checkpoint', 'YEAR_END');
    expect(await page.evaluate(() => window.__excelDouble.model.tables.length)).toBe(0);
    const said = await press('#load');

    // the pane names the new table in its summary and in the binding it stored in the workbook
    const binding = JSON.parse(String((await settings())[SETTING.binding] ?? 'null'))?.binding;
    if (!binding) throw new Error(`Load stored no binding in the workbook settings; the pane says: "${said}"`);
    table = binding.table;
    expect(binding).toMatchObject({ planId, year: 2022, checkpoint: 'YEAR_END' });
    expect(await page.evaluate(() => window.__excelDouble.model.tables.map((t: { name: string }) => t.name))).toEqual([
      table,
    ]);
    const server = await serverRows();
    expect(said).toBe(format(ui.loaded, { rows: server.size, table }));
    expect(await page.textContent('#binding')).toBe(
      format(ui.boundTo, { plan: binding.planLabel, year: 2022, checkpoint: ui.YEAR_END, table }),
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
    col = (key) => loaded.headers.indexOf(header(key));
    // every server row is in the sheet once, with its version
    expect(loaded.rows).toHaveLength(server.size);
    expect(new Set(loaded.rows.map((r) => String(r[col('rowId')])))).toEqual(new Set(server.keys()));
    for (const row of loaded.rows)
      expect(Number(row[col('rowVersion')])).toBe(server.get(String(row[col('rowId')]))!.rowVersion);
    for (const key of ['rowId', 'rowVersion'] as const) {
      const cell = await page.evaluate(([name, h]) => window.__excelDouble.user.cell(name, 0, h), [
        table,
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
    expect(await press('#sync')).toBe(
      format(ui.synced, { sent: 1, created: 0, updated: 1, unchanged: 0, deleted: 0, rejected: 0, conflicts: 0 }),
    );
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
          planId,
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

  step('lists a rejected cell with its row, column and reason; clicking it selects the cell', async () => {
    const candidate = editableIndicators(await sheet()).find(
      (r) => r.id !== edited.id && String(r.row[col('weight')]).trim() !== '',
    );
    if (!candidate) throw new Error('no indicator with a weight to spoil');
    rejected = { id: candidate.id, position: candidate.position, weight: candidate.row[col('weight')] };
    const before = (await serverRows()).get(rejected.id)!;
    await typeInCell(rejected.position, 'weight', 'molto');

    // the server refuses the row; it stays waiting in the sheet
    const rejectedOnce = format(ui.synced, {
      sent: 1,
      created: 0,
      updated: 0,
      unchanged: 0,
      deleted: 0,
      rejected: 1,
      conflicts: 0,
    });
    expect(await press('#sync')).toBe(`${rejectedOnce} ${format(ui.pending, { pending: 1 })}`);
    // nothing of the row reached the database
    const after = (await serverRows()).get(rejected.id)!;
    expect({ weight: after.weight, rowVersion: after.rowVersion }).toEqual({
      weight: before.weight,
      rowVersion: before.rowVersion,
    });

    const row = rowOf(await sheet(), rejected.id);
    expect(row[col('weight')]).toBe('molto');
    expect(row[col('syncStatus')]).toBe(status.REJECTED);
    const reason = String(row[col('syncMessage')]);
    expect(reason).toContain(header('weight'));
    const cell = await page.evaluate(([name, r, h]) => window.__excelDouble.user.cell(name, r, h), [
      table,
      rejected.position,
      header('weight'),
    ] as const);
    expect(cell.fill).toBe(REJECTED_FILL);

    // the error names the row as Excel numbers it, the column by its header, and the server's reason
    const geometry = await page.evaluate(
      ([name, h]) => {
        const t = window.__excelDouble.model.table(name);
        if (!t) throw new Error(`no table ${name} in the workbook`);
        return { sheet: t.sheet.name, firstBodyRow: t.row + 1, column: t.column + t.headers().indexOf(h) };
      },
      [table, header('weight')] as const,
    );
    const sheetRow = geometry.firstBodyRow + rejected.position;
    expect(await page.isVisible('#errors')).toBe(true);
    const items = await page.$$eval('#error-list button', (bs) => bs.map((b) => b.textContent ?? ''));
    expect(items).toHaveLength(1);
    const prefix = format(ui.errorItem, { row: sheetRow + 1, header: header('weight'), message: '' });
    expect(items[0].slice(0, prefix.length)).toBe(prefix);
    const message = items[0].slice(prefix.length);
    expect(message.trim()).not.toBe('');
    expect(reason).toContain(message);
    await page.screenshot({ path: SCREENSHOT_ERRORS, fullPage: true });

    // the user looks elsewhere, then clicks the error: Excel selects the rejected cell
    await page.evaluate(() => {
      window.__excelDouble.model.selection = null;
    });
    await page.click('#error-list button');
    const where = await expectSoon('selecting the rejected cell after a click on its error', () =>
      page.waitForFunction(() => window.__excelDouble.model.selection, undefined, { timeout: OPERATION_TIMEOUT_MS }),
    );
    expect(await where.jsonValue()).toEqual({
      sheet: geometry.sheet,
      rect: { row: sheetRow, column: geometry.column, rows: 1, columns: 1 },
    });

    // put back as it was and synced again: the error goes, the fill goes, the row is in step again
    await typeInCell(rejected.position, 'weight', String(rejected.weight));
    expect(await press('#sync')).toBe(
      format(ui.synced, { sent: 1, created: 0, updated: 0, unchanged: 1, deleted: 0, rejected: 0, conflicts: 0 }),
    );
    expect(await page.isHidden('#errors')).toBe(true);
    const fixed = rowOf(await sheet(), rejected.id);
    expect(fixed[col('syncStatus')]).toBe(status.UNCHANGED);
    expect(fixed[col('syncMessage')]).toBe('');
    const refilled = await page.evaluate(([name, r, h]) => window.__excelDouble.user.cell(name, r, h), [
      table,
      rejected.position,
      header('weight'),
    ] as const);
    expect(refilled.fill).toBeNull();
  });

  step('keeps the token in the browser only: never in the workbook settings or cells', async () => {
    const stored = await settings();
    expect(Object.keys(stored)).toContain(SETTING.binding);
    // the assertions name where the token leaked, never print it
    const leakingSettings = Object.entries(stored)
      .filter(([, value]) => JSON.stringify(value).includes(api.token))
      .map(([key]) => key);
    expect({ settingsHoldingTheToken: leakingSettings }).toEqual({ settingsHoldingTheToken: [] });
    const leakingSheets = await page.evaluate(
      (token) =>
        window.__excelDouble.model.sheets
          .filter((s: { cells: Map<number, Map<number, { value: unknown }>> }) =>
            [...s.cells.values()].some((line) => [...line.values()].some((c) => String(c.value).includes(token))),
          )
          .map((s: { name: string }) => s.name),
      api.token,
    );
    expect({ sheetsHoldingTheToken: leakingSheets }).toEqual({ sheetsHoldingTheToken: [] });
    expect(pageErrors).toEqual([]);
  });
});
