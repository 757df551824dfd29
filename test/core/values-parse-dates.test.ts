import { expectParsed, expectPlainText } from '../helpers/parsed-values';

/** docs/scoring.md §3, rules 5 and 6: day-first dates and month names (raw strings quoted from the seeds). */

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
    expectPlainText('30.6/2021');
    expectPlainText('30.6.21');
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
    expectParsed(
      'luglio 2023',
      { year: 2022 },
      {
        kind: 'date',
        value: '2023-07-31',
        dateFrom: 'month-name',
        warnings: [],
      },
    );
  });

  it('never guesses a year: without one the month stays text', () => {
    expectParsed('luglio', undefined, { kind: 'text', value: 'luglio', warnings: ['MONTH_WITHOUT_YEAR'] });
    expectParsed('luglio', { role: 'target' }, { kind: 'text', value: 'luglio', warnings: ['MONTH_WITHOUT_YEAR'] });
  });

  it('keeps a comparator in front of a month', () => {
    expectParsed(
      '≤ luglio',
      { year: 2022 },
      {
        kind: 'date',
        value: '2022-07-31',
        dateFrom: 'month-name',
        comparator: '<=',
        warnings: [],
      },
    );
  });

  it('the same indicator is a month one year and a count the next (004:10)', () => {
    expectParsed('luglio', { year: 2022 }, { kind: 'date', value: '2022-07-31', dateFrom: 'month-name', warnings: [] });
    expectParsed('75', { year: 2023 }, { kind: 'number', value: 75, warnings: [] });
  });
});
