/**
 * Issue 18, items 1–3, in the pane on the faithful double against the real server: the ribbon tab's commands and
 * their shortcuts run the pane's own operations (one shared runtime), "Aggiorna all'apertura" is the workbook's;
 * a report sheet of CRUSCOTTO.* formulas fills from one request and shows readable errors; "Perché?" and
 * "Cronologia" explain and trace the selected row. The ribbon is pressed by the action ids the manifest declares.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RIBBON_ACTIONS } from '../../../addin/src/commands/ribbon';
import { REFRESH_ON_OPEN } from '../../../addin/src/taskpane/runtime';
import { child, parseXml, walk, type XmlElement } from '../xml';
import { browserSuite, header, status, useLoadedPane, type PaneSession, OPERATION_TIMEOUT_MS } from '../e2e-pane';

/** where the pane's pictures go, to look at as a user would */
const PANE_PICTURES = process.env.PANE_PICTURES || os.tmpdir();

/** the FunctionName of the ribbon button labelled `italian` in manifest.xml */
function ribbonAction(italian: string): string {
  const manifest = parseXml(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'manifest.xml'), 'utf8'));
  const strings = new Map<string, string>();
  const controls: XmlElement[] = [];
  walk(manifest, (e) => {
    if (e.name === 'bt:String') {
      const it = e.children.find((c) => c.attributes.Locale === 'it-IT');
      strings.set(e.attributes.id, it?.attributes.Value ?? e.attributes.DefaultValue);
    }
    if (e.name === 'Control') controls.push(e);
  });
  const control = controls.find((c) => strings.get(child(c, 'Label')!.attributes.resid) === italian);
  if (!control) throw new Error(`no ribbon button ${italian}`);
  return child(child(control, 'Action')!, 'FunctionName')!.text.trim();
}

/** the action of a keyboard shortcut, as the built shortcuts.json maps it */
function shortcutAction(pane: PaneSession, key: string): string {
  const file = JSON.parse(fs.readFileSync(path.join(pane.buildDir, 'pane', 'shortcuts.json'), 'utf8'));
  return file.shortcuts.find((s: { key: { default: string } }) => s.key.default === key).action;
}

const press = (pane: PaneSession, action: string) =>
  pane.page.evaluate((id) => window.__excelDouble.ribbon.press(id), action);

async function until(what: string, check: () => Promise<boolean>, ms = OPERATION_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

browserSuite('scenarios/ribbon')('the ribbon, the formulas and "Perché?" (issue 18)', () => {
  const pane = useLoadedPane();
  const { step, sheet, rowOf, editableIndicators, typeInCell } = pane;
  let edited: { id: string; position: number; code: string };
  /** per codeValues request the pane sent, the number of (code, year, checkpoint) it asked */
  const codeRequests: number[] = [];

  step(
    'item 1 · the ribbon tab runs the pane: Sincronizza sends, its shortcut refreshes, all in one runtime',
    async () => {
      expect(await pane.page.evaluate(() => window.__excelDouble.ribbon.actions())).toEqual([...RIBBON_ACTIONS]);
      const [target] = editableIndicators(await sheet());
      edited = { id: target.id, position: target.position, code: String(target.row[pane.col('code')]) };
      await typeInCell(target.position, 'actual', '42');
      await until(
        'the edit marked to send',
        async () => rowOf(await sheet(), target.id)[pane.col('syncStatus')] === status.TO_SEND,
      );
      await press(pane, ribbonAction('Sincronizza'));
      // sent and back: the row is marked updated, no longer to send
      expect(rowOf(await sheet(), target.id)[pane.col('syncStatus')]).toBe(status.UPDATED);
      expect((await pane.serverRows()).get(target.id)!.actual!.raw).toBe('42');
      // the pane saw the ribbon's sync as its own: the summary says what was sent
      expect(await pane.page.textContent('#summary')).toMatch(/1/);
      await press(pane, shortcutAction(pane, 'Ctrl+Alt+Shift+A'));
      expect(await pane.page.textContent('#summary')).not.toBe('');
      // "Apri riquadro" by its shortcut shows the pane
      await press(pane, shortcutAction(pane, 'Ctrl+Alt+Shift+R'));
      expect(await pane.page.evaluate(() => window.__excelDouble.ribbon.shown)).toBeGreaterThan(0);
      // "Aggiorna all'apertura": the workbook keeps the choice, Office loads the runtime with it
      await pane.page.check('#refresh-on-open');
      await until('the setting stored', async () => (await pane.settings())[REFRESH_ON_OPEN] === 'true');
      expect(await pane.page.evaluate(() => window.__excelDouble.ribbon.startup)).toBe('load');
      expect(pane.pageErrors).toEqual([]);
    },
  );

  step('item 2 · a report sheet of CRUSCOTTO formulas fills from one request, errors readable', async () => {
    pane.page.on('request', (r) => {
      const body = r.url().endsWith('/graphql') ? (r.postData() ?? '') : '';
      if (body.includes('codeValues')) codeRequests.push(JSON.parse(body).variables.requests.length);
    });
    const codes = (await sheet()).rows.map((r) => String(r[pane.col('code')])).filter(Boolean);
    const formulas = [
      [`=CRUSCOTTO.REALIZZAZIONE("${edited.code}",2022)`],
      [`=CRUSCOTTO.VALORE("${edited.code}",2022,"31/12")`],
      [`=CRUSCOTTO.TARGET("${edited.code}",2022)`],
      [`=CRUSCOTTO.STATO("${edited.code}",2022)`],
      [`=CRUSCOTTO.REALIZZAZIONE("9.9.9",2022)`],
      ...codes.map((code) => [`=CRUSCOTTO.REALIZATION("${code}",2022)`]),
    ];
    await pane.page.evaluate(async (grid) => {
      await Excel.run(async (context) => {
        const report = context.workbook.worksheets.add('Report');
        report.getRangeByIndexes(0, 0, grid.length, 1).formulas = grid;
        await context.sync();
      });
    }, formulas);
    const column = () =>
      pane.page.evaluate(
        (n) => Array.from({ length: n }, (_, r) => window.__excelDouble.grid.cell(`Report!A${r + 1}`)),
        formulas.length,
      );
    await until('every formula computed', async () => (await column()).every((c) => c.value !== '#BUSY!'));
    const cells = await column();
    const server = (await pane.serverRows()).get(edited.id)!;
    expect(cells[0].value).toBe(server.realization!.score);
    expect(cells[1].value).toBe(42);
    // the target as typed, a number when it is one ("95%" reads 95)
    expect(server.target!.raw.replace(',', '.')).toContain(String(cells[2].value));
    expect(cells[3].value).toEqual(expect.any(String));
    expect(cells[4].value).toBe('#N/A');
    expect(await pane.page.evaluate(() => window.__excelDouble.functions.message('Report!A5'))).toBe(
      'Codice "9.9.9" sconosciuto nel piano',
    );
    // every cell of the sheet came from one request: each request asked for every distinct cell (9.9.9 is in one cell
    // only, so a window split anywhere would leave a request without it). Not a count of requests: the cells read once
    // more when their plan's subscription is registered (cells.ts), before or after this point as the load decides
    expect(codeRequests.length).toBeGreaterThan(0);
    expect(new Set(codeRequests)).toEqual(new Set([new Set([...codes, '9.9.9']).size]));
    await until('the pane counting the formula cells', async () =>
      /Formule Cruscotto: \d+ celle/.test((await pane.page.textContent('#formulas')) ?? ''),
    );
  });

  step('item 3 · "Perché?" and "Cronologia" explain and trace the selected row, in Italian', async () => {
    await pane.page.evaluate(([table, row, h]) => window.__excelDouble.user.select(table, row, h), [
      pane.table,
      edited.position,
      header('actual'),
    ] as const);
    await press(pane, ribbonAction('Perché?'));
    await pane.page.waitForSelector('#insight:not([hidden])[aria-busy="false"]');
    const why = (await pane.page.textContent('#insight')) ?? '';
    // pictures to look at as a user would (PANE_PICTURES, default the system's temporary folder)
    await pane.page.screenshot({ path: path.join(PANE_PICTURES, 'pane-perche.png'), fullPage: true });
    expect(await pane.page.textContent('#insight-heading')).toMatch(
      new RegExp(`^Perché l'indicatore ${edited.code.replace(/\./g, '\\.')} `),
    );
    for (const label of ['Regola', 'Valore ottenuto', 'Target effettivo', 'Formula']) expect(why).toContain(label);
    expect(why).toContain('42');
    await press(pane, ribbonAction('Cronologia'));
    await until(
      'the history listed',
      async () => (await pane.page.getAttribute('#insight', 'data-kind')) === 'history',
    );
    await pane.page.waitForSelector('#insight[aria-busy="false"]');
    const history = (await pane.page.textContent('#insight-body')) ?? '';
    expect(await pane.page.textContent('#insight-heading')).toBe(`Cronologia di ${edited.code}`);
    // who, from where, which cell, old → new
    expect(history).toMatch(/Test administrator · Excel/);
    expect(history).toMatch(/Valore ottenuto: .* → 42/);
    await pane.page.screenshot({ path: path.join(PANE_PICTURES, 'pane-cronologia.png'), fullPage: true });
    expect(pane.pageErrors).toEqual([]);
  });
});
