import fc from 'fast-check';
import { isNumericValue, parseValue, scaleSuspect, type ParseContext } from '../../server/engine/values';
import type { ParsedValue } from '../../server/engine/values/types';
import { untyped } from '../helpers/untyped';

/**
 * Domain guide §3. Raw strings from the seeds are quoted exactly, with their citation, so that a failing case
 * can be traced back to the document that produced it.
 */

type Case = [raw: string, ctx: ParseContext | undefined, expected: Omit<ParsedValue, 'raw'>];
const expectParsed = (raw: string, ctx: ParseContext | undefined, expected: Omit<ParsedValue, 'raw'>) =>
  expect(parseValue(raw, ctx)).toStrictEqual({ raw, ...expected });

describe('§3 table: every example row', () => {
  const rows: Case[] = [
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
      { kind: 'text', value: '3 persone formate', proposal: { value: 3, unit: 'persone' }, warnings: ['TYPE_MISMATCH'] },
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
    expectParsed('imprese iscritte al RASL 31.12 / imprese attive al RI 31.12', undefined, {
      kind: 'text',
      value: 'imprese iscritte al RASL 31.12 / imprese attive al RI 31.12',
      warnings: [],
    });
  });
});

describe('rule 1: normalise', () => {
  it.each<Case>([
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

  it.each<Case>([
    ['1\u00002', undefined, { kind: 'number', value: 12, warnings: ['CONTROL_CHARACTERS'] }],
    ['\u0007monitoraggio', undefined, { kind: 'placeholder', placeholder: 'monitoring', warnings: ['CONTROL_CHARACTERS'] }],
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
    expectParsed('monitoraggio trimestrale', undefined, {
      kind: 'text',
      value: 'monitoraggio trimestrale',
      warnings: [],
    });
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

  it.each<'actual' | 'threshold'>(['actual', 'threshold'])('"SI/NO" as %s is a target-only form, kept as text', (role) => {
    expectParsed('SI/NO', { role }, { kind: 'text', value: 'SI/NO', warnings: ['BOOLEAN_TARGET_FORM'] });
  });

  it('does not read "sino" or "SI NO" as booleans', () => {
    expectParsed('sino', undefined, { kind: 'text', value: 'sino', warnings: [] });
    expectParsed('SI NO', undefined, { kind: 'text', value: 'SI NO', warnings: [] });
  });
});

describe('rule 5: day-first dates', () => {
  it.each<[string, string]>([
    ['31.3.2020', '2020-03-31'],
    ['30.04.2020', '2020-04-30'],
    ['1.1.2021', '2021-01-01'],
    ['1/1/2021', '2021-01-01'],
    ['30/06/2021', '2021-06-30'],
    ['03/04/2020', '2020-04-03'],
    ['31.12.2021', '2021-12-31'],
    ['29/02/2024', '2024-02-29'],
    ['29.02.2000', '2000-02-29'],
  ])('%j → %s', (raw, iso) => {
    expectParsed(raw, undefined, { kind: 'date', value: iso, dateFrom: 'day', warnings: [] });
  });

  it.each(['31/02/2022', '29/02/2023', '29.2.1900', '31/04/2021', '00/01/2020', '15/13/2020', '1/0/2020', '1.1.0000'])(
    'impossible date %j stays text with INVALID_DATE',
    (raw) => {
      expectParsed(raw, undefined, { kind: 'text', value: raw, warnings: ['INVALID_DATE'] });
    },
  );

  it('keeps a comparator in front of a date', () => {
    expectParsed('≤ 30/06/2021', undefined, {
      kind: 'date',
      value: '2021-06-30',
      dateFrom: 'day',
      comparator: '<=',
      warnings: [],
    });
  });

  it('does not read mixed separators or two-digit years as dates', () => {
    expectParsed('30.6/2021', undefined, { kind: 'text', value: '30.6/2021', warnings: [] });
    expectParsed('30.6.21', undefined, { kind: 'text', value: '30.6.21', warnings: [] });
  });

  it('never reads month first: 12/31/2021 is impossible, not 31 December', () => {
    expectParsed('12/31/2021', undefined, { kind: 'text', value: '12/31/2021', warnings: ['INVALID_DATE'] });
  });
});

describe('rule 6: month names', () => {
  it.each<[string, number, string]>([
    ['gennaio', 2022, '2022-01-31'],
    ['febbraio', 2023, '2023-02-28'],
    ['febbraio', 2024, '2024-02-29'],
    ['marzo', 2022, '2022-03-31'],
    ['aprile', 2022, '2022-04-30'],
    ['maggio', 2022, '2022-05-31'],
    ['giugno', 2022, '2022-06-30'],
    ['luglio', 2022, '2022-07-31'],
    ['agosto', 2022, '2022-08-31'],
    ['settembre', 2022, '2022-09-30'],
    ['ottobre', 2022, '2022-10-31'],
    ['novembre', 2022, '2022-11-30'],
    ['dicembre', 2022, '2022-12-31'],
    ['Luglio', 2022, '2022-07-31'],
    ['LUGLIO', 2022, '2022-07-31'],
  ])('%j in %i → %s', (raw, year, iso) => {
    expectParsed(raw, { year }, { kind: 'date', value: iso, dateFrom: 'month-name', warnings: [] });
  });

  it('takes a year written next to the month over the column year', () => {
    expectParsed('luglio 2023', { year: 2022 }, {
      kind: 'date',
      value: '2023-07-31',
      dateFrom: 'month-name',
      warnings: [],
    });
  });

  it('never guesses a year: without one the month stays text', () => {
    expectParsed('luglio', undefined, { kind: 'text', value: 'luglio', warnings: ['MONTH_WITHOUT_YEAR'] });
    expectParsed('luglio', { role: 'target' }, { kind: 'text', value: 'luglio', warnings: ['MONTH_WITHOUT_YEAR'] });
  });

  it('keeps a comparator in front of a month', () => {
    expectParsed('≤ luglio', { year: 2022 }, {
      kind: 'date',
      value: '2022-07-31',
      dateFrom: 'month-name',
      comparator: '<=',
      warnings: [],
    });
  });

  it('the same indicator is a month one year and a count the next (004:10)', () => {
    expectParsed('luglio', { year: 2022 }, { kind: 'date', value: '2022-07-31', dateFrom: 'month-name', warnings: [] });
    expectParsed('75', { year: 2023 }, { kind: 'number', value: 75, warnings: [] });
  });
});

describe('rule 7: units', () => {
  it.each<Case>([
    ['3,25 %', undefined, { kind: 'percent', value: 3.25, unit: '%', warnings: [] }],
    ['105€', undefined, { kind: 'currency', value: 105, unit: 'EUR', warnings: [] }],
    ['€105', undefined, { kind: 'currency', value: 105, unit: 'EUR', warnings: [] }],
    ['105 euro', undefined, { kind: 'currency', value: 105, unit: 'EUR', warnings: [] }],
    ['Euro 105', undefined, { kind: 'currency', value: 105, unit: 'EUR', warnings: [] }],
    ['EUR 3.100', undefined, { kind: 'currency', value: 3100, unit: 'EUR', warnings: [] }],
    ['-€ 5', undefined, { kind: 'currency', value: -5, unit: 'EUR', warnings: [] }],
    ['€ -5', undefined, { kind: 'currency', value: -5, unit: 'EUR', warnings: [] }],
    ['3 gg', undefined, { kind: 'days', value: 3, unit: 'days', warnings: [] }],
    ['3 gg.', undefined, { kind: 'days', value: 3, unit: 'days', warnings: [] }],
    ['3gg', undefined, { kind: 'days', value: 3, unit: 'days', warnings: [] }],
    ['3 GG', undefined, { kind: 'days', value: 3, unit: 'days', warnings: [] }],
    ['10 giorni', undefined, { kind: 'days', value: 10, unit: 'days', warnings: [] }],
    ['1 giorno', undefined, { kind: 'days', value: 1, unit: 'days', warnings: [] }],
    ['≤ 30 gg', undefined, { kind: 'days', value: 30, unit: 'days', comparator: '<=', warnings: [] }],
  ])('%j', expectParsed);

  it.each<Case>([
    ['105', { unit: 'EUR' }, { kind: 'currency', value: 105, unit: 'EUR', warnings: [] }],
    ['105', { unit: '€' }, { kind: 'currency', value: 105, unit: 'EUR', warnings: [] }],
    ['150', { unit: 'gg' }, { kind: 'days', value: 150, unit: 'days', warnings: [] }],
    ['150', { unit: 'giorni' }, { kind: 'days', value: 150, unit: 'days', warnings: [] }],
    ['12', { unit: 'persone' }, { kind: 'number', value: 12, unit: 'persone', warnings: [] }],
    ['65%', { unit: '%' }, { kind: 'percent', value: 65, unit: '%', warnings: [] }],
  ])('a bare number takes the indicator unit: %j (ctx %j)', expectParsed);

  it.each<Case>([
    ['105 €', { unit: '%' }, { kind: 'currency', value: 105, unit: 'EUR', warnings: ['UNIT_MISMATCH'] }],
    ['70%', { unit: 'days' }, { kind: 'percent', value: 70, unit: '%', warnings: ['UNIT_MISMATCH'] }],
    ['70%', { unit: 'persone' }, { kind: 'percent', value: 70, unit: '%', warnings: ['UNIT_MISMATCH'] }],
  ])('the typed unit wins over a different indicator unit, with a warning: %j (ctx %j)', expectParsed);

  it('does not read a number with a unit on both sides', () => {
    expectParsed('€ 5 €', undefined, { kind: 'text', value: '€ 5 €', proposal: { value: 5, unit: 'EUR' }, warnings: ['TYPE_MISMATCH'] });
  });

  it('does not read a lone unit as a value', () => {
    expectParsed('%', undefined, { kind: 'text', value: '%', warnings: [] });
    expectParsed('€', undefined, { kind: 'text', value: '€', warnings: [] });
  });
});

describe('rule 8: Italian numbers', () => {
  it.each<[string, number]>([
    ['4.500', 4500],
    ['4.000', 4000],
    ['1.012.707,67', 1012707.67],
    ['12.345.678', 12345678],
    ['3,25', 3.25],
    ['3,0', 3],
    ['0,5', 0.5],
    ['100,00', 100],
    ['007', 7],
    ['+5', 5],
    ['-0', 0],
    ['-0,00', 0],
  ])('%j → %d', (raw, value) => {
    expectParsed(raw, undefined, { kind: 'number', value, warnings: [] });
  });

  it('"3,0" equals "3"', () => {
    expect(parseValue('3,0').value).toBe(parseValue('3').value);
  });

  it('never returns negative zero', () => {
    expect(Object.is(parseValue('-0').value, 0)).toBe(true);
  });

  it.each<[string, number]>([
    ['2.33', 2.33], // 002:490
    ['1.5', 1.5],
    ['1.50', 1.5],
    ['0.500', 0.5],
    ['1234.567', 1234.567],
    ['-2.5', -2.5],
  ])('a lone "." not followed by exactly 3 digits (after a 1–3 digit group) is a decimal point: %j', (raw, value) => {
    expectParsed(raw, undefined, { kind: 'number', value, warnings: ['AMBIGUOUS_DECIMAL_POINT'] });
  });

  it.each(['1,234.5', '3,2,1', '12.34,5', '1,2.3'])('mixed separators %j are text, not a number', (raw) => {
    expectParsed(raw, undefined, { kind: 'text', value: raw, warnings: ['MIXED_DECIMAL_SEPARATORS'] });
  });

  it('flags mixed separators in a numeric indicator as a type mismatch too', () => {
    expectParsed('1,234.5', { unit: '%' }, {
      kind: 'text',
      value: '1,234.5',
      warnings: ['MIXED_DECIMAL_SEPARATORS', 'TYPE_MISMATCH'],
    });
  });

  it.each(['1.2.3', '1.23.456', ',5', '1e3', '0x10', 'Infinity', 'NaN'])('%j is text', (raw) => {
    expectParsed(raw, undefined, { kind: 'text', value: raw, warnings: [] });
  });

  it.each(['5,', '5.'])('%j (a stray separator) is text with 5 proposed for confirmation', (raw) => {
    expectParsed(raw, undefined, { kind: 'text', value: raw, proposal: { value: 5 }, warnings: ['TYPE_MISMATCH'] });
  });

  it('keeps a number too large for a double as text', () => {
    const raw = '9'.repeat(400);
    expectParsed(raw, undefined, { kind: 'text', value: raw, warnings: ['NUMBER_OUT_OF_RANGE'] });
  });
});

describe('negatives', () => {
  it.each<Case>([
    ['-2,00%', undefined, { kind: 'percent', value: -2, unit: '%', warnings: [] }],
    ['−2,00%', undefined, { kind: 'percent', value: -2, unit: '%', warnings: [] }],
    ['-1.000', undefined, { kind: 'number', value: -1000, warnings: [] }],
    ['-3,5 gg', undefined, { kind: 'days', value: -3.5, unit: 'days', warnings: [] }],
  ])('%j', expectParsed);

  it('"- 5" is neither a placeholder nor a negative: text with -5 proposed and the detached sign flagged', () => {
    expectParsed('- 5', undefined, {
      kind: 'text',
      value: '- 5',
      proposal: { value: -5 },
      warnings: ['DETACHED_SIGN', 'TYPE_MISMATCH'],
    });
  });

  it('"−" alone (typographic minus) is the not-applicable placeholder', () => {
    expectParsed('−', undefined, { kind: 'placeholder', placeholder: 'not_applicable', warnings: [] });
  });

  it('"--5" is text', () => {
    expectParsed('--5', undefined, { kind: 'text', value: '--5', warnings: [] });
  });
});

describe('comparators', () => {
  it.each<Case>([
    ['< 5%', undefined, { kind: 'percent', value: 5, unit: '%', comparator: '<', warnings: [] }],
    ['> 100', undefined, { kind: 'number', value: 100, comparator: '>', warnings: [] }],
    ['≥ 1.000', undefined, { kind: 'number', value: 1000, comparator: '>=', warnings: [] }],
    ['≤30', { unit: 'days' }, { kind: 'days', value: 30, unit: 'days', comparator: '<=', warnings: [] }],
    ['>= -2,00%', undefined, { kind: 'percent', value: -2, unit: '%', comparator: '>=', warnings: [] }],
  ])('%j', expectParsed);

  it.each(['<=', '≥', '<'])('a comparator alone %j is text', (raw) => {
    const value = raw.replace('≥', '>=');
    expectParsed(raw, undefined, { kind: 'text', value, warnings: [] });
  });
});

describe('rule 10: anything else is text, maybe with a proposed number', () => {
  it.each<Case>([
    ['almeno 300', undefined, { kind: 'text', value: 'almeno 300', proposal: { value: 300, comparator: '>=' }, warnings: ['TYPE_MISMATCH'] }],
    [
      'risoluzione di almeno 3.000',
      undefined,
      { kind: 'text', value: 'risoluzione di almeno 3.000', proposal: { value: 3000, comparator: '>=' }, warnings: ['TYPE_MISMATCH'] },
    ], // 003:3766
    [
      '1.000 posizioni',
      undefined,
      { kind: 'text', value: '1.000 posizioni', proposal: { value: 1000, unit: 'posizioni' }, warnings: ['TYPE_MISMATCH'] },
    ],
    [
      'entro 30 giorni',
      undefined,
      { kind: 'text', value: 'entro 30 giorni', proposal: { value: 30, comparator: '<=', unit: 'days' }, warnings: ['TYPE_MISMATCH'] },
    ],
    [
      'non oltre 5 gg lavorativi',
      undefined,
      {
        kind: 'text',
        value: 'non oltre 5 gg lavorativi',
        proposal: { value: 5, comparator: '<=', unit: 'days' },
        warnings: ['TYPE_MISMATCH'],
      },
    ],
    [
      'più di 100 imprese',
      undefined,
      { kind: 'text', value: 'più di 100 imprese', proposal: { value: 100, comparator: '>', unit: 'imprese' }, warnings: ['TYPE_MISMATCH'] },
    ],
    [
      'meno di 10 errori',
      undefined,
      { kind: 'text', value: 'meno di 10 errori', proposal: { value: 10, comparator: '<', unit: 'errori' }, warnings: ['TYPE_MISMATCH'] },
    ],
    [
      'almeno il 50%',
      undefined,
      { kind: 'text', value: 'almeno il 50%', proposal: { value: 50, comparator: '>=', unit: '%' }, warnings: ['TYPE_MISMATCH'] },
    ],
    [
      'Almeno € 1.500',
      undefined,
      { kind: 'text', value: 'Almeno € 1.500', proposal: { value: 1500, comparator: '>=', unit: 'EUR' }, warnings: ['TYPE_MISMATCH'] },
    ],
    [
      '≤ 30 giorni lavorativi',
      undefined,
      {
        kind: 'text',
        value: '<= 30 giorni lavorativi',
        proposal: { value: 30, comparator: '<=', unit: 'days' },
        warnings: ['TYPE_MISMATCH'],
      },
    ],
    [
      'circa 2.33 ore',
      undefined,
      {
        kind: 'text',
        value: 'circa 2.33 ore',
        proposal: { value: 2.33, unit: 'ore' },
        warnings: ['AMBIGUOUS_DECIMAL_POINT', 'TYPE_MISMATCH'],
      },
    ],
    [
      '300 di cui 20 nuove',
      undefined,
      { kind: 'text', value: '300 di cui 20 nuove', proposal: { value: 300 }, warnings: ['TYPE_MISMATCH'] },
    ],
  ])('%j', expectParsed);

  it.each<Case>([
    ['tra 10 e 20', undefined, { kind: 'text', value: 'tra 10 e 20', warnings: ['RANGE_NOT_SUPPORTED'] }],
    ['10-20', undefined, { kind: 'text', value: '10-20', warnings: ['RANGE_NOT_SUPPORTED'] }],
    ['da 10% a 20%', undefined, { kind: 'text', value: 'da 10% a 20%', warnings: ['RANGE_NOT_SUPPORTED'] }],
  ])('ranges propose nothing: %j', expectParsed);

  it.each([
    'Certificazione ISO 9001:2015', // two numbers, neither clearly the value
    '12abc', // digits glued to a word
    'COVID-19 casi',
    'entro il 31.3.2020', // a date, not a number
    '1.2.3',
    'Avvio del servizio',
  ])('proposes nothing for %j', (raw) => {
    expectParsed(raw, undefined, { kind: 'text', value: raw, warnings: [] });
  });

  it('marks any text in a numeric indicator as a type mismatch', () => {
    expectParsed('verifica', { unit: '%' }, { kind: 'text', value: 'verifica', warnings: ['TYPE_MISMATCH'] });
    expectParsed('12abc', { unit: 'persone' }, { kind: 'text', value: '12abc', warnings: ['TYPE_MISMATCH'] });
  });

  it('never evaluates a formula', () => {
    expectParsed('=1+1', undefined, { kind: 'text', value: '=1+1', warnings: ['FORMULA_NOT_ALLOWED'] });
    expectParsed('=SOMMA(A1:A3)', undefined, { kind: 'text', value: '=SOMMA(A1:A3)', warnings: ['FORMULA_NOT_ALLOWED'] });
    expectParsed('=1+1', { unit: '%' }, { kind: 'text', value: '=1+1', warnings: ['FORMULA_NOT_ALLOWED', 'TYPE_MISMATCH'] });
  });

  it('keeps the raw string exactly while the value is the normalised text', () => {
    const raw = '  Rilascio\u00a0di   almeno 300 dispositivi\n';
    const parsed = parseValue(raw);
    expect(parsed.raw).toBe(raw);
    expect(parsed.value).toBe('Rilascio di almeno 300 dispositivi');
  });
});

describe('rule 9: SCALE_SUSPECT among percent siblings', () => {
  const pct = (raw: string) => parseValue(raw, { unit: '%' });

  it('flags a bare fraction among percentage points and leaves the others alone', () => {
    const values = [pct('70%'), pct('65%'), pct('0,7')];
    expect(scaleSuspect(values)).toStrictEqual([
      { raw: '70%', kind: 'percent', value: 70, unit: '%', warnings: [] },
      { raw: '65%', kind: 'percent', value: 65, unit: '%', warnings: [] },
      { raw: '0,7', kind: 'percent', value: 0.7, unit: '%', warnings: ['SCALE_SUSPECT'] },
    ]);
  });

  it('includes 1.5 itself and excludes anything above it', () => {
    const flagged = scaleSuspect([pct('70'), pct('1,5'), pct('1,6')]).map((v) => v.warnings);
    expect(flagged).toStrictEqual([[], ['SCALE_SUSPECT'], []]);
  });

  it('does not flag values that carry "%" themselves (Sondrio 2.2.3, 004:25)', () => {
    const values = ['1,2%', '1,0%', '0,8%', '1,5%', '1,8%'].map(pct);
    expect(scaleSuspect(values).map((v) => v.warnings)).toStrictEqual([[], [], [], [], []]);
  });

  it('does not flag zero, nor small values with no large sibling, nor a value alone', () => {
    expect(scaleSuspect([pct('0'), pct('70')]).map((v) => v.warnings)).toStrictEqual([[], []]);
    expect(scaleSuspect([pct('0,7'), pct('0,9')]).map((v) => v.warnings)).toStrictEqual([[], []]);
    expect(scaleSuspect([pct('0,7')]).map((v) => v.warnings)).toStrictEqual([[]]);
  });

  it('ignores siblings that are not percentages', () => {
    const values = [pct('0,7'), parseValue('70'), parseValue('70 €'), parseValue('monitoraggio')];
    expect(scaleSuspect(values)[0].warnings).toStrictEqual([]);
  });

  it('does not mutate its input and does not add the warning twice', () => {
    const values = [pct('70%'), pct('0,7')];
    const once = scaleSuspect(values);
    expect(values[1].warnings).toStrictEqual([]);
    expect(scaleSuspect(once)[1].warnings).toStrictEqual(['SCALE_SUSPECT']);
  });

  it('never converts a fraction into points', () => {
    expect(scaleSuspect([pct('70%'), pct('0,7')])[1].value).toBe(0.7);
  });
});

describe('isNumericValue', () => {
  it.each<[string, ParseContext | undefined, boolean]>([
    ['12', undefined, true],
    ['3,25%', undefined, true],
    ['105 €', undefined, true],
    ['3,5 gg', undefined, true],
    ['≤ 30', undefined, true],
    ['31.3.2020', undefined, false],
    ['luglio', { year: 2022 }, false],
    ['SI', undefined, false],
    ['almeno 300', undefined, false],
    ['monitoraggio', undefined, false],
    ['', undefined, false],
  ])('%j (ctx %j) → %s', (raw, ctx, numeric) => {
    expect(isNumericValue(parseValue(raw, ctx))).toBe(numeric);
  });
});

describe('robustness', () => {
  const KINDS = ['number', 'percent', 'currency', 'days', 'date', 'boolean', 'text', 'placeholder', 'empty'];
  // Characters that steer the parser into its branches, so that random strings exercise more than "text".
  const interesting = fc.constantFrom(
    ...'0123456789.,-−–+%€/ ≤≥<>=\u00a0\t\n\u0000\u200bgSIsìnodaluglioebr'.split(''),
    'gg',
    'euro',
    'luglio',
    'SI/NO',
    'n.d.',
    'almeno ',
    'monitoraggio',
    '.000',
    ',5',
  );
  const cellText = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.array(interesting, { maxLength: 12 }).map((parts) => parts.join('')),
  );
  const context = fc.record(
    {
      year: fc.oneof(fc.integer({ min: -10, max: 12000 }), fc.double()),
      role: fc.constantFrom('target' as const, 'actual' as const, 'threshold' as const),
      unit: fc.constantFrom('%', 'EUR', 'days', 'persone', '', ' '),
    },
    { requiredKeys: [] },
  );

  it('never throws and always keeps raw exactly as given', () => {
    fc.assert(
      fc.property(cellText, context, (raw, ctx) => {
        const parsed = parseValue(raw, ctx);
        expect(parsed.raw).toBe(raw);
        expect(KINDS).toContain(parsed.kind);
        expect(parsed.warnings).not.toContain('PARSE_FAILED');
        for (const w of parsed.warnings) expect(w).toMatch(/^[A-Z]+(?:_[A-Z]+)*$/);
        if (isNumericValue(parsed)) expect(Number.isFinite(parsed.value)).toBe(true);
        if (parsed.kind === 'date') expect(parsed.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (parsed.proposal) expect(Number.isFinite(parsed.proposal.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back any amount written in Italian format', () => {
    const italian = (cents: number) => {
      const sign = cents < 0 ? '-' : '';
      const abs = Math.abs(cents);
      const units = Math.floor(abs / 100)
        .toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      return `${sign}${units},${String(abs % 100).padStart(2, '0')}`;
    };
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const parsed = parseValue(`${italian(cents)} €`);
        expect(parsed).toStrictEqual({
          raw: `${italian(cents)} €`,
          kind: 'currency',
          value: cents / 100 === 0 ? 0 : cents / 100,
          unit: 'EUR',
          warnings: [],
        });
      }),
    );
  });

  it('tolerates non-string input from untyped callers without throwing', () => {
    expect(parseValue(untyped<string>(undefined))).toStrictEqual({ raw: '', kind: 'empty', warnings: [] });
    expect(parseValue(untyped<string>(12))).toStrictEqual({ raw: '12', kind: 'number', value: 12, warnings: [] });
  });

  it('stays fast on very long cells (no catastrophic backtracking)', () => {
    const digits = '1'.repeat(50_000);
    const started = Date.now();
    expect(parseValue(digits).warnings).toStrictEqual(['NUMBER_OUT_OF_RANGE']);
    expect(parseValue(`${digits}a`).kind).toBe('text');
    expect(parseValue(`da ${digits}`).kind).toBe('text');
    expect(parseValue(`${'1.'.repeat(25_000)}x`).kind).toBe('text');
    expect(parseValue(`almeno ${'9,'.repeat(25_000)}`).kind).toBe('text');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
