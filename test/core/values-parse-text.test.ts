import { parseValue } from '@core/values';
import { expectParsed, type ParseCase } from '../helpers/parsed-values';

/** docs/scoring.md §3, rule 10: anything else is text, with a proposed number where the text states one. */

describe('rule 10: anything else is text, maybe with a proposed number', () => {
  it.each<ParseCase>([
    [
      'almeno 300',
      undefined,
      { kind: 'text', value: 'almeno 300', proposal: { value: 300, comparator: '>=' }, warnings: ['TYPE_MISMATCH'] },
    ],
    [
      'risoluzione di almeno 3.000',
      undefined,
      {
        kind: 'text',
        value: 'risoluzione di almeno 3.000',
        proposal: { value: 3000, comparator: '>=' },
        warnings: ['TYPE_MISMATCH'],
      },
    ], // 003:3766
    [
      '1.000 posizioni',
      undefined,
      {
        kind: 'text',
        value: '1.000 posizioni',
        proposal: { value: 1000, unit: 'posizioni' },
        warnings: ['TYPE_MISMATCH'],
      },
    ],
    [
      'entro 30 giorni',
      undefined,
      {
        kind: 'text',
        value: 'entro 30 giorni',
        proposal: { value: 30, comparator: '<=', unit: 'days' },
        warnings: ['TYPE_MISMATCH'],
      },
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
      {
        kind: 'text',
        value: 'più di 100 imprese',
        proposal: { value: 100, comparator: '>', unit: 'imprese' },
        warnings: ['TYPE_MISMATCH'],
      },
    ],
    [
      'meno di 10 errori',
      undefined,
      {
        kind: 'text',
        value: 'meno di 10 errori',
        proposal: { value: 10, comparator: '<', unit: 'errori' },
        warnings: ['TYPE_MISMATCH'],
      },
    ],
    [
      'almeno il 50%',
      undefined,
      {
        kind: 'text',
        value: 'almeno il 50%',
        proposal: { value: 50, comparator: '>=', unit: '%' },
        warnings: ['TYPE_MISMATCH'],
      },
    ],
    [
      'Almeno € 1.500',
      undefined,
      {
        kind: 'text',
        value: 'Almeno € 1.500',
        proposal: { value: 1500, comparator: '>=', unit: 'EUR' },
        warnings: ['TYPE_MISMATCH'],
      },
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

  it.each<ParseCase>([
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
    expectParsed('=SOMMA(A1:A3)', undefined, {
      kind: 'text',
      value: '=SOMMA(A1:A3)',
      warnings: ['FORMULA_NOT_ALLOWED'],
    });
    expectParsed(
      '=1+1',
      { unit: '%' },
      { kind: 'text', value: '=1+1', warnings: ['FORMULA_NOT_ALLOWED', 'TYPE_MISMATCH'] },
    );
  });

  it('keeps the raw string exactly while the value is the normalised text', () => {
    const raw = '  Rilascio\u00a0di   almeno 300 dispositivi\n';
    const parsed = parseValue(raw);
    expect(parsed.raw).toBe(raw);
    expect(parsed.value).toBe('Rilascio di almeno 300 dispositivi');
  });
});
