import {
  byColumn,
  type Category,
  INDICATOR,
  NEW_INDICATOR,
  next,
  OPERATIONAL,
  rejectedAll,
  rejectedAs,
} from './builder';

/** Text a cell refuses whatever its column: too long, with control characters, or a formula. */
export const TEXT_CELLS: Category[] = [
  {
    name: 'overlong text → TOO_LONG',
    build: (b) => {
      const long = (n: number) => 'x'.repeat(n);
      const digits = (n: number) => '1'.repeat(n);
      return [
        ...rejectedAll('title', 'TOO_LONG', [
          ['new indicator, title of 5000 characters', b.newIndicator({ title: long(5000) })],
          ['new indicator, title of 4001 characters', b.newIndicator({ title: long(4001) })],
          ['indicator, title of 5000 characters', INDICATOR.make(b, { title: long(5000) })],
          ['operational objective, title of 5000 characters', OPERATIONAL.make(b, { title: long(5000) })],
          ['new strategic objective, title of 5000 characters', b.newStrategic({ title: long(5000) })],
        ]),
        ...rejectedAll('code', 'TOO_LONG', [
          ['new indicator, code of 60 characters', b.newIndicator({ code: `X${long(59)}` })],
          ['new indicator, code of 51 characters', b.newIndicator({ code: `X${long(50)}` })],
          ['indicator, code of 60 characters', INDICATOR.make(b, { code: long(60) })],
        ]),
        ...rejectedAs('TOO_LONG', [
          ['indicator, kpi of 4001 characters', INDICATOR.make(b, { kpi: long(4001) }), 'kpi'],
          ['operational objective, kpi of 4001 characters', OPERATIONAL.make(b, { kpi: long(4001) }), 'kpi'],
          ['indicator, note of 4001 characters', INDICATOR.make(b, { note: long(4001) }), 'note'],
          [
            'indicator, neutralisation reason of 4001 characters',
            INDICATOR.make(b, { neutralisationReason: long(4001) }),
            'neutralisationReason',
          ],
          ['indicator, unit of 51 characters', INDICATOR.make(b, { unit: long(51) }), 'unit'],
          [
            'indicator, responsible unit of 4001 characters',
            INDICATOR.make(b, { responsibleUnit: long(4001) }),
            'responsibleUnit',
          ],
          ['new indicator, target of 600 characters', b.newIndicator({ target: digits(600) }), 'target'],
          ['indicator, actual of 600 characters', INDICATOR.make(b, { actual: digits(600) }), 'actual'],
          ['indicator, actual of 501 characters', INDICATOR.make(b, { actual: long(501) }), 'actual'],
          [
            'new indicator, threshold value of 600 characters',
            b.newIndicator({ thresholds: [{ score: 0.8, value: digits(600) }] }),
            'thresholds.0',
          ],
          [
            'indicator, future target of 600 characters',
            INDICATOR.make(b, { futureTargets: [{ year: 2023, value: digits(600) }] }),
            'futureTargets.0',
          ],
        ]),
      ];
    },
  },
  {
    name: 'control characters → CONTROL_CHARACTERS',
    build: (b) => [
      ...['\u0001', '\u0007', '\u001b', '\u0000', '\u007f'].flatMap((c) => {
        const shown = `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
        return [
          ...rejectedAs('CONTROL_CHARACTERS', [
            [`new indicator, title with ${shown}`, b.newIndicator({ title: `Azione${c} di prova` }), 'title'],
            [`indicator, kpi with ${shown}`, INDICATOR.make(b, { kpi: `N. eventi${c}` }), 'kpi'],
            [`indicator, note with ${shown}`, INDICATOR.make(b, { note: `${c}nota` }), 'note'],
          ]),
        ];
      }),
      ...rejectedAs('CONTROL_CHARACTERS', [
        ['operational objective, title with U+0007', OPERATIONAL.make(b, { title: 'Capitale\u0007 umano' }), 'title'],
        [
          'indicator, neutralisation reason with U+001b',
          INDICATOR.make(b, { neutralisationReason: 'sospeso\u001b[31m' }),
          'neutralisationReason',
        ],
        ['new indicator, code with U+0001', b.newIndicator({ code: `C\u0001${next('')}` }), 'code'],
        ['indicator, unit with U+0007', INDICATOR.make(b, { unit: '%\u0007' }), 'unit'],
        [
          'indicator, responsible unit with U+0001',
          INDICATOR.make(b, { responsibleUnit: 'U.O. "Ragioneria"\u0001' }),
          'responsibleUnit',
        ],
        ['indicator, actual with U+0007', INDICATOR.make(b, { actual: '1\u00071' }), 'actual'],
        ['new indicator, target with U+001b', b.newIndicator({ target: '\u001b10' }), 'target'],
        ['operational objective, weight with U+0001', OPERATIONAL.make(b, { weight: '2\u00010' }), 'weight'],
      ]),
    ],
  },
  {
    name: 'formulas → FORMULA_NOT_ALLOWED',
    build: (b) => [
      ...byColumn(
        b,
        ['=1+1', '=SUM(A1:A3)', ' =A1*2', '=SE(B2>0;1;0)'],
        [
          ['target', NEW_INDICATOR],
          ['actual', INDICATOR],
          ['title', NEW_INDICATOR],
          ['kpi', INDICATOR],
          ['note', INDICATOR],
          ['weight', OPERATIONAL],
        ],
        'FORMULA_NOT_ALLOWED',
      ),
      ...byColumn(
        b,
        ['=1+1'],
        [
          ['code', NEW_INDICATOR],
          ['thresholds.0', NEW_INDICATOR],
          ['futureTargets.0', INDICATOR],
          ['neutralisationReason', INDICATOR],
          ['unit', INDICATOR],
          ['responsibleUnit', INDICATOR],
        ],
        'FORMULA_NOT_ALLOWED',
      ),
    ],
  },
];
