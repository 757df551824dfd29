import {
  byColumn,
  type Category,
  firstThenRefused,
  INDICATOR,
  lastFutureTargetRefused,
  NEW_INDICATOR,
  next,
  OPERATIONAL,
  rejected,
  show,
} from './builder';

/**
 * Text that would hurt once it leaves Cruscotto (issue 13, findings 3, 5 and 11): a formula a spreadsheet would run
 * (OWASP CSV injection: = + - @, also behind a tab or CR), characters an .xlsx cannot hold, codes that look like
 * another code, two targets for one year, a unit name longer than a unit's. Each was stored, or failed the whole
 * batch with an internal error on PostgreSQL.
 */
export const INJECTION_CELLS: Category[] = [
  {
    name: 'formula prefixes beyond = → FORMULA_NOT_ALLOWED',
    build: (b) => [
      ...byColumn(
        b,
        ["+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r+1', '-cmd'],
        [
          ['title', NEW_INDICATOR],
          ['kpi', INDICATOR],
          ['note', INDICATOR],
          ['neutralisationReason', INDICATOR],
          ['responsibleUnit', INDICATOR],
          ['title', OPERATIONAL],
        ],
        'FORMULA_NOT_ALLOWED',
      ),
      ...byColumn(b, ['+1', '@A1', '-1.1'], [['code', NEW_INDICATOR]], 'FORMULA_NOT_ALLOWED'),
      ...byColumn(b, ['+%', '@'], [['unit', INDICATOR]], 'FORMULA_NOT_ALLOWED'),
      // a list item and a lone dash are text, as a spreadsheet reads them
      {
        variant: 'new indicator, title "- voce di elenco"',
        row: b.newIndicator({ title: '- voce di elenco' }),
        expect: { status: 'CREATED' },
      },
      { variant: 'new indicator, kpi "-"', row: b.newIndicator({ kpi: '-' }), expect: { status: 'CREATED' } },
    ],
  },
  {
    name: 'characters an xlsx cannot hold → INVALID_CHARACTERS',
    build: (b) =>
      byColumn(
        b,
        ['Azione\uFFFF', '\uFFFEnota', 'lone \uD800 high', 'lone \uDC00 low'],
        [
          ['title', NEW_INDICATOR],
          ['kpi', INDICATOR],
          ['note', INDICATOR],
          ['responsibleUnit', INDICATOR],
        ],
        'INVALID_CHARACTERS',
      ),
  },
  {
    name: 'look-alike codes → INVISIBLE_CHARACTERS, CODE_CHARACTERS, DUPLICATE_CODE',
    build: (b) => [
      ...['1.1.\u200B3', '\u202E1.1.3', '1.1.3\uFEFF', '1\u00AD.1.3', '1.1\u20603'].map((code) =>
        rejected(`new indicator, code ${show(code)}`, b.newIndicator({ code }), 'code', 'INVISIBLE_CHARACTERS'),
      ),
      // a Cyrillic а, a Greek Α, an Arabic-Indic digit: they look like a Latin a, A and 1
      ...[`\u0430${next('')}`, `\u0391.${next('')}`, `\u0661.${next('')}`].map((code) =>
        rejected(`new indicator, code ${show(code)}`, b.newIndicator({ code }), 'code', 'CODE_CHARACTERS'),
      ),
      // fullwidth digits are the same code after NFKC: a duplicate, not a new indicator
      rejected(
        'new indicator, code "１.１.３" (fullwidth)',
        b.newIndicator({ code: '１.１.３' }),
        'code',
        'DUPLICATE_CODE',
      ),
    ],
  },
  {
    name: 'a clientRef given twice in one batch → DUPLICATE_ROW',
    build: (b) => {
      const ref = next('twin-ref-');
      return firstThenRefused('row with the same reference', 'clientRef', 'DUPLICATE_ROW', [
        b.newIndicator({ clientRef: ref }),
        b.newIndicator({ clientRef: ref }),
        b.newIndicator({ clientRef: ref, title: 'Terza' }),
      ]);
    },
  },
  {
    name: 'two targets for one future year → DUPLICATE_YEAR',
    build: (b) => [
      lastFutureTargetRefused(b, INDICATOR, '2023 given twice', 'DUPLICATE_YEAR', [2023, '10'], [2023, '12']),
      rejected(
        'new indicator, 2024 given twice among three',
        b.newIndicator({
          target: '5',
          futureTargets: [
            { year: 2024, value: '7' },
            { year: 2023, value: '6' },
            { year: 2024, value: '8' },
          ],
        }),
        'futureTargets.2',
        'DUPLICATE_YEAR',
      ),
    ],
  },
  {
    name: 'a responsible unit name longer than a unit may be → TOO_LONG',
    build: (b) => [
      rejected(
        'indicator, one unit of 301 characters',
        INDICATOR.make(b, { responsibleUnit: `U.O. ${'x'.repeat(296)}` }),
        'responsibleUnit',
        'TOO_LONG',
      ),
      rejected(
        'indicator, second of two units of 400 characters',
        INDICATOR.make(b, { responsibleUnit: `U.O. Studi; U.O. ${'y'.repeat(395)}` }),
        'responsibleUnit',
        'TOO_LONG',
      ),
    ],
  },
];
