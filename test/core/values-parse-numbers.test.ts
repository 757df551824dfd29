import { isNumericValue, parseValue, scaleSuspect, type ParseContext } from '@core/values';
import { expectParsed, expectPlainText, type ParseCase } from '../helpers/parsed-values';

/**
 * docs/scoring.md §3, rules 7-9: units, Italian numbers, negatives and comparators, a percent that is probably on the
 * wrong scale among its siblings, and which parsed values count as numbers (raw strings quoted from the seeds).
 */

/** What rule 7 reads from a number typed with its unit, without a warning */
const typedWithUnit =
  (kind: 'currency' | 'days', unit: 'EUR' | 'days') =>
  (raw: string, value: number): ParseCase => [raw, undefined, { kind, value, unit, warnings: [] }];
const euros = typedWithUnit('currency', 'EUR');
const days = typedWithUnit('days', 'days');

describe('rule 7: units', () => {
  it.each<ParseCase>([
    ['3,25 %', undefined, { kind: 'percent', value: 3.25, unit: '%', warnings: [] }],
    euros('105€', 105),
    euros('€105', 105),
    euros('105 euro', 105),
    euros('Euro 105', 105),
    euros('EUR 3.100', 3100),
    euros('-€ 5', -5),
    euros('€ -5', -5),
    days('3 gg', 3),
    days('3 gg.', 3),
    days('3gg', 3),
    days('3 GG', 3),
    days('10 giorni', 10),
    days('1 giorno', 1),
    ['≤ 30 gg', undefined, { kind: 'days', value: 30, unit: 'days', comparator: '<=', warnings: [] }],
  ])('%j', expectParsed);

  it.each<ParseCase>([
    ['105', { unit: 'EUR' }, { kind: 'currency', value: 105, unit: 'EUR', warnings: [] }],
    ['105', { unit: '€' }, { kind: 'currency', value: 105, unit: 'EUR', warnings: [] }],
    ['150', { unit: 'gg' }, { kind: 'days', value: 150, unit: 'days', warnings: [] }],
    ['150', { unit: 'giorni' }, { kind: 'days', value: 150, unit: 'days', warnings: [] }],
    ['12', { unit: 'persone' }, { kind: 'number', value: 12, unit: 'persone', warnings: [] }],
    ['65%', { unit: '%' }, { kind: 'percent', value: 65, unit: '%', warnings: [] }],
  ])('a bare number takes the indicator unit: %j (ctx %j)', expectParsed);

  it.each<ParseCase>([
    ['105 €', { unit: '%' }, { kind: 'currency', value: 105, unit: 'EUR', warnings: ['UNIT_MISMATCH'] }],
    ['70%', { unit: 'days' }, { kind: 'percent', value: 70, unit: '%', warnings: ['UNIT_MISMATCH'] }],
    ['70%', { unit: 'persone' }, { kind: 'percent', value: 70, unit: '%', warnings: ['UNIT_MISMATCH'] }],
  ])('the typed unit wins over a different indicator unit, with a warning: %j (ctx %j)', expectParsed);

  it('does not read a number with a unit on both sides', () => {
    expectParsed('€ 5 €', undefined, {
      kind: 'text',
      value: '€ 5 €',
      proposal: { value: 5, unit: 'EUR' },
      warnings: ['TYPE_MISMATCH'],
    });
  });

  it('does not read a lone unit as a value', () => {
    expectPlainText('%');
    expectPlainText('€');
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
    expectParsed(
      '1,234.5',
      { unit: '%' },
      {
        kind: 'text',
        value: '1,234.5',
        warnings: ['MIXED_DECIMAL_SEPARATORS', 'TYPE_MISMATCH'],
      },
    );
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
  it.each<ParseCase>([
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
    expectPlainText('--5');
  });
});

describe('comparators', () => {
  it.each<ParseCase>([
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
