import { byColumn, type Category, cross, INDICATOR, NEW_INDICATOR, OPERATIONAL, rejected } from './builder';

/** Values that are not what their column holds: text or dates as weights, impossible dates, mixed separators. */
export const VALUES: Category[] = [
  {
    name: 'text in the weight cell → NOT_A_NUMBER',
    build: (b) =>
      cross(
        b,
        ['abc', 'venti', '12abc', '1.2.3', 'dieci%', '12 pezzi', 'n/a', '1e3', 'NaN'],
        'weight',
        [NEW_INDICATOR, INDICATOR, OPERATIONAL],
        'NOT_A_NUMBER',
      ),
  },
  {
    name: 'a date, yes/no, placeholder, euro or days in the weight cell → NOT_A_NUMBER',
    build: (b) =>
      cross(
        b,
        ['31/12/2022', 'luglio', 'SI', 'NO', 'n.d.', '-', 'monitoraggio', 'qualitativa', '10 €', '5 gg'],
        'weight',
        [NEW_INDICATOR, OPERATIONAL],
        'NOT_A_NUMBER',
      ),
  },
  {
    name: 'negative weight → NEGATIVE_WEIGHT',
    build: (b) =>
      cross(
        b,
        ['-5', '-10%', '-0,5', '-1.000', '\u22125', '-100', '-0,01%'],
        'weight',
        [NEW_INDICATOR, INDICATOR, OPERATIONAL],
        'NEGATIVE_WEIGHT',
      ),
  },
  {
    name: 'weight over 1000 → WEIGHT_TOO_LARGE',
    build: (b) =>
      cross(
        b,
        ['1001', '1.001', '1000,5', '2000%', '1.000.000', '99999', '1000,01'],
        'weight',
        [NEW_INDICATOR, OPERATIONAL],
        'WEIGHT_TOO_LARGE',
      ),
  },
  {
    name: 'mixed decimal separators → MIXED_DECIMAL_SEPARATORS',
    build: (b) =>
      byColumn(
        b,
        ['1,234.5', '3,2,1', '12,5.3', '1.234,5,6', '1,000,000', '-1,234.5'],
        [
          ['weight', NEW_INDICATOR],
          ['target', NEW_INDICATOR],
          ['actual', INDICATOR],
          ['thresholds.0', NEW_INDICATOR],
          ['futureTargets.0', INDICATOR],
        ],
        'MIXED_DECIMAL_SEPARATORS',
      ).concat(
        rejected(
          'indicator, actual = "1,234.5%"',
          INDICATOR.make(b, { actual: '1,234.5%' }),
          'actual',
          'MIXED_DECIMAL_SEPARATORS',
        ),
        rejected(
          'indicator, target = "€ 1,234.50"',
          INDICATOR.make(b, { target: '€ 1,234.50' }),
          'target',
          'MIXED_DECIMAL_SEPARATORS',
        ),
      ),
  },
  {
    name: 'impossible dates in value cells → INVALID_DATE',
    build: (b) =>
      byColumn(
        b,
        [
          '31/02/2022',
          '30.13.2022',
          '00/01/2022',
          '29/02/2023',
          '31/04/2022',
          '32/01/2022',
          '15/00/2022',
          '<= 31/06/2022',
        ],
        [
          ['target', INDICATOR],
          ['actual', INDICATOR],
          ['thresholds.0', NEW_INDICATOR],
          ['futureTargets.0', NEW_INDICATOR],
        ],
        'INVALID_DATE',
      ),
  },
  {
    name: 'text in value cells → NOT_A_VALUE',
    build: (b) =>
      byColumn(
        b,
        ['venti', 'circa 10', 'abc', '12abc', '1.2.3', 'da 1 a 3', 'verifica'],
        [
          ['target', NEW_INDICATOR],
          ['actual', INDICATOR],
          ['thresholds.0', NEW_INDICATOR],
          ['futureTargets.0', INDICATOR],
        ],
        'NOT_A_VALUE',
      ),
  },
];
