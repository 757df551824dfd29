import type { Category } from './builder';
import { INDICATOR, lastFutureTargetRefused, NEW_INDICATOR, OPERATIONAL, rejectedAll, STRATEGIC } from './builder';

/**
 * Cells fine in themselves but not where they stand: an actual on an objective row, a future target for a year
 * outside the plan.
 */
export const MISPLACED_CELLS: Category[] = [
  {
    name: 'actual on an objective row → ACTUAL_ON_OBJECTIVE',
    build: (b) => [
      ...rejectedAll('actual', 'ACTUAL_ON_OBJECTIVE', [
        ['new operational objective with an actual', b.newOperational({ actual: '5' })],
        ['new strategic objective with an actual', b.newStrategic({ actual: '80%' })],
        ['new perspective with an actual', b.newPerspective({ actual: '10%' })],
        [
          'operational objective (level sent) with an actual',
          OPERATIONAL.make(b, { level: 'operational', actual: '11' }),
        ],
        ['strategic objective (level sent) with an actual', STRATEGIC.make(b, { level: 'OS', actual: '80%' })],
        [
          'perspective (level sent) with an actual',
          b.existing(b.any('perspective'), { level: 'prospettiva', actual: '1' }),
        ],
        ['operational objective (level column not sent) with an actual', OPERATIONAL.make(b, { actual: '11' })],
        ['strategic objective (level column not sent) with an actual', STRATEGIC.make(b, { actual: '80%' })],
        ['perspective (level column not sent) with an actual', b.existing(b.any('perspective'), { actual: '1' })],
      ]),
    ],
  },
  {
    name: 'future target for a year outside the plan → BAD_YEAR',
    build: (b) => [
      ...[2025, 2021, 2030, 2022, 1999, 2100].map((year) =>
        lastFutureTargetRefused(b, INDICATOR, `future target for ${year}`, 'BAD_YEAR', [year, '10']),
      ),
      lastFutureTargetRefused(b, NEW_INDICATOR, 'second future target for 2026', 'BAD_YEAR', [2023, '5'], [2026, '6']),
      lastFutureTargetRefused(b, INDICATOR, 'second future target for 2025', 'BAD_YEAR', [2024, '5'], [2025, '6']),
    ],
  },
];
