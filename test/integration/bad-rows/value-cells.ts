import {
  byColumn,
  type Category,
  cross,
  INDICATOR,
  NEW_INDICATOR,
  next,
  OPERATIONAL,
  rejected,
  show,
  STRATEGIC,
} from './builder';
import type { SheetRowIn } from '../../helpers/sync';

/** Bad cells of a row that is otherwise fine: numbers, dates and words a rule does not take. */

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

/**
 * Cells refused by a rule of their column: thresholds, lengths, characters, formulas, level/polarity/rule words,
 * neutralisation, actuals on objectives, years outside the plan.
 */
export const CELL_RULES: Category[] = [
  {
    name: 'thresholds out of order for the polarity → THRESHOLDS_NOT_MONOTONE',
    build: (b) => {
      const th = (...points: Array<[number, string]>) => points.map(([score, value]) => ({ score, value }));
      const existing = (code: string, patch: SheetRowIn, why: string) =>
        rejected(
          `${code}: ${why}`,
          b.existing(b.row('indicator', code), patch),
          'thresholds',
          'THRESHOLDS_NOT_MONOTONE',
        );
      const created = (patch: SheetRowIn, why: string) =>
        rejected(`new indicator: ${why}`, b.newIndicator(patch), 'thresholds', 'THRESHOLDS_NOT_MONOTONE');
      return [
        existing('1.1.3', { thresholds: th([0.8, '120'], [0.6, '60']) }, 'higher, a threshold above the target 100'),
        existing(
          '2.1.1',
          { thresholds: th([0.8, '90'], [0.6, '100']) },
          'higher, the 60% threshold better than the 80% one',
        ),
        existing('2.2.2', { thresholds: th([0.8, '120']) }, 'higher, a threshold equal to the target'),
        existing('3.1.1', { thresholds: th([0.8, '15'], [0.6, '29']) }, 'lower, a threshold below the target 20'),
        existing(
          '3.3.2',
          { thresholds: th([0.8, '12'], [0.6, '10']) },
          'lower, the 60% threshold better than the 80% one',
        ),
        existing('3.3.3', { polarity: 'maggiore' }, 'polarity turned to higher under thresholds above the target'),
        existing('1.3.1', { target: '11%' }, 'higher, the target lowered below the 80% threshold'),
        existing('3.4.1', { thresholds: th([0.8, '35%'], [0.8, '30%']) }, 'two thresholds with the same score'),
        existing('7.1.2', { thresholds: th([1, '25%']) }, 'a threshold with the score of the target'),
        created(
          { polarity: 'minore', target: '10', thresholds: th([0.8, '8']) },
          'lower with a threshold below the target',
        ),
        created(
          { polarity: '↓', target: '5 gg', thresholds: th([0.8, '3 gg'], [0.6, '7 gg']) },
          'lower (↓) in days with a threshold below the target',
        ),
        created(
          { polarity: 'maggiore', target: '10', thresholds: th([0.8, '12']) },
          'higher with a threshold above the target',
        ),
        created(
          { polarity: 'scadenza', target: '31/07/2022', thresholds: th([0.8, '30/06/2022']) },
          'deadline with a threshold before the target',
        ),
        created(
          { target: '50%', thresholds: th([0.6, '40%'], [0.8, '30%']) },
          'default polarity, scores and values crossed',
        ),
      ];
    },
  },
  {
    name: 'threshold score outside [0, 1] → THRESHOLD_SCORE',
    build: (b) => [
      ...[1.5, -0.1, 2, 80, 1.0001, -1, 100].map((score) =>
        rejected(
          `new indicator without target, score ${score}`,
          b.newIndicator({ thresholds: [{ score, value: '10' }] }),
          'thresholds.0',
          'THRESHOLD_SCORE',
        ),
      ),
      ...[1.5, -0.2, 60, 1.01].map((score) => {
        const row = b.any('indicator', (r) => r.thresholds.length === 2 && r.target !== null);
        const thresholds = [
          { score: 0.8, value: row.thresholds[0].value.raw },
          { score, value: row.thresholds[1].value.raw },
        ];
        return rejected(
          `indicator ${row.code} with a target, second score ${score}`,
          b.existing(row, { thresholds }),
          'thresholds.1',
          'THRESHOLD_SCORE',
        );
      }),
    ],
  },
  {
    name: 'overlong text → TOO_LONG',
    build: (b) => {
      const long = (n: number) => 'x'.repeat(n);
      const digits = (n: number) => '1'.repeat(n);
      return [
        rejected('new indicator, title of 5000 characters', b.newIndicator({ title: long(5000) }), 'title', 'TOO_LONG'),
        rejected('new indicator, title of 4001 characters', b.newIndicator({ title: long(4001) }), 'title', 'TOO_LONG'),
        rejected('indicator, title of 5000 characters', INDICATOR.make(b, { title: long(5000) }), 'title', 'TOO_LONG'),
        rejected(
          'operational objective, title of 5000 characters',
          OPERATIONAL.make(b, { title: long(5000) }),
          'title',
          'TOO_LONG',
        ),
        rejected(
          'new strategic objective, title of 5000 characters',
          b.newStrategic({ title: long(5000) }),
          'title',
          'TOO_LONG',
        ),
        rejected('new indicator, code of 60 characters', b.newIndicator({ code: `X${long(59)}` }), 'code', 'TOO_LONG'),
        rejected('new indicator, code of 51 characters', b.newIndicator({ code: `X${long(50)}` }), 'code', 'TOO_LONG'),
        rejected('indicator, code of 60 characters', INDICATOR.make(b, { code: long(60) }), 'code', 'TOO_LONG'),
        rejected('indicator, kpi of 4001 characters', INDICATOR.make(b, { kpi: long(4001) }), 'kpi', 'TOO_LONG'),
        rejected(
          'operational objective, kpi of 4001 characters',
          OPERATIONAL.make(b, { kpi: long(4001) }),
          'kpi',
          'TOO_LONG',
        ),
        rejected('indicator, note of 4001 characters', INDICATOR.make(b, { note: long(4001) }), 'note', 'TOO_LONG'),
        rejected(
          'indicator, neutralisation reason of 4001 characters',
          INDICATOR.make(b, { neutralisationReason: long(4001) }),
          'neutralisationReason',
          'TOO_LONG',
        ),
        rejected('indicator, unit of 51 characters', INDICATOR.make(b, { unit: long(51) }), 'unit', 'TOO_LONG'),
        rejected(
          'indicator, responsible unit of 4001 characters',
          INDICATOR.make(b, { responsibleUnit: long(4001) }),
          'responsibleUnit',
          'TOO_LONG',
        ),
        rejected(
          'new indicator, target of 600 characters',
          b.newIndicator({ target: digits(600) }),
          'target',
          'TOO_LONG',
        ),
        rejected(
          'indicator, actual of 600 characters',
          INDICATOR.make(b, { actual: digits(600) }),
          'actual',
          'TOO_LONG',
        ),
        rejected('indicator, actual of 501 characters', INDICATOR.make(b, { actual: long(501) }), 'actual', 'TOO_LONG'),
        rejected(
          'new indicator, threshold value of 600 characters',
          b.newIndicator({ thresholds: [{ score: 0.8, value: digits(600) }] }),
          'thresholds.0',
          'TOO_LONG',
        ),
        rejected(
          'indicator, future target of 600 characters',
          INDICATOR.make(b, { futureTargets: [{ year: 2023, value: digits(600) }] }),
          'futureTargets.0',
          'TOO_LONG',
        ),
      ];
    },
  },
  {
    name: 'control characters → CONTROL_CHARACTERS',
    build: (b) => [
      ...['\u0001', '\u0007', '\u001b', '\u0000', '\u007f'].flatMap((c) => {
        const shown = `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
        return [
          rejected(
            `new indicator, title with ${shown}`,
            b.newIndicator({ title: `Azione${c} di prova` }),
            'title',
            'CONTROL_CHARACTERS',
          ),
          rejected(
            `indicator, kpi with ${shown}`,
            INDICATOR.make(b, { kpi: `N. eventi${c}` }),
            'kpi',
            'CONTROL_CHARACTERS',
          ),
          rejected(
            `indicator, note with ${shown}`,
            INDICATOR.make(b, { note: `${c}nota` }),
            'note',
            'CONTROL_CHARACTERS',
          ),
        ];
      }),
      rejected(
        'operational objective, title with U+0007',
        OPERATIONAL.make(b, { title: 'Capitale\u0007 umano' }),
        'title',
        'CONTROL_CHARACTERS',
      ),
      rejected(
        'indicator, neutralisation reason with U+001b',
        INDICATOR.make(b, { neutralisationReason: 'sospeso\u001b[31m' }),
        'neutralisationReason',
        'CONTROL_CHARACTERS',
      ),
      rejected(
        'new indicator, code with U+0001',
        b.newIndicator({ code: `C\u0001${next('')}` }),
        'code',
        'CONTROL_CHARACTERS',
      ),
      rejected('indicator, unit with U+0007', INDICATOR.make(b, { unit: '%\u0007' }), 'unit', 'CONTROL_CHARACTERS'),
      rejected(
        'indicator, responsible unit with U+0001',
        INDICATOR.make(b, { responsibleUnit: 'U.O. "Ragioneria"\u0001' }),
        'responsibleUnit',
        'CONTROL_CHARACTERS',
      ),
      rejected(
        'indicator, actual with U+0007',
        INDICATOR.make(b, { actual: '1\u00071' }),
        'actual',
        'CONTROL_CHARACTERS',
      ),
      rejected(
        'new indicator, target with U+001b',
        b.newIndicator({ target: '\u001b10' }),
        'target',
        'CONTROL_CHARACTERS',
      ),
      rejected(
        'operational objective, weight with U+0001',
        OPERATIONAL.make(b, { weight: '2\u00010' }),
        'weight',
        'CONTROL_CHARACTERS',
      ),
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
  {
    name: 'unknown level word → UNKNOWN_LEVEL',
    build: (b) => [
      ...['livello', 'obiettivo', 'azioni', 'task', 'OS1', '5', 'sotto-indicatore', 'strategia'].map((level) =>
        rejected(`new row with level ${show(level)}`, b.newIndicator({ level }), 'level', 'UNKNOWN_LEVEL'),
      ),
      rejected(
        'indicator sent with level "boh"',
        INDICATOR.make(b, { level: 'boh', actual: '1' }),
        'level',
        'UNKNOWN_LEVEL',
      ),
      rejected(
        'operational objective sent with level "sub"',
        OPERATIONAL.make(b, { level: 'sub' }),
        'level',
        'UNKNOWN_LEVEL',
      ),
    ],
  },
  {
    name: 'unknown polarity word → UNKNOWN_POLARITY',
    build: (b) =>
      cross(
        b,
        ['su', 'alto', 'bigger', 'positivo', '↗', 'crescita', 'higher!', 'maggiore o uguale'],
        'polarity',
        [NEW_INDICATOR, INDICATOR],
        'UNKNOWN_POLARITY',
      ),
  },
  {
    name: 'unknown rule word → UNKNOWN_RULE',
    build: (b) =>
      cross(
        b,
        ['media', 'somma', 'lineare', 'percentuale', 'xyz', 'ratio2', 'soglia'],
        'rule',
        [NEW_INDICATOR, INDICATOR],
        'UNKNOWN_RULE',
      ),
  },
  {
    name: 'neutralised neither SI nor NO → NOT_BOOLEAN',
    build: (b) => [
      ...['forse', 'boh', '2', 'N/A', 'sì?', 'neutralizzato', 'yes please'].map((v) =>
        rejected(
          `indicator, neutralised ${show(v)}`,
          INDICATOR.make(b, { neutralised: v }),
          'neutralised',
          'NOT_BOOLEAN',
        ),
      ),
      rejected(
        'new indicator, neutralised "forse" with a reason',
        b.newIndicator({ neutralised: 'forse', neutralisationReason: 'servizio sospeso' }),
        'neutralised',
        'NOT_BOOLEAN',
      ),
    ],
  },
  {
    name: 'neutralised without a reason → NEUTRALISATION_REASON_MISSING',
    build: (b) => [
      ...(
        [
          ['SI', undefined],
          ['Sì', ''],
          ['X', '   '],
          ['1', undefined],
          ['true', undefined],
          ['vero', ''],
          ['yes', undefined],
        ] as Array<[string, string | undefined]>
      ).map(([flag, reason]) =>
        rejected(
          `indicator, neutralised ${show(flag)} with reason ${reason === undefined ? 'not sent' : show(reason)}`,
          INDICATOR.make(b, { neutralised: flag, ...(reason === undefined ? {} : { neutralisationReason: reason }) }),
          'neutralisationReason',
          'NEUTRALISATION_REASON_MISSING',
        ),
      ),
      rejected(
        'new indicator, neutralised SI without a reason',
        b.newIndicator({ neutralised: 'SI', actual: '5' }),
        'neutralisationReason',
        'NEUTRALISATION_REASON_MISSING',
      ),
    ],
  },
  {
    name: 'actual on an objective row → ACTUAL_ON_OBJECTIVE',
    build: (b) => [
      rejected(
        'new operational objective with an actual',
        b.newOperational({ actual: '5' }),
        'actual',
        'ACTUAL_ON_OBJECTIVE',
      ),
      rejected(
        'new strategic objective with an actual',
        b.newStrategic({ actual: '80%' }),
        'actual',
        'ACTUAL_ON_OBJECTIVE',
      ),
      rejected('new perspective with an actual', b.newPerspective({ actual: '10%' }), 'actual', 'ACTUAL_ON_OBJECTIVE'),
      rejected(
        'operational objective (level sent) with an actual',
        OPERATIONAL.make(b, { level: 'operational', actual: '11' }),
        'actual',
        'ACTUAL_ON_OBJECTIVE',
      ),
      rejected(
        'strategic objective (level sent) with an actual',
        STRATEGIC.make(b, { level: 'OS', actual: '80%' }),
        'actual',
        'ACTUAL_ON_OBJECTIVE',
      ),
      rejected(
        'perspective (level sent) with an actual',
        b.existing(b.any('perspective'), { level: 'prospettiva', actual: '1' }),
        'actual',
        'ACTUAL_ON_OBJECTIVE',
      ),
      rejected(
        'operational objective (level column not sent) with an actual',
        OPERATIONAL.make(b, { actual: '11' }),
        'actual',
        'ACTUAL_ON_OBJECTIVE',
      ),
      rejected(
        'strategic objective (level column not sent) with an actual',
        STRATEGIC.make(b, { actual: '80%' }),
        'actual',
        'ACTUAL_ON_OBJECTIVE',
      ),
      rejected(
        'perspective (level column not sent) with an actual',
        b.existing(b.any('perspective'), { actual: '1' }),
        'actual',
        'ACTUAL_ON_OBJECTIVE',
      ),
    ],
  },
  {
    name: 'future target for a year outside the plan → BAD_YEAR',
    build: (b) => [
      ...[2025, 2021, 2030, 2022, 1999, 2100].map((year) =>
        rejected(
          `indicator, future target for ${year}`,
          INDICATOR.make(b, { futureTargets: [{ year, value: '10' }] }),
          'futureTargets.0',
          'BAD_YEAR',
        ),
      ),
      rejected(
        'new indicator, second future target for 2026',
        b.newIndicator({
          futureTargets: [
            { year: 2023, value: '5' },
            { year: 2026, value: '6' },
          ],
        }),
        'futureTargets.1',
        'BAD_YEAR',
      ),
      rejected(
        'indicator, second future target for 2025',
        INDICATOR.make(b, {
          futureTargets: [
            { year: 2024, value: '5' },
            { year: 2025, value: '6' },
          ],
        }),
        'futureTargets.1',
        'BAD_YEAR',
      ),
    ],
  },
];
