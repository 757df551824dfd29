/**
 * End to end, in headless Debian Chromium: the production build of the pane, served on loopback next to a /graphql
 * proxy to a REAL server (seeded with the Sondrio plan), with the Office/Excel double served in place of office.js.
 * The test clicks Connect → Sondrio plan → Load, types an actual value in the sheet, clicks Sync, lets a colleague
 * change another row on the server, clicks Refresh, and checks both the database and the sheet at each step.
 * Without /usr/bin/chromium the suite fails under CI=true and is skipped loudly elsewhere.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { messages } from '../../addin/src/i18n';
import { type TestServer, startServer } from '../helpers/server';

const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const available = fs.existsSync(CHROMIUM);
if (!available && process.env.CI !== 'true') {
  console.warn(`\nSKIPPING the add-in end-to-end test: ${CHROMIUM} is missing (apt-get install chromium; CI=true makes this a failure)\n`);
}
const suite = available || process.env.CI === 'true' ? describe : describe.skip;

const TABLE = 'Cruscotto';
const H = { level: 'Livello', code: 'Cod.', target: 'Risultato atteso (target)', actual: 'Valore ottenuto', realization: '% Realizzazione', status: 'Stato sync', rowId: 'ID riga', version: 'Versione riga' };

/** webpack's Node API, production mode, into a temporary directory */
async function build(outDir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { paneConfig, doubleConfig } = require('../../addin/webpack.config.js');
  await new Promise<void>((resolve, reject) => {
    webpack([paneConfig({ mode: 'production', outDir: path.join(outDir, 'pane') }), doubleConfig({ outDir: path.join(outDir, 'double') })], (error: Error | null, stats: any) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'application/javascript', '.css': 'text/css', '.png': 'image/png', '.xml': 'application/xml' };

/** the pane's files, and /graphql passed through to the test server: one origin, so no CORS */
function servePane(dir: string, apiUrl: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql') {
      const upstream = http.request(`${apiUrl}/graphql`, { method: request.method, headers: { ...request.headers, host: new URL(apiUrl).host } }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      upstream.on('error', () => { response.writeHead(502); response.end(); });
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

type SheetView = { headers: string[]; rows: Array<Array<string | number | boolean>>; sheet: string };

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
    api = await startServer('sqlite', { seed: true });
    web = await servePane(path.join(tmp, 'pane'), api.url);
    origin = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage();
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
      (window as any).__excelDoubleOptions = { displayLanguage: 'it-IT', apiVersion: '1.17', documentUrl: 'Piano Sondrio.xlsx' };
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (web ? web.close(resolve) : resolve(null)));
    await api?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const it_ = messages.it;
  const sheet = (): Promise<SheetView> => page.evaluate((name) => (window as any).__excelDouble.user.table(name), TABLE);
  const summary = async (pattern: RegExp) => {
    await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('summary')?.textContent ?? ''), pattern.source, { timeout: 60_000 });
    return page.textContent('#summary');
  };
  const serverRows = async (planId: string) => {
    const answer = await api.gql(`query($planId: ID!) { sheetRows(planId: $planId, year: 2022, checkpoint: YEAR_END) {
      rows { rowId rowVersion level code actual { raw } target { raw } realization { score } } } }`, { planId });
    expect(answer.errors).toBeUndefined();
    return answer.data.sheetRows.rows as Array<{ rowId: string; rowVersion: number; level: string; code: string | null; actual: { raw: string } | null; target: { raw: string } | null; realization: { score: number | null } | null }>;
  };

  it('connects, loads the Sondrio plan, syncs an edit and refreshes a colleague\'s change', async () => {
    await page.goto(`${origin}/taskpane.html`);
    await page.waitForSelector('#app[aria-busy="false"]');
    expect(await page.textContent('#connect-button')).toBe(it_.ui.connect);

    // Connect (same origin: the pane's own address is the server address)
    expect(await page.inputValue('#server-url')).toBe(origin);
    if (api.token) await page.fill('#token', api.token);
    await page.click('#connect-button');
    await page.waitForSelector('#plan:not([hidden])');

    // choose the Sondrio plan and 2022, then Load
    const organisation = await page.$$eval('#organisation option', (os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const sondrio = organisation.find((o) => /sondrio/i.test(o.text));
    expect(sondrio).toBeDefined();
    await page.selectOption('#organisation', sondrio!.value);
    const planId = await page.inputValue('#plan-select');
    expect(planId).not.toBe('');
    await page.selectOption('#year', '2022');
    await page.selectOption('#checkpoint', 'YEAR_END');
    await page.click('#load');
    await summary(/Caricate \d+ righe/);

    const loaded = await sheet();
    const col = (header: string) => loaded.headers.indexOf(header);
    for (const header of Object.values(H)) expect(loaded.headers).toContain(header);
    const server = await serverRows(planId);
    expect(loaded.rows).toHaveLength(server.length);
    // every server row is in the sheet with its id and version
    const byId = new Map(server.map((r) => [r.rowId, r]));
    for (const row of loaded.rows) {
      const match = byId.get(String(row[col(H.rowId)]));
      expect(match).toBeDefined();
      expect(Number(row[col(H.version)])).toBe(match!.rowVersion);
    }
    const idColumn = await page.evaluate((name) => (window as any).__excelDouble.user.cell(name, 0, 'ID riga'), TABLE);
    expect(idColumn.hidden).toBe(true);

    // the user types an actual value: the indicator's own target, as text
    const indicators = loaded.rows.map((r, i) => ({ r, i })).filter(({ r }) => r[col(H.level)] === 'azione' && String(r[col(H.target)]).trim() !== '');
    expect(indicators.length).toBeGreaterThan(2);
    const edited = indicators[0];
    const typed = String(edited.r[col(H.target)]);
    const editedId = String(edited.r[col(H.rowId)]);
    await page.evaluate(([name, row, header, value]) => (window as any).__excelDouble.user.type(name, row, header, value), [TABLE, edited.i, H.actual, typed] as const);
    await page.click('#sync');
    await summary(/Inviate \d+ righe/);

    // the database has the typed text, and the sheet shows the server's answer for that row
    const afterSync = new Map((await serverRows(planId)).map((r) => [r.rowId, r]));
    expect(afterSync.get(editedId)!.actual?.raw).toBe(typed);
    const synced = await sheet();
    const editedRow = synced.rows.find((r) => String(r[col(H.rowId)]) === editedId)!;
    expect(editedRow[col(H.status)]).toBe(it_.sync.status.UPDATED);
    expect(Number(editedRow[col(H.version)])).toBe(afterSync.get(editedId)!.rowVersion);
    const score = afterSync.get(editedId)!.realization?.score;
    expect(typeof score).toBe('number');
    expect(editedRow[col(H.realization)]).toBeCloseTo(score as number, 6);

    // a colleague changes another indicator on the server; Refresh brings it into the sheet
    const other = indicators[1];
    const otherId = String(other.r[col(H.rowId)]);
    const colleagueValue = String(other.r[col(H.target)]);
    const change = await api.gql(`mutation($batch: SyncBatchInput!) { syncRows(input: $batch) { rows { status errors { message } } } }`, {
      batch: { planId, year: 2022, checkpoint: 'YEAR_END', rows: [{ rowId: otherId, rowVersion: afterSync.get(otherId)!.rowVersion, actual: colleagueValue }], source: { kind: 'GRAPHQL', author: 'collega' } },
    });
    expect(change.errors).toBeUndefined();
    expect(change.data.syncRows.rows[0].status).toBe('UPDATED');
    await page.click('#refresh');
    await summary(/Aggiornate \d+ righe/);
    const afterRefresh = new Map((await serverRows(planId)).map((r) => [r.rowId, r]));
    const refreshed = await sheet();
    const otherRow = refreshed.rows.find((r) => String(r[col(H.rowId)]) === otherId)!;
    expect(otherRow[col(H.actual)]).toBe(colleagueValue);
    expect(Number(otherRow[col(H.version)])).toBe(afterRefresh.get(otherId)!.rowVersion);
    expect(otherRow[col(H.realization)]).toBeCloseTo(afterRefresh.get(otherId)!.realization!.score as number, 6);
    // the user's own edit is still there, untouched by the refresh
    expect(refreshed.rows.find((r) => String(r[col(H.rowId)]) === editedId)![col(H.actual)]).toBe(typed);

    // the token is remembered in the browser, never in the workbook
    const settings = await page.evaluate(() => JSON.stringify([...(window as any).__excelDouble.model.settings]));
    if (api.token) expect(settings).not.toContain(api.token);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
