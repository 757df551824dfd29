/**
 * The browser, page and servers the add-in's end-to-end tests share: the production build of the pane, served on
 * loopback next to a /graphql proxy to a REAL server (seeded with the Sondrio plan), with the faithful Office/Excel
 * double (test/addin/excel-faithful: typed cells, number formats, Italian display) served in place of office.js, so
 * the pane runs its real ExcelWorkbook port over the double's workbook.
 * Also the steps' vocabulary: what the sheet and the server hold, pressing a pane button and waiting for it to end.
 * Without /usr/bin/chromium the suites fail under CI=true and are skipped loudly elsewhere.
 */
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { messages } from '../../addin/src/i18n';
import { SETTING } from '../../addin/src/sync/state';
import { layoutColumn, LEVEL_LABEL, type LayoutColumnKey } from '@core/sheet/layout';
import { importBergamo2021 } from '../helpers/bergamo-plan';
import type { TestServer } from '../helpers/server';
import { startSondrioServer } from '../helpers/sondrio-server';
import { cachedBuild, servePane } from './e2e-build';
import { OPERATION_TIMEOUT_MS, SETUP_TIMEOUT_MS } from './hang-guards';
import { paneAtRest } from './pane-rest';
import { putSheetIn } from './put-sheet';

export const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** an Excel task pane is about this wide; the pane must be readable at this size */
const PANE = { width: 350, height: 900 };
export { OPERATION_TIMEOUT_MS, SETUP_TIMEOUT_MS };
const available = fs.existsSync(CHROMIUM);

/** describe, or describe.skip with a warning when Chromium is missing outside CI */
export function browserSuite(file: string): jest.Describe {
  if (!available && process.env.CI !== 'true') {
    console.warn(
      `\nSKIPPING the add-in end-to-end test ${file}: ${CHROMIUM} is missing (apt-get install chromium; CI=true makes this a failure)\n`,
    );
  }
  return available || process.env.CI === 'true' ? describe : describe.skip;
}

export const ui = messages.it.ui;
export const status = messages.it.sync.status;
/** the sheet's headers as the pane writes them in an Italian Excel (the layout shared with the server) */
export const header = (key: LayoutColumnKey) => layoutColumn(key).it;

export type Value = string | number | boolean;
export type SheetView = { headers: string[]; rows: Value[][]; sheet: string };
export type ServerRow = {
  rowId: string;
  rowVersion: number;
  level: string;
  code: string | null;
  weight: number | null;
  actual: { raw: string } | null;
  target: { raw: string } | null;
  realization: { score: number | null } | null;
};

/**
 * office.js as a browser outside Office loads it: Office.onReady answers with no host (and there is no Excel). What
 * the pane must then say is "open me from Excel".
 */
const OFFICE_OUTSIDE = `window.Office = { HostType: { Excel: 'Excel' }, context: {}, onReady: function (callback) {
  var info = { host: null, platform: null };
  return Promise.resolve().then(function () { if (callback) callback(info); return info; });
} };`;

export type PaneOptions = {
  /** what answers at office.js's address: the Excel double (default), office.js outside Office, or nothing */
  office?: 'excel' | 'outside' | 'unreachable';
  /** the folder the pane is served from, as when hosted at https://host/addin/ (default '/') */
  base?: string;
  /** the websocket of live updates: passed to the server (default), or refused as a corporate proxy does */
  websockets?: 'proxy' | 'refuse';
  /** the query of the pane's address, e.g. '?pollSeconds=1' */
  search?: string;
};

/**
 * One user's session in the pane. Create it with usePane() inside the suite: its beforeAll builds and serves the
 * pane and opens the page, its afterAll closes everything. The helpers are arrow functions, so a suite can take them
 * out of the object.
 */
export class PaneSession {
  buildDir = '';
  api!: TestServer;
  web?: http.Server & { sockets?: Set<net.Socket> };
  browser?: Browser;
  page!: Page;
  origin = '';
  readonly pageErrors: string[] = [];
  // what the steps learn and hand on
  planId = '';
  table = '';
  col: (key: LayoutColumnKey) => number = () => -1;
  private broken: string | null = null;

  constructor(readonly options: PaneOptions = {}) {}

  /** the pane's page, under the folder it is served from */
  get paneUrl(): string {
    return `${this.origin}${this.options.base ?? '/'}taskpane.html${this.options.search ?? ''}`;
  }

  start = async (): Promise<void> => {
    if (!available) throw new Error(`${CHROMIUM} is required under CI=true (the CI script installs Debian's chromium)`);
    this.buildDir = await cachedBuild();
    ({ server: this.api } = await startSondrioServer());
    this.web = await servePane(
      path.join(this.buildDir, 'pane'),
      this.api.url,
      this.options.base,
      this.options.websockets,
    );
    const origin = `http://127.0.0.1:${(this.web.address() as AddressInfo).port}`;
    this.origin = origin;
    this.browser = await chromium.launch({
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
    this.page = await this.browser.newPage({ viewport: PANE });
    // Playwright's own 30 s default (click, fill, waitForSelector, goto) is a speed check on a loaded machine
    this.page.setDefaultTimeout(OPERATION_TIMEOUT_MS);
    this.page.setDefaultNavigationTimeout(OPERATION_TIMEOUT_MS);
    this.page.on('pageerror', (error) => this.pageErrors.push(String(error)));
    const double = fs.readFileSync(path.join(this.buildDir, 'double', 'excel-double.js'), 'utf8');
    // nothing leaves the machine: office.js is the double, every other outside address is refused
    await this.page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS && this.options.office === 'unreachable') return route.abort();
      if (url === OFFICE_JS && this.options.office === 'outside')
        return route.fulfill({ status: 200, contentType: 'application/javascript', body: OFFICE_OUTSIDE });
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'application/javascript', body: double });
      if (url.startsWith(origin)) return route.continue();
      return route.abort();
    });
    // Excel reads the functions' metadata from the manifest's URLs: the build's English file and its Italian copy
    const metadata = ['functions.json', 'functions-it.json'].map((f) =>
      JSON.parse(fs.readFileSync(path.join(this.buildDir, 'pane', f), 'utf8')),
    );
    await this.page.addInitScript((customFunctions) => {
      // Excel on the web in an Italian workbook: its ExcelApi level, its 5 MB payload limit, its number display
      window.__excelDoubleOptions = {
        platform: 'web',
        locale: 'it-IT',
        documentUrl: 'Piano Sondrio.xlsx',
        customFunctions: { namespace: 'CRUSCOTTO', metadata: customFunctions },
      };
    }, metadata);
  };

  close = async (): Promise<void> => {
    await this.browser?.close();
    for (const socket of this.web?.sockets ?? []) socket.destroy();
    await new Promise((resolve) => (this.web ? this.web.close(resolve) : resolve(null)));
    await this.api?.close();
  };

  /** a step of the session: runs only when every earlier step passed, so a failure names its own step */
  step = (name: string, body: () => Promise<void>) =>
    it(
      name,
      async () => {
        if (this.broken) throw new Error(`not run: the earlier step "${this.broken}" failed`);
        try {
          await body();
        } catch (error) {
          this.broken = name;
          throw error;
        }
      },
      SETUP_TIMEOUT_MS,
    );

  /** the sheet as a person sees it, through the double's workbook */
  sheet = (): Promise<SheetView> => this.page.evaluate((name) => window.__excelDouble.user.table(name), this.table);
  settings = (): Promise<Record<string, unknown>> =>
    this.page.evaluate(() => Object.fromEntries(window.__excelDouble.model.settings));
  /** the sheet's body as the grid shows it (Range.text of an Italian Excel): "3,4%" where the value is 0.034 */
  sheetText = (): Promise<{ headers: string[]; rows: string[][]; sheet: string }> =>
    this.page.evaluate((name) => window.__excelDouble.user.tableText(name), this.table);
  /** types text into a body cell and presses Enter: Excel reads it in the workbook's locale and format */
  /** the fill colour of a body cell, as the user sees it ('#RRGGBB', or null when none) */
  cellFill = (row: number, key: LayoutColumnKey): Promise<string | null> =>
    this.page.evaluate(([name, r, h]) => window.__excelDouble.user.cell(name, r, h).fill, [
      this.table,
      row,
      header(key),
    ] as const);
  typeInCell = (row: number, key: LayoutColumnKey, value: string) =>
    this.page.evaluate(([name, r, h, v]) => window.__excelDouble.user.type(name, r, h, v), [
      this.table,
      row,
      header(key),
      value,
    ] as const);
  /** Ctrl+V of a cell copied from another workbook: a typed value with its number format (e.g. 0.034 in "0.0%") */
  pasteInCell = (row: number, key: LayoutColumnKey, value: Value, numberFormat: string) =>
    this.page.evaluate(([name, r, h, v, f]) => window.__excelDouble.user.paste(name, r, h, v, f), [
      this.table,
      row,
      header(key),
      value,
      numberFormat,
    ] as const);
  /** what the grid holds and shows in a body cell: value, text, number format, fill, whether its column is hidden */
  cellAt = (row: number, key: LayoutColumnKey) =>
    this.page.evaluate(([name, r, h]) => window.__excelDouble.user.cell(name, r, h), [
      this.table,
      row,
      header(key),
    ] as const);
  rowOf = (view: SheetView, rowId: string): Value[] => {
    const row = view.rows.find((r) => String(r[this.col('rowId')]) === rowId);
    if (!row) throw new Error(`row ${rowId} is not in the sheet`);
    return row;
  };

  /** waits for something the pane or the workbook should do; a timeout says what never happened and what the pane shows */
  expectSoon = async <T>(what: string, check: () => Promise<T>): Promise<T> => {
    try {
      return await check();
    } catch (error) {
      if (!/Timeout/.test(String(error))) throw error;
      const summary = await this.page.textContent('#summary').catch(() => '?');
      throw new Error(
        `${what} did not happen within ${OPERATION_TIMEOUT_MS} ms; the pane's summary reads "${summary}"`,
      );
    }
  };

  /** clicks a pane button and waits for the operation to end; returns the summary line it left */
  press = async (button: string): Promise<string> => {
    await this.page.click(button);
    const done = await this.expectSoon(`the operation of ${button}`, () =>
      this.page.waitForFunction(
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

  serverRows = async (): Promise<Map<string, ServerRow>> => {
    const answer = await this.api.gql(
      `query($planId: ID!) { sheetRows(planId: $planId, year: 2022, checkpoint: YEAR_END) {
      rows { rowId rowVersion level code weight actual { raw } target { raw } realization { score } } } }`,
      { planId: this.planId },
    );
    expect(answer.errors).toBeUndefined();
    return new Map((answer.data.sheetRows.rows as ServerRow[]).map((r) => [r.rowId, r]));
  };

  /** indicator rows with a target, whose actual cell holds something else: typing the target there is a real edit */
  editableIndicators = (view: SheetView) =>
    view.rows
      .map((row, position) => ({
        row,
        position,
        id: String(row[this.col('rowId')]),
        target: String(row[this.col('target')]).trim(),
      }))
      .filter(
        ({ row, target }) =>
          row[this.col('level')] === LEVEL_LABEL.indicator &&
          target !== '' &&
          String(row[this.col('actual')]).trim() !== target,
      );

  /** a sheet the user already keeps, put in the workbook and made active (put-sheet.ts) */
  putSheet = (name: string, grid: string[][]): Promise<void> => putSheetIn(this.page, name, grid);

  /** waits until the pane is done with what the user just did (pane-rest.ts) */
  atRest = (): Promise<void> => paneAtRest(this.page);

  /**
   * Review → Unprotect Sheet (no password), as a person lifting Cruscotto's protection to change the table's shape;
   * at rest only: a marking pass still writing puts the protection back over the Unprotect (item 8 failed so)
   */
  liftProtection = async (): Promise<void> => {
    await this.atRest();
    const { sheet } = await this.sheet();
    await this.page.evaluate((name) => window.__excelDouble.user.unprotect(name), sheet);
  };
  /** the user renames a header of the bound table in the grid (user.renameHeader: both doubles offer it) */
  renameHeader = (from: string, to: string) =>
    this.page.evaluate(([name, f, t]) => window.__excelDouble.user.renameHeader(name, f, t), [
      this.table,
      from,
      to,
    ] as const);

  /** types into the bound table under a header as the sheet shows it now (e.g. after a rename), as typeInCell does */
  typeUnder = (row: number, sheetHeader: string, value: string) =>
    this.page.evaluate(([name, r, h, v]) => window.__excelDouble.user.type(name, r, h, v), [
      this.table,
      row,
      sheetHeader,
      value,
    ] as const);

  /** the user deletes a column of the bound table (user.deleteColumn: the faithful double's browser entry must offer it) */
  deleteColumn = (sheetHeader: string) =>
    this.page.evaluate(([name, h]) => window.__excelDouble.user.deleteColumn(name, h), [
      this.table,
      sheetHeader,
    ] as const);

  /**
   * opens the pane, connects (as the administrator unless `token` is someone else's: a viewer, a unit editor) and
   * chooses the Sondrio plan, 2022, year end, without loading anything
   */
  connectAndChoose = async (token: string = this.api.token): Promise<void> => {
    await this.connect(token);
    await this.chooseSondrio();
  };

  /** opens the pane and connects, up to the plan chooser */
  connect = async (token: string = this.api.token): Promise<void> => {
    const page = this.page;
    await page.goto(this.paneUrl);
    await page.waitForSelector('#app[aria-busy="false"]');
    await page.fill('#token', token);
    await page.click('#connect-button');
    await page.waitForSelector('#plan:not([hidden])', { timeout: OPERATION_TIMEOUT_MS }).catch(async () => {
      throw new Error(
        `Connect did not show the plan chooser; the pane says "${await page.textContent('#connect-status')}"`,
      );
    });
  };

  /**
   * the Bergamo 2021 plan imported beside the Sondrio one (before the pane lists the plans), the pane connected and
   * the plan chosen, 2021, year end; its id
   */
  openBergamo2021 = async (): Promise<string> => {
    const planId = await importBergamo2021(this.api);
    await this.connect();
    const page = this.page;
    const organisations = await page.$$eval('#organisation option', (os) =>
      os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })),
    );
    await page.selectOption('#organisation', organisations.find((o) => /bergamo/i.test(o.text))!.value);
    await page.selectOption('#plan-select', planId);
    await page.selectOption('#year', '2021');
    await page.selectOption('#checkpoint', 'YEAR_END');
    this.planId = planId;
    return planId;
  };

  /** in a connected pane: the Sondrio organisation (its plan comes selected), 2022, year end; keeps the plan's id */
  chooseSondrio = async (): Promise<void> => {
    const page = this.page;
    const organisations = await page.$$eval('#organisation option', (os) =>
      os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })),
    );
    const sondrio = organisations.find((o) => /sondrio/i.test(o.text));
    if (!sondrio) throw new Error(`no Sondrio organisation among ${JSON.stringify(organisations.map((o) => o.text))}`);
    await page.selectOption('#organisation', sondrio.value);
    this.planId = await page.inputValue('#plan-select');
    await page.selectOption('#year', '2022');
    await page.selectOption('#checkpoint', 'YEAR_END');
  };

  /** what the pane proposes for each sheet column: header → [plan column, level] as the selects show them */
  mappingShown = async (): Promise<Map<string, [string, string]>> => {
    await this.page.waitForSelector('#mapping:not([hidden])', { timeout: OPERATION_TIMEOUT_MS });
    const rows = await this.page.$$eval('#mapping-rows tr[data-header]', (trs) =>
      trs.map((tr) => [
        (tr as HTMLElement).dataset.header ?? '',
        (tr.querySelector('select.mapping-field') as HTMLSelectElement).value,
        (tr.querySelector('select.mapping-level') as HTMLSelectElement).value,
      ]),
    );
    return new Map(rows.map(([h, c, l]) => [h, [c, l] as [string, string]]));
  };

  /** the user changes, in the pane, what one sheet column holds */
  chooseMapping = async (sheetHeader: string, column: string, level = ''): Promise<void> => {
    const row = `#mapping-rows tr[data-header=${JSON.stringify(sheetHeader)}]`;
    await this.page.selectOption(`${row} select.mapping-field`, column);
    await this.page.selectOption(`${row} select.mapping-level`, level);
  };

  /** after a bind or a load: the bound table becomes the one the helpers read (`said`: the pane's summary, for the error) */
  followBinding = async (said?: string): Promise<void> => {
    const binding = JSON.parse(String((await this.settings())[SETTING.binding] ?? 'null'))?.binding;
    if (!binding) {
      throw new Error(
        `no binding stored in the workbook settings${said === undefined ? '' : `; the pane says: "${said}"`}`,
      );
    }
    this.table = binding.table;
    const view = await this.sheet();
    this.col = (key) => view.headers.indexOf(header(key));
  };

  /**
   * Connect and Load as a suite's setup, for suites whose scenario starts from a loaded plan (the load-and-sync
   * suite checks these same steps one assertion at a time): the Sondrio plan, 2022, year end.
   */
  connectAndLoad = async (token: string = this.api.token): Promise<void> => {
    await this.connectAndChoose(token);
    await this.followBinding(await this.press('#load'));
  };
}

/** a session for the enclosing describe, started before its tests and closed after them */
export function usePane(options: PaneOptions = {}): PaneSession {
  const pane = new PaneSession(options);
  beforeAll(pane.start, SETUP_TIMEOUT_MS);
  afterAll(pane.close);
  return pane;
}

/** a session for the enclosing describe that has connected and loaded the Sondrio plan before its tests */
export function useLoadedPane(options: PaneOptions = {}): PaneSession {
  const pane = usePane(options);
  beforeAll(() => pane.connectAndLoad(), SETUP_TIMEOUT_MS);
  return pane;
}
