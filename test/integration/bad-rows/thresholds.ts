import { type Category, rejected } from './builder';
import type { SheetRowIn } from '../../helpers/sync';

/** Thresholds that cannot grade: out of order for the indicator's polarity, or scored outside [0, 1]. */
export const THRESHOLDS: Category[] = [
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
];
