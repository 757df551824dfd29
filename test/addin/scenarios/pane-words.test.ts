/**
 * The pane's robustness and words (issue 12, defects 8 and 9, item 9): a page that says what to do outside Office
 * or without office.js, hosting under a sub-path, an unreachable server named, an empty token said empty, a Sync
 * summary that never counts more rows refused than sent, errors in the order of the sheet, and the offline state
 * shown where "Connesso a …" was.
 */
import type { Page } from 'playwright-core';
import { format, messages } from '../../../addin/src/i18n';
import { emptySummary } from '../../../addin/src/sync/send';
import { syncedText } from '../../../addin/src/taskpane/wording';
import { browserSuite, OPERATION_TIMEOUT_MS, ui, usePane, type PaneOptions, SETUP_TIMEOUT_MS } from '../e2e-pane';

const suite = browserSuite('scenarios/pane-words');
/** nothing listens on the discard port */
const NOBODY = 'http://127.0.0.1:9';

/** what the connection line says once Connect is over */
async function connectionSays(page: Page): Promise<string> {
  const done = await page.waitForFunction(
    (connecting) => {
      const text = document.getElementById('connect-status')?.textContent ?? '';
      return text !== '' && text !== connecting ? text : null;
    },
    ui.connecting,
    { timeout: OPERATION_TIMEOUT_MS },
  );
  return String(await done.jsonValue());
}

function hostNotice(problem: 'outside' | 'noOffice', options: PaneOptions, title: string): void {
  suite(`the pane ${options.office === 'outside' ? 'outside Office' : 'without office.js'}`, () => {
    const pane = usePane(options);
    it(
      title,
      async () => {
        const page = pane.page;
        await page.goto(pane.paneUrl);
        await page.waitForSelector(`#host-notice[data-problem="${problem}"]`, { timeout: OPERATION_TIMEOUT_MS });
        const key = problem === 'outside' ? 'hostOutside' : 'hostNoOffice';
        // Italian first, English second: outside Office there is no display language to follow
        expect(await page.$$eval('#host-notice p', (ps) => ps.map((p) => p.textContent))).toEqual([
          messages.it.ui[key],
          messages.en.ui[key],
        ]);
        // no unlabeled inputs, no empty buttons
        expect(await page.$$eval('input, select, button', (es) => es.filter((e) => e.checkVisibility()).length)).toBe(
          0,
        );
      },
      SETUP_TIMEOUT_MS,
    );
  });
}

hostNotice(
  'outside',
  { office: 'outside' },
  'defect 8 · opened outside Office, the pane says "Apri questo riquadro da Excel", then in English, and shows no empty form',
);
hostNotice(
  'noOffice',
  { office: 'unreachable' },
  'item 9 · when office.js cannot load, the pane says so in Italian and English instead of a blank page',
);

suite('the pane hosted under a sub-path', () => {
  const pane = usePane({ base: '/addin/' });
  it(
    'defect 8 · served from /addin/ (ADDIN_ORIGIN=https://host/addin/), the pane loads its own script and loads the plan',
    async () => {
      const asked: string[] = [];
      pane.page.on('request', (request) => asked.push(new URL(request.url()).pathname));
      await pane.connectAndLoad();
      expect((await pane.sheet()).rows.length).toBeGreaterThan(0);
      expect(asked).toContain('/addin/taskpane.js');
      expect(asked).not.toContain('/taskpane.js');
    },
    SETUP_TIMEOUT_MS,
  );
});

suite("the pane's words", () => {
  const pane = usePane();
  let page: Page;
  beforeAll(() => {
    page = pane.page;
  });
  const { sheet, typeInCell, press, editableIndicators } = pane;
  // each scenario stands alone (its own page and table), so each defect fails or passes on its own
  const scenario = (title: string, body: () => Promise<void>) => it(title, body, SETUP_TIMEOUT_MS);

  /** Connect and Load in a fresh pane: a token remembered by an earlier scenario would connect on its own */
  async function connectAndLoad(): Promise<void> {
    // a file of the same origin that is not the pane: the pane itself would connect, and save the token again
    await page.goto(pane.paneUrl.replace(/taskpane\.html$/, 'taskpane.css'));
    await page.evaluate(() => window.localStorage.clear());
    await pane.connectAndLoad();
  }

  /** a loaded plan, four rows typed (one the server refuses, two the pane refuses, one good), then Sync */
  async function syncWithRefusals(): Promise<string> {
    await connectAndLoad();
    const [a, b, c, d] = editableIndicators(await sheet());
    if (!d) throw new Error('fewer than four editable indicators');
    // the server refuses a's weight; b and c name a parent no row has, so the pane refuses them without sending
    await typeInCell(a.position, 'weight', 'molto');
    await typeInCell(b.position, 'parentCode', 'ZZZ9');
    await typeInCell(c.position, 'parentCode', 'ZZZ9');
    await typeInCell(d.position, 'actual', d.target);
    return press('#sync');
  }

  scenario('defect 9 · an empty token is said to be empty, not "invalid or expired"', async () => {
    await page.goto(pane.paneUrl);
    await page.waitForSelector('#app[aria-busy="false"]');
    await page.fill('#token', '  ');
    await page.click('#connect-button');
    expect(await connectionSays(page)).toBe(ui.tokenEmpty);
  });

  scenario('defect 9 · an unreachable server at Connect is named, and no edits are said to be kept', async () => {
    await page.goto(pane.paneUrl);
    await page.waitForSelector('#app[aria-busy="false"]');
    await page.fill('#server-url', NOBODY);
    await page.fill('#token', pane.api.token);
    await page.click('#connect-button');
    const said = await connectionSays(page);
    expect(said).toBe(format(ui.unreachable, { server: NOBODY }));
    expect(said).not.toContain(messages.it.sync.offline);
    expect(said).not.toMatch(/modifiche/);
  });

  scenario('defect 9 · a Sync summary never counts more rows refused than sent', async () => {
    const said = await syncWithRefusals();
    expect(said).toBe(syncedText({ ...emptySummary(), sent: 2, updated: 1, rejected: 3 }, 'it', ''));
    // two rows went out (one updated, one refused by the server); two more were refused here, never sent
    expect(said).toBe('Righe inviate: 2 (aggiornate 1). Righe rifiutate: 3 (vedere Errori).');
  });

  scenario('defect 9 · the errors are listed in the order of the rows', async () => {
    await syncWithRefusals();
    const rows = await page.$$eval('#error-list button', (bs) =>
      bs.map((b) => Number(/^\D*(\d+)/.exec(b.textContent ?? '')?.[1])),
    );
    expect(rows).toHaveLength(3);
    expect(new Set(rows).size).toBe(3);
    expect(rows).toEqual([...rows].sort((x, y) => x - y));
  });

  scenario(
    'defect 9 · offline, the pane says so where it said "Connesso a …", and again once the server answers',
    async () => {
      await connectAndLoad();
      const [e] = editableIndicators(await sheet());
      await page.route('**/graphql', (route) => route.abort());
      try {
        await typeInCell(e.position, 'actual', e.target);
        const said = await press('#sync');
        expect(said).toBe(`${format(ui.offline, { server: pane.origin })} ${format(ui.pending, { pending: 1 })}`);
        expect(await page.textContent('#connect-status')).toBe(format(ui.offlineStatus, { server: pane.origin }));
      } finally {
        await page.unroute('**/graphql');
      }
      await press('#sync');
      expect(await page.textContent('#connect-status')).toBe(format(ui.connected, { server: pane.origin }));
    },
  );
});
