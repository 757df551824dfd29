import { provisionalScores } from '../../addin/src/sync/provisional';
import type { Line, PlanTable } from '../../addin/src/sync/columns';
import { newLine } from './lines';

/**
 * Issue 14, item 1: the add-in's offline engine decides a new row's polarity from its target as the server does, so
 * a deadline typed without polarity is not shown as invalid while offline and scored once synced.
 */

const table = (lines: Line[]): PlanTable => ({ name: 'Piano', sheet: 'Piano', headers: {}, columns: [], lines });

test('a deadline and a yes/no typed without polarity score offline as the server scores them', () => {
  const scores = provisionalScores(
    table([
      newLine(1, { level: 'operativo', code: '1.1', title: 'Obiettivo' }),
      newLine(2, {
        level: 'azione',
        code: '1.1.1',
        title: 'Entro il 30/06',
        parentCode: '1.1',
        target: '30/06/2022',
        actual: '15/06/2022',
      }),
      newLine(3, {
        level: 'azione',
        code: '1.1.2',
        title: 'Entro il 30/06',
        parentCode: '1.1',
        target: '30/06/2022',
        actual: '10/07/2022',
      }),
      newLine(4, {
        level: 'azione',
        code: '1.1.3',
        title: 'Adozione',
        parentCode: '1.1',
        target: 'SI/NO',
        actual: 'SI',
      }),
      newLine(5, {
        level: 'azione',
        code: '1.1.4',
        title: 'Tempo medio (gg)',
        parentCode: '1.1',
        target: '30',
        actual: '45',
      }),
    ]),
    null,
    2022,
    'YEAR_END',
  );
  expect([2, 3, 4, 5].map((p) => scores.get(p))).toEqual([1, 0, 1, 1]);
});
