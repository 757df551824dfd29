/**
 * Issue 14, defects 6 and 7, in the pieces that need no server: xlsx tab names, the title of a one-year plan, the
 * Italian words for codes and plan statuses in a refused cell.
 */
import { cellError } from '../../core/sheet/messages';
import { invalidNoteIt, reasonIt } from '../../core/vocabulary/reasons-it';
import { buildPlanSondrio } from '../../server/export/reports/plan-sondrio';
import { sheetName } from '../../server/export/reports/render-xlsx';
import { planLabelIt, type ReportData } from '../../server/export/reports/data';

describe('xlsx tab names', () => {
  it('defect 7 · a unit heading becomes "UO …", cut between words, without a dangling quote', () => {
    const used = new Set<string>();
    const name = sheetName('Unità organizzativa: Area I "Servizi di supporto e amministrativi"', used);
    expect(name).toBe('UO Area I Servizi di supporto e');
    expect(name.length).toBeLessThanOrEqual(31);
    expect(sheetName('Unità organizzativa: U.O. "Ragioneria"', used)).toBe('UO Ragioneria');
  });

  it('defect 7 · two headings that shorten alike get distinct names that still fit', () => {
    const used = new Set<string>();
    const a = sheetName('Cruscotto di servizio: Area II Promozione e sviluppo del territorio 2022', used);
    const b = sheetName('Cruscotto di servizio: Area II Promozione e sviluppo del territorio 2023', used);
    expect(a).not.toBe(b);
    expect(b).toMatch(/ \(2\)$/);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(sheetName('Piano: obiettivi e indicatori', new Set())).toBe('Piano');
    expect(sheetName('Schede di valutazione dei dirigenti 2022', new Set())).toBe('Schede dirigenti 2022');
  });
});

describe('plan label', () => {
  it('defect 6 · a label an earlier import wrote in English reads in Italian in the documents', () => {
    expect(planLabelIt('Piano 2022-2024 REV. 0 (import 2024-03-01, revision 1)')).toBe(
      'Piano 2022-2024 REV. 0 (importato il 1/3/2024, revisione 1)',
    );
  });
});

describe('plan title', () => {
  const data = (years: number[]) =>
    ({
      request: { planId: 'p', year: years[0], checkpoint: '31/12' },
      full: {
        plan: { label: 'Piano 2020' },
        targets: [],
        perspectives: [],
        strategicObjectives: [],
        operationalObjectives: [],
        indicators: [],
        unitsOf: new Map(),
      },
      years,
      organisation: 'Comune di Brescia',
      units: new Map(),
    }) as unknown as ReportData;

  it('defect 7 · a one-year plan is titled by its year, not "2020-2020"', () => {
    expect(buildPlanSondrio(data([2020])).title).toBe('Piano della Performance 2020');
    expect(buildPlanSondrio(data([2022, 2023, 2024])).title).toBe('Piano della Performance 2022-2024');
  });
});

describe('Italian words for codes', () => {
  it('defect 6 · a locked plan is "approvata" in the Italian cell message, "approved" only in English', () => {
    const error = cellError('weight', 'PLAN_LOCKED', { status: 'approved' });
    expect(error.messageIt).toBe('la versione del piano è approvata: struttura e target non possono cambiare');
    expect(error.message).toContain('is approved');
  });

  it('defect 3 · an invalid score reads as its reason and its fix, never as a code', () => {
    expect(invalidNoteIt(['WEIGHT_MISSING'])).toBe(
      'non calcolabile: pesi incompleti – da correggere: dare un peso a ogni elemento (o a nessuno, per pesi uguali)',
    );
    expect(reasonIt('TYPE_MISMATCH')).toBe('target e valore non confrontabili');
    expect(reasonIt('SOME_NEW_CODE')).toBe('some new code');
  });
});
