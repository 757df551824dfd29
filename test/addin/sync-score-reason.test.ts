/**
 * Issue 14, "blanks explained rightly", in the sheet: a row without a score keeps "% Realizzazione" empty (a number
 * column holds no text: formulas, the icon set and the chart read it) and says why in words in "Messaggio", where the
 * row shows its state (addin/src/sync/score-reason.ts): an invalid score with what to fix, a missing actual with its
 * date, an objective with nothing scored. Never a raw code. A score that arrives takes the reason away; a refusal of
 * the sync is never overwritten by it. The memory twin here; the real port on the faithful double in
 * scenarios/pane-invalid.test.ts.
 */
import type { MemoryWorkbook } from '../../addin/src/workbook/memory';
import type { WorkbookSession } from '../../addin/src/sync/session';
import { H, loadedWorkbook, rowOf } from '../helpers/addin-session';
import { RAW_CODE } from '../helpers/italian-scan';
import { describeOnSondrio } from '../helpers/sondrio-server';

describeOnSondrio('why a row has no score, in the sheet, on %s', (sondrio) => {
  let wb: MemoryWorkbook;
  let session: WorkbookSession;
  let table: string;

  beforeAll(async () => {
    ({ wb, session, table } = await loadedWorkbook(sondrio.server, sondrio.plan.planId));
  });

  const cells = (code: string, level = 'azione') => {
    const r = rowOf(wb, table, code, level);
    return { realization: wb.cell(table, r, H.realization), message: String(wb.cell(table, r, H.syncMessage) ?? '') };
  };

  test('after Load: a missing actual names its date, an objective with nothing scored says so, no code', async () => {
    expect(cells('1.1.2')).toEqual({ realization: '', message: 'non valutabile: manca il valore al 31/12' });
    expect(cells('1.1', 'obiettivo operativo')).toEqual({
      realization: '',
      message: 'non valutabile: nessun indicatore valutato',
    });
    // strategic objective 3: operational objective 3.2 lost its weight in the source (server/fixtures/README.md)
    expect(cells('3', 'obiettivo strategico')).toEqual({
      realization: '',
      message:
        'non valutabile: pesi incompleti – da correggere: dare un peso a ogni elemento (o a nessuno, per pesi uguali)',
    });
    expect(wb.column(table, H.syncMessage).map(String).join('\n')).not.toMatch(RAW_CODE);
  });

  test('a number typed as the actual of a deadline ("luglio") is not scorable: the reason and its fix', async () => {
    wb.editCell(table, rowOf(wb, table, '1.1.4', 'azione'), H.actual, '5');
    expect(await session.sync()).toMatchObject({ sent: 1, updated: 1, rejected: 0 });
    expect(cells('1.1.4')).toEqual({
      realization: '',
      message:
        'non valutabile: target e valore non confrontabili – da correggere: indicare target e valore dello stesso tipo ' +
        '(numero, data, SI/NO) o correggere la polarità',
    });
  });

  test('a score that arrives takes the reason away, on the row and on the objectives above it', async () => {
    wb.editCell(table, rowOf(wb, table, '1.1.4', 'azione'), H.actual, '15/07/2022');
    expect(await session.sync()).toMatchObject({ sent: 1, updated: 1, rejected: 0 });
    expect(cells('1.1.4')).toEqual({ realization: 1, message: '' });
    expect(cells('1.1', 'obiettivo operativo').message).toBe('');
    expect(typeof cells('1.1', 'obiettivo operativo').realization).toBe('number');
  });

  test('a refusal of the sync stays in "Messaggio": the reason of the blank does not overwrite it', async () => {
    wb.editCell(table, rowOf(wb, table, '1.1.2', 'azione'), H.weight, 'molto');
    expect(await session.sync()).toMatchObject({ rejected: 1 });
    const refused = cells('1.1.2').message;
    expect(refused).toMatch(/molto/);
    expect(refused).not.toMatch(/non valutabile/);
    // Aggiorna rereads every score: the refusal is still what the row says
    await session.refresh();
    expect(cells('1.1.2').message).toBe(refused);
  });
});
