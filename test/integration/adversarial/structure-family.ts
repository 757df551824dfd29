import type { TestServer } from '../../helpers/server';
import { readRows, type SheetRowIn, type SondrioPlan, sync, tableCounts } from '../../helpers/sync';
import type { Tally } from './tally';
import { thresholdsAt80And60 } from '../../helpers/indicator-cells';

/**
 * Rows that break the plan's shape rather than a cell: each sent alone in a PARTIAL batch, each must be refused
 * (REJECTED or CONFLICT) with a clear reason, and write nothing.
 */
export async function runStructure(server: TestServer, plan: SondrioPlan, tally: Tally): Promise<void> {
  const { rows } = await readRows(server, plan.planId);
  const find = (level: string, code: string) => rows.find((r) => r.level === level && r.code === code)!;
  const ind = find('INDICATOR', '1.1.1');
  const op = find('OPERATIONAL', '1.1');
  const so = find('STRATEGIC', '1');
  const base = { level: 'azione', code: 'S-1', title: 'Azione', parentRef: op.rowId, weight: '1', target: '10' };
  const cases: Array<[string, SheetRowIn[]]> = [
    ['no level', [{ ...base, clientRef: 'a', level: '' }]],
    ['an unknown level', [{ ...base, clientRef: 'a', level: 'sotto-azione' }]],
    ['no code', [{ ...base, clientRef: 'a', code: '' }]],
    ['no title', [{ ...base, clientRef: 'a', title: '' }]],
    ['no parent', [{ ...base, clientRef: 'a', parentRef: null }]],
    ['an unknown parent', [{ ...base, clientRef: 'a', parentRef: '00000000-0000-4000-8000-000000000000' }]],
    ['a parent of the wrong level', [{ ...base, clientRef: 'a', parentRef: ind.rowId }]],
    ['an indicator under a perspective', [{ ...base, clientRef: 'a', parentRef: so.parentId }]],
    ['a strategic objective under an operational one', [{ ...base, clientRef: 'a', level: 'OS', parentRef: op.rowId }]],
    ['a duplicate code', [{ ...base, clientRef: 'a', code: '1.1.1' }]],
    ['an unknown row id', [{ rowId: '00000000-0000-4000-8000-000000000000', rowVersion: 1, actual: '1' }]],
    ['a stale version', [{ rowId: ind.rowId, rowVersion: ind.rowVersion - 1, actual: '1' }]],
    ['a version from the future', [{ rowId: ind.rowId, rowVersion: ind.rowVersion + 100, actual: '1' }]],
    ['deleting a row with children', [{ rowId: op.rowId, rowVersion: op.rowVersion, delete: true }]],
    ['an actual on an objective', [{ rowId: op.rowId, rowVersion: op.rowVersion, actual: '5' }]],
    [
      'a parent rejected in the same batch',
      [
        { ...base, clientRef: 'p', level: 'OO', code: '', parentRef: so.rowId },
        { ...base, clientRef: 'c', parentRef: 'p' },
      ],
    ],
    [
      'a clientRef twice',
      [
        { ...base, clientRef: 'd' },
        { ...base, clientRef: 'd', code: 'S-2' },
      ],
    ],
    [
      'a row id twice',
      [
        { rowId: ind.rowId, rowVersion: ind.rowVersion, note: 'a' },
        { rowId: ind.rowId, rowVersion: ind.rowVersion, note: 'b' },
      ],
    ],
    [
      'a parent cycle by clientRef',
      [
        { ...base, level: 'OO', clientRef: 'x', parentRef: 'y' },
        { ...base, level: 'OO', clientRef: 'y', code: 'S-2', parentRef: 'x' },
      ],
    ],
    ['a row of another plan', [{ rowId: plan.planId, rowVersion: 1, actual: '1' }]],
    [
      'a future target outside the plan',
      [{ rowId: ind.rowId, rowVersion: ind.rowVersion, futureTargets: [{ year: 2030, value: '1' }] }],
    ],
    [
      'a future target for the same year',
      [{ rowId: ind.rowId, rowVersion: ind.rowVersion, futureTargets: [{ year: 2022, value: '1' }] }],
    ],
    [
      'a year twice in future targets',
      [
        {
          rowId: ind.rowId,
          rowVersion: ind.rowVersion,
          futureTargets: [
            { year: 2023, value: '1' },
            { year: 2023, value: '2' },
          ],
        },
      ],
    ],
    [
      '21 thresholds',
      [
        {
          rowId: ind.rowId,
          rowVersion: ind.rowVersion,
          thresholds: Array.from({ length: 21 }, (_, i) => ({ score: i / 21, value: String(i) })),
        },
      ],
    ],
    [
      'thresholds out of order',
      [
        {
          rowId: ind.rowId,
          rowVersion: ind.rowVersion,
          polarity: 'maggiore',
          thresholds: thresholdsAt80And60('5', '9'),
        },
      ],
    ],
    [
      'a negative threshold score',
      [{ rowId: ind.rowId, rowVersion: ind.rowVersion, thresholds: [{ score: -0.1, value: '5' }] }],
    ],
    [
      'neutralised without a reason',
      [{ rowId: ind.rowId, rowVersion: ind.rowVersion, neutralised: 'SI', neutralisationReason: '' }],
    ],
    ['neutralised "forse"', [{ rowId: ind.rowId, rowVersion: ind.rowVersion, neutralised: 'forse' }]],
    ['an unknown polarity', [{ rowId: ind.rowId, rowVersion: ind.rowVersion, polarity: 'laterale' }]],
    ['an unknown rule', [{ rowId: ind.rowId, rowVersion: ind.rowVersion, rule: 'magia' }]],
  ];
  for (const [name, batch] of cases) {
    const before = await tableCounts(server);
    const result = await sync(server, { planId: plan.planId, rows: batch });
    const after = await tableCounts(server);
    const refused = result.rows.filter((r) => r.status === 'REJECTED' || r.status === 'CONFLICT');
    const clear = refused.every(
      (r) =>
        r.status === 'CONFLICT' ||
        (r.errors.length > 0 && r.errors.every((e) => e.code && e.message.trim() && e.messageIt.trim())),
    );
    const wrote = JSON.stringify({ ...after, events: 0 }) !== JSON.stringify({ ...before, events: 0 });
    // a batch of two where one row is the valid twin of the other may write that one row; a refused batch never more
    const partialOk = batch.length > 1 && refused.length === batch.length - 1 && result.applied === 1;
    if (refused.length === 0)
      tally.add('structure', name, 'other', `accepted: ${result.rows.map((r) => r.status).join(', ')}`);
    else if (!clear) tally.add('structure', name, 'other', `unclear: ${JSON.stringify(refused.map((r) => r.errors))}`);
    else if (wrote && !partialOk) tally.add('structure', name, 'other', 'a refused row wrote something');
    else tally.add('structure', name, 'refused');
  }
}
