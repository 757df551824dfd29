/**
 * The mapping the pane proposes for each seed layout, taken as the pane takes it: one choice per sheet column,
 * left untouched (matchesFromChoices with no change), then read into plan rows. Defect 2 of the add-in issue: the
 * pane flattened the choices into one header per plan column, so the Sondrio table lost its actions.
 */
import { rowsFromMappedSheet } from '@core/sheet/headers';
import { proposeFromValues } from '../../addin/src/sync/bind';
import { matchesFromChoices, proposedChoice, type ColumnChoice } from '../../addin/src/sync/mapping';
import type { MappingProposal } from '../../addin/src/sync/types';
import { bergamoSheet, bresciaCardSheet, sondrioSheet } from '../fixtures/seed-sheets';
import { thresholdsAt80And60 } from '../helpers/indicator-cells';

const reading = (p: MappingProposal) =>
  p.matches.filter((m) => m.header !== '').map((m) => [m.header, m.column ?? m.extra, m.level, m.year, m.score]);

function untouched(grid: string[][], year: number) {
  const proposal = proposeFromValues('Foglio', 'A1', grid);
  const choices = new Map(proposal.matches.map((m) => [m.index, proposedChoice(m)]));
  const matches = matchesFromChoices(proposal, choices);
  const sheet = rowsFromMappedSheet(grid, matches, {
    year,
    checkpoint: '31/12',
    firstDataRow: proposal.headerRow + proposal.headerRows,
    firstRowNumber: 1,
  });
  return { proposal, matches, sheet };
}

test('Sondrio: four header rows, one choice per column and level, both threshold columns; every action is read', () => {
  const { proposal, sheet } = untouched(sondrioSheet(), 2022);
  expect(proposal.headerRows).toBe(4);
  expect(reading(proposal)).toEqual([
    ['Prospettiva', 'title', 'perspective', null, null],
    ['Obiettivi strategici › cod.', 'code', 'strategic', null, null],
    ['Obiettivi strategici › descrizione', 'title', 'strategic', null, null],
    ['Obiettivi strategici › kpi', 'kpi', 'strategic', null, null],
    ['Obiettivi strategici › Target › 2022', 'target', 'strategic', 2022, null],
    ['Obiettivi strategici › Target › 2023', 'target', 'strategic', 2023, null],
    ['Obiettivi strategici › Target › 2024', 'target', 'strategic', 2024, null],
    ['Obiettivi operativi › cod.', 'code', 'operational', null, null],
    ['Obiettivi operativi › titolo / descrizione', 'title', 'operational', null, null],
    ['Obiettivi operativi › peso', 'weight', 'operational', null, null],
    ['Obiettivi operativi › kpi', 'kpi', 'operational', null, null],
    ['Azioni › cod.', 'code', 'indicator', null, null],
    ['Azioni › titolo / descrizione', 'title', 'indicator', null, null],
    ['Azioni › Peso', 'weight', 'indicator', null, null],
    ['Azioni › kpi', 'kpi', 'indicator', null, null],
    ['Azioni › target', 'target', 'indicator', null, null],
    ['Azioni › 2022 › Soglie › 80%', 'thresholds', 'indicator', 2022, 0.8],
    ['Azioni › 2022 › Soglie › 60%', 'thresholds', 'indicator', 2022, 0.6],
    ['Azioni › 2023', 'target', 'indicator', 2023, null],
    ['Azioni › 2024', 'target', 'indicator', 2024, null],
    ['Azioni › Relatore', 'responsibleUnit', 'indicator', null, null],
    ['Valore ottenuto', 'actual', null, null, null],
  ]);
  const codes = sheet.rows.filter((r) => r.level === 'indicator').map((r) => r.code);
  expect(codes).toEqual(
    expect.arrayContaining(['1.1.1', '1.1.2', '1.1.3', '1.1.4', '1.3.1', '1.3.2', '1.3.3', '1.3.4', '2.1.3']),
  );
  expect(codes).toHaveLength(14);
  expect(sheet.rows.find((r) => r.code === '1.1.2')).toMatchObject({
    actual: '11',
    weight: '25%',
    thresholds: thresholdsAt80And60('10', '8'),
  });
});

test('Bergamo 2021 dashboard: the header row under the group row; Indicatore is the title, Azione the cruscotto label', () => {
  const { proposal, sheet } = untouched(bergamoSheet(), 2021);
  expect(proposal.headerRow).toBe(1);
  expect(proposal.headerRows).toBe(1);
  expect(reading(proposal).slice(0, 5)).toEqual([
    ['Azione', 'actionLabel', null, null, null],
    ['Indicatore', 'title', 'indicator', null, null],
    ['Risultato Atteso 2020', 'target', null, 2020, null],
    ['Risultato consuntivo 2020', 'actual', null, 2020, null],
    ['Risultato atteso 2021', 'target', null, 2021, null],
  ]);
  const tourism = sheet.rows.find((r) => r.title === 'Progetto: Turismo')!;
  expect(tourism).toMatchObject({ level: 'indicator', target: '100%' });
  expect(sheet.rows.filter((r) => r.level === 'indicator').length).toBeGreaterThanOrEqual(15);
});

test('Brescia card: with no title column, "Indicatore" names each indicator; targets keep their checkpoint', () => {
  const { proposal, sheet } = untouched(bresciaCardSheet(), 2020);
  expect(reading(proposal)).toEqual([
    ['Indicatore', 'title', 'indicator', null, null],
    ['Base Line', 'baseline', null, null, null],
    ['Valore Target al 30/6', 'target', null, null, null],
    ['Valore Target al 31/12', 'target', null, null, null],
    ['Peso', 'weight', null, null, null],
  ]);
  expect(sheet.rows[0]).toMatchObject({
    level: 'indicator',
    title: "numero dipendenti in smart working nell'anno",
    target: '88,00%',
    weight: '15,00%',
  });
});

test('a corrected column keeps its header reading; a column taken out is left out', () => {
  const grid = sondrioSheet();
  const proposal = proposeFromValues('Foglio', 'A1', grid);
  const at = (header: string) => proposal.matches.find((m) => m.header === header)!.index;
  const choices = new Map<number, ColumnChoice>([
    [at('Azioni › 2024'), { column: null, level: null }],
    [at('Valore ottenuto'), { column: 'note', level: 'indicator' }],
  ]);
  const matches = matchesFromChoices(proposal, choices);
  expect(matches[at('Valore ottenuto')]).toMatchObject({ column: 'note', level: 'indicator', confidence: 1 });
  expect(matches[at('Azioni › 2024')]).toMatchObject({ column: null, extra: null });
  expect(matches[at('Azioni › 2023')]).toBe(proposal.matches[at('Azioni › 2023')]);
  const sheet = rowsFromMappedSheet(grid, matches, { year: 2022, firstDataRow: 4, firstRowNumber: 1 });
  expect(sheet.rows.find((r) => r.code === '1.1.2')).toMatchObject({
    note: '11',
    futureTargets: [{ year: 2023, value: '15' }],
  });
  expect(sheet.rows.find((r) => r.code === '1.1.2')!.actual).toBeUndefined();
});
