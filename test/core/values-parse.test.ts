import type { ParseContext } from '@core/values';
import type { ParsedValue } from '@core/values/types';
import { expectParsed, expectPlainText, type ParseCase } from '../helpers/parsed-values';

/**
 * docs/scoring.md §3. Raw strings from the seeds are quoted exactly, with their citation, so that a failing case
 * can be traced back to the document that produced it. The §3 table and rules 1-4 (normalising, empty cells,
 * placeholders, booleans); dates, numbers, text and robustness have files of their own (values-parse-*.test.ts).
 */

describe('§3 table: every example row', () => {
  const rows: ParseCase[] = [
    // Count with thousands dot
    ['4.500', undefined, { kind: 'number', value: 4500, warnings: [] }], // 002:476
    ['12', undefined, { kind: 'number', value: 12, warnings: [] }], // 004:8
    // Decimal comma
    ['0,99', undefined, { kind: 'number', value: 0.99, warnings: [] }], // 000:935
    ['4,0', { unit: 'days' }, { kind: 'days', value: 4, unit: 'days', warnings: [] }], // 004:33, "(gg.)" KPI
    // Percent with "%"
    ['3,25%', undefined, { kind: 'percent', value: 3.25, unit: '%', warnings: [] }], // 004:7
    ['100,00%', undefined, { kind: 'percent', value: 100, unit: '%', warnings: [] }], // 003:2524
    // Percent without "%": the unit comes from the indicator
    ['106,7', { unit: '%' }, { kind: 'percent', value: 106.7, unit: '%', warnings: [] }], // 000:1243
    ['130', { unit: '%' }, { kind: 'percent', value: 130, unit: '%', warnings: [] }], // 000:1243
    ['70', { unit: '%' }, { kind: 'percent', value: 70, unit: '%', warnings: [] }], // 004:40
    // Euro
    ['105 €', undefined, { kind: 'currency', value: 105, unit: 'EUR', warnings: [] }], // 004:67
    ['€ 1.800.000,00', undefined, { kind: 'currency', value: 1800000, unit: 'EUR', warnings: [] }], // 003:2539
    // Days
    ['3,5 gg', undefined, { kind: 'days', value: 3.5, unit: 'days', warnings: [] }], // 000:1070
    ['150', { unit: 'days' }, { kind: 'days', value: 150, unit: 'days', warnings: [] }], // 004:38
    // Comparator
    ['≤ 30', undefined, { kind: 'number', value: 30, comparator: '<=', warnings: [] }], // 000:1078
    ['≥1,1', undefined, { kind: 'number', value: 1.1, comparator: '>=', warnings: [] }], // 000:1065
    // Negative
    ['-2,00%', undefined, { kind: 'percent', value: -2, unit: '%', warnings: [] }], // 003:3752
    ['-5,00%', undefined, { kind: 'percent', value: -5, unit: '%', warnings: [] }], // 003:3752
    // Date
    ['31.3.2020', undefined, { kind: 'date', value: '2020-03-31', dateFrom: 'day', warnings: [] }], // 000:1073
    ['30.04.2020', undefined, { kind: 'date', value: '2020-04-30', dateFrom: 'day', warnings: [] }], // 000:1685
    ['30.6.2021', undefined, { kind: 'date', value: '2021-06-30', dateFrom: 'day', warnings: [] }], // 002:626
    ['30/06/2021', undefined, { kind: 'date', value: '2021-06-30', dateFrom: 'day', warnings: [] }],
    // Month name, in the target column's year
    ['luglio', { year: 2022 }, { kind: 'date', value: '2022-07-31', dateFrom: 'month-name', warnings: [] }], // 004:10
    ['settembre', { year: 2022 }, { kind: 'date', value: '2022-09-30', dateFrom: 'month-name', warnings: [] }],
    ['ottobre', { year: 2022 }, { kind: 'date', value: '2022-10-31', dateFrom: 'month-name', warnings: [] }],
    // Boolean
    ['SI/NO', { role: 'target' }, { kind: 'boolean', value: true, warnings: [] }], // 002:574
    ['SI', { role: 'actual' }, { kind: 'boolean', value: true, warnings: [] }], // 002:574
    // Qualitative / text
    ['qualitativa', undefined, { kind: 'placeholder', placeholder: 'qualitative', warnings: [] }], // 004:47
    ['Avvio del servizio', undefined, { kind: 'text', value: 'Avvio del servizio', warnings: [] }], // 003:3425
    [
      'Rilascio di almeno 300 dispositivi',
      undefined,
      {
        kind: 'text',
        value: 'Rilascio di almeno 300 dispositivi',
        proposal: { value: 300, comparator: '>=', unit: 'dispositivi' },
        warnings: ['TYPE_MISMATCH'],
      },
    ], // 003:3425
    [
      'Vecchio regolamento / Nuovo regolamento',
      undefined,
      { kind: 'text', value: 'Vecchio regolamento / Nuovo regolamento', warnings: [] },
    ], // 003:4407
    [
      '3 persone formate',
      undefined,
      {
        kind: 'text',
        value: '3 persone formate',
        proposal: { value: 3, unit: 'persone' },
        warnings: ['TYPE_MISMATCH'],
      },
    ], // 003:5107
    // Placeholders
    ['monitoraggio', undefined, { kind: 'placeholder', placeholder: 'monitoring', warnings: [] }], // 000:882
    ['n.d.', undefined, { kind: 'placeholder', placeholder: 'not_available', warnings: [] }], // 002:461
    ['-', undefined, { kind: 'placeholder', placeholder: 'not_applicable', warnings: [] }], // 000:863
    ['//', undefined, { kind: 'placeholder', placeholder: 'not_applicable', warnings: [] }], // 003:2548
    ['-------', undefined, { kind: 'placeholder', placeholder: 'not_applicable', warnings: [] }], // 003:5299
    ['', undefined, { kind: 'empty', warnings: [] }], // 002:466
    // Other non-values
    ['verifica', undefined, { kind: 'text', value: 'verifica', warnings: [] }], // 002:1126
    ['rivalutazione', undefined, { kind: 'text', value: 'rivalutazione', warnings: [] }],
    ['da 1 a 3', undefined, { kind: 'text', value: 'da 1 a 3', warnings: ['RANGE_NOT_SUPPORTED'] }],
    [
      '60% (43 dip.)',
      undefined,
      { kind: 'text', value: '60% (43 dip.)', proposal: { value: 60, unit: '%' }, warnings: ['TYPE_MISMATCH'] },
    ], // 002:1126
  ];

  it.each(rows)('%j (ctx %j)', expectParsed);

  it('keeps the ratio formula of 004:7 as text without proposing one of its two dates', () => {
    expectPlainText('imprese iscritte al RASL 31.12 / imprese attive al RI 31.12');
  });
});

describe('rule 1: normalise', () => {
  it.each<ParseCase>([
    ['  12  ', undefined, { kind: 'number', value: 12, warnings: [] }],
    ['\u00a012\u00a0', undefined, { kind: 'number', value: 12, warnings: [] }],
    ['105\u00a0€', undefined, { kind: 'currency', value: 105, unit: 'EUR', warnings: [] }],
    ['€\u202f1.800.000,00', undefined, { kind: 'currency', value: 1800000, unit: 'EUR', warnings: [] }],
    ['\t3,5\n gg ', undefined, { kind: 'days', value: 3.5, unit: 'days', warnings: [] }],
    ['Avvio   del\tservizio', undefined, { kind: 'text', value: 'Avvio del servizio', warnings: [] }],
    ['−2,00%', undefined, { kind: 'percent', value: -2, unit: '%', warnings: [] }],
    ['–5', undefined, { kind: 'number', value: -5, warnings: [] }],
    ['—', undefined, { kind: 'placeholder', placeholder: 'not_applicable', warnings: [] }],
    ['<= 30', undefined, { kind: 'number', value: 30, comparator: '<=', warnings: [] }],
    ['⩽ 30', undefined, { kind: 'number', value: 30, comparator: '<=', warnings: [] }],
    ['>=1,1', undefined, { kind: 'number', value: 1.1, comparator: '>=', warnings: [] }],
    ['⩾1,1', undefined, { kind: 'number', value: 1.1, comparator: '>=', warnings: [] }],
    ['si\u0300', undefined, { kind: 'boolean', value: true, warnings: [] }],
  ])('%j', expectParsed);

  it.each<ParseCase>([
    ['1\u00002', undefined, { kind: 'number', value: 12, warnings: ['CONTROL_CHARACTERS'] }],
    [
      '\u0007monitoraggio',
      undefined,
      { kind: 'placeholder', placeholder: 'monitoring', warnings: ['CONTROL_CHARACTERS'] },
    ],
    ['\ufeff4.500', undefined, { kind: 'number', value: 4500, warnings: ['CONTROL_CHARACTERS'] }],
    ['4\u200b500', undefined, { kind: 'number', value: 4500, warnings: ['CONTROL_CHARACTERS'] }],
    ['a\u007fb', undefined, { kind: 'text', value: 'ab', warnings: ['CONTROL_CHARACTERS'] }],
  ])('strips control and invisible characters with a warning: %j', expectParsed);
});

describe('rule 2: empty', () => {
  it.each(['', ' ', '   ', '\u00a0', '\t\n', '\u202f\u2007'])('%j is empty', (raw) => {
    expectParsed(raw, undefined, { kind: 'empty', warnings: [] });
  });

  it('reports an empty cell made only of control characters', () => {
    expectParsed('\u0000\u0001', undefined, { kind: 'empty', warnings: ['CONTROL_CHARACTERS'] });
  });
});

describe('rule 3: placeholders (whole cell, case-insensitive)', () => {
  it.each<[string, ParsedValue['placeholder']]>([
    ['monitoraggio', 'monitoring'],
    ['Monitoraggio', 'monitoring'],
    ['MONITORAGGIO', 'monitoring'],
    ['n.d.', 'not_available'],
    ['N.D.', 'not_available'],
    ['n.d', 'not_available'],
    ['nd', 'not_available'],
    ['ND', 'not_available'],
    ['n/d', 'not_available'],
    ['-', 'not_applicable'],
    ['--', 'not_applicable'],
    ['-------', 'not_applicable'],
    ['/', 'not_applicable'],
    ['//', 'not_applicable'],
    ['///', 'not_applicable'],
    [' - ', 'not_applicable'],
    ['qualitativa', 'qualitative'],
    ['Qualitativa', 'qualitative'],
    ['qualitativo', 'qualitative'],
  ])('%j → %s', (raw, placeholder) => {
    expectParsed(raw, undefined, { kind: 'placeholder', placeholder, warnings: [] });
  });

  it('reads "-" directly followed by digits as a negative number, not a placeholder', () => {
    expectParsed('-5', undefined, { kind: 'number', value: -5, warnings: [] });
  });

  it('does not take a placeholder word inside a sentence', () => {
    expectPlainText('monitoraggio trimestrale');
  });
});

describe('rule 4: booleans', () => {
  it.each(['SI', 'Sì', 'si', 'sì', 'SÌ', 'Si'])('%j → true', (raw) => {
    expectParsed(raw, undefined, { kind: 'boolean', value: true, warnings: [] });
  });

  it.each(['NO', 'no', 'No'])('%j → false', (raw) => {
    expectParsed(raw, undefined, { kind: 'boolean', value: false, warnings: [] });
  });

  it.each<[string, ParseContext | undefined]>([
    ['SI/NO', { role: 'target' }],
    ['SI/NO', undefined],
    ['SI / NO', { role: 'target' }],
    ['Sì/No', { role: 'target' }],
  ])('target %j means a boolean indicator with target true (ctx %j)', (raw, ctx) => {
    expectParsed(raw, ctx, { kind: 'boolean', value: true, warnings: [] });
  });

  it.each<'actual' | 'threshold'>(['actual', 'threshold'])(
    '"SI/NO" as %s is a target-only form, kept as text',
    (role) => {
      expectParsed('SI/NO', { role }, { kind: 'text', value: 'SI/NO', warnings: ['BOOLEAN_TARGET_FORM'] });
    },
  );

  it('does not read "sino" or "SI NO" as booleans', () => {
    expectPlainText('sino');
    expectPlainText('SI NO');
  });
});
