/**
 * Issue 14, item 3 ("blanks explained rightly"), in the pane on the faithful double against the real server: a row
 * whose score is not valid says why in words, in the sheet and in "Perché?". Strategic objective 3 of Sondrio is
 * invalid because operational objective 3.2 lost its weight in the source (WEIGHT_MISSING); indicator 1.1.4 has a
 * deadline ("luglio") and gets a number typed as its actual (TYPE_MISMATCH). "% Realizzazione" stays empty (a number
 * column), "Messaggio" says why; "Perché?" lists what is wrong and what to fix, and no raw code (UPPER_SNAKE)
 * appears anywhere in the pane. Pictures of the pane are left in PANE_PICTURES (default the temporary folder).
 */
import os from 'node:os';
import path from 'node:path';
import { LEVEL_LABEL } from '@core/sheet/layout';
import { RAW_CODE } from '../../helpers/italian-scan';
import { browserSuite, header, OPERATION_TIMEOUT_MS, usePane, type SheetView, SETUP_TIMEOUT_MS } from '../e2e-pane';
import { paneLeaks } from '../pane-italian';

const PANE_PICTURES = process.env.PANE_PICTURES || os.tmpdir();

browserSuite('scenarios/pane-invalid')('a score that is not valid, explained in Italian words', () => {
  const pane = usePane();
  beforeAll(() => pane.connectAndLoad(), SETUP_TIMEOUT_MS);
  const { step, sheet, typeInCell, press } = pane;

  const positionOf = (view: SheetView, code: string, level: string) => {
    const position = view.rows.findIndex((r) => String(r[pane.col('code')]) === code && r[pane.col('level')] === level);
    if (position < 0) throw new Error(`no ${level} ${code} in the sheet`);
    return position;
  };
  /** selects the row in the workbook, presses "Perché?" and answers what the pane then shows */
  const why = async (position: number, picture: string) => {
    await pane.page.evaluate(([table, row, h]) => window.__excelDouble.user.select(table, row, h), [
      pane.table,
      position,
      header('title'),
    ] as const);
    await pane.page.click('#why');
    await pane.page.waitForSelector('#insight:not([hidden])[aria-busy="false"]', { timeout: OPERATION_TIMEOUT_MS });
    await pane.page.screenshot({ path: path.join(PANE_PICTURES, picture), fullPage: true });
    return {
      heading: (await pane.page.textContent('#insight-heading')) ?? '',
      body: (await pane.page.innerText('#insight-body')) ?? '',
      pane: (await pane.page.innerText('body')) ?? '',
    };
  };

  step('item 3 · strategic objective 3: empty %, its reason in "Messaggio", "Perché?" says what to fix', async () => {
    const view = await sheet();
    const position = positionOf(view, '3', LEVEL_LABEL.strategic);
    const row = view.rows[position];
    expect(row[pane.col('realization')]).toBe('');
    expect(row[pane.col('syncMessage')]).toBe(
      'non valutabile: pesi incompleti – da correggere: dare un peso a ogni elemento (o a nessuno, per pesi uguali)',
    );
    const shown = await why(position, 'cruscotto-pane-invalid-os3.png');
    expect(shown.heading).toBe("Perché l'obiettivo strategico 3 non ha un punteggio");
    expect(shown.body).toContain('non valido');
    expect(shown.body).toContain(
      'pesi incompleti – da correggere: dare un peso a ogni elemento (o a nessuno, per pesi uguali)',
    );
    expect(shown.pane.match(RAW_CODE)).toBeNull();
    expect(await paneLeaks(pane.page)).toEqual({});
  });

  step('item 3 · a number typed as the actual of a deadline: not scorable, said in words, no code', async () => {
    const position = positionOf(await sheet(), '1.1.4', LEVEL_LABEL.indicator);
    await typeInCell(position, 'actual', '5');
    expect(await press('#sync')).toMatch(/Righe inviate: 1/);
    const row = (await sheet()).rows[position];
    expect(row[pane.col('realization')]).toBe('');
    expect(String(row[pane.col('syncMessage')])).toMatch(/^non valutabile: target e valore non confrontabili – /);
    const shown = await why(position, 'cruscotto-pane-invalid-type.png');
    expect(shown.heading).toBe("Perché l'indicatore 1.1.4 non ha un punteggio");
    expect(shown.body).toContain(
      'target e valore non confrontabili – da correggere: indicare target e valore dello stesso tipo (numero, data, ' +
        'SI/NO) o correggere la polarità',
    );
    expect(shown.pane.match(RAW_CODE)).toBeNull();
    expect(await paneLeaks(pane.page)).toEqual({});
  });
});
