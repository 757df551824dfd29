/**
 * The preview before a Sync sends (issue 18, item 4; addin/src/sync/preview.ts): each row a Sync would send, cell by
 * cell as the server has it → as the sheet has it, the problems the shared row parser sees and those the add-in
 * refuses itself; offline the server's values are unknown; nothing is written to the sheet or the server.
 */
import { cellError } from '@core/sheet/messages';
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import { H, networkFetch, openSession, rowOf } from '../helpers/addin-session';
import { withSondrioServer } from '../helpers/sondrio-server';
import { currentRow } from '../helpers/sync';

const sondrio = withSondrioServer();

test('lists each changed cell with its server value, the parser problems, and sends nothing; offline the old values are unknown', async () => {
  const net = networkFetch();
  const wb = new MemoryWorkbook();
  const session = await openSession(sondrio.server, wb, { fetch: net });
  await session.listPlans();
  const { table } = await session.load({ planId: sondrio.plan.planId, year: 2022, checkpoint: 'YEAR_END' });
  const before = await currentRow(sondrio.server, sondrio.plan.planId, 'indicator', '1.1.2');
  const other = await currentRow(sondrio.server, sondrio.plan.planId, 'indicator', '1.1.3');

  wb.editCell(table, rowOf(wb, table, '1.1.2'), H.actual, '11');
  wb.editCell(table, rowOf(wb, table, '1.1.3'), H.target, 'circa dieci');
  wb.editCell(table, rowOf(wb, table, '1.1.4'), H.thresholds, 'soglia a caso');
  wb.addRow(table, { [H.level]: 'azione', [H.code]: '1.1.6', [H.title]: 'Nuova', [H.parentCode]: '1.1' });
  const sheetBefore = wb.serialize();

  const preview = await session.previewSync();
  expect(preview.serverKnown).toBe(true);
  const byName = new Map(preview.rows.map((r) => [r.name, r]));
  expect([...byName.keys()].sort()).toEqual(['1.1.2', '1.1.3', '1.1.4', '1.1.6']);

  expect(byName.get('1.1.2')).toMatchObject({
    kind: 'dirty',
    cells: [{ key: 'actual', column: H.actual, before: before.actual?.raw ?? '', after: '11' }],
    problems: [],
  });
  const bad = byName.get('1.1.3')!;
  expect(bad.cells).toEqual([{ key: 'target', column: H.target, before: other.target!.raw, after: 'circa dieci' }]);
  // the shared parser's sentence, the one the server's sync would answer with
  expect(bad.problems).toEqual([
    { key: 'target', column: H.target, message: cellError('target', 'NOT_A_VALUE', { raw: 'circa dieci' }).messageIt },
  ]);
  // refused here, before any request: listed as such, with its reason
  const refused = byName.get('1.1.4')!;
  expect(refused.kind).toBe('refused');
  expect(refused.problems.map((p) => p.key)).toEqual(['thresholds']);
  const added = byName.get('1.1.6')!;
  expect(added.kind).toBe('new');
  expect(added.cells.map((c) => [c.key, c.before, c.after])).toEqual(
    expect.arrayContaining([
      ['code', '', '1.1.6'],
      ['title', '', 'Nuova'],
    ]),
  );

  // nothing left the pane: the server's rows and the sheet are as they were
  expect(await currentRow(sondrio.server, sondrio.plan.planId, 'indicator', '1.1.2')).toEqual(before);
  expect(wb.serialize()).toEqual(sheetBefore);

  net.offline = true;
  const offline = await session.previewSync();
  expect(offline.serverKnown).toBe(false);
  // which cell changed is not known without the server's row: every filled cell shows, its old value unknown
  const cells = offline.rows.find((r) => r.name === '1.1.2')!.cells;
  expect(cells).toContainEqual({ key: 'actual', column: H.actual, before: null, after: '11' });
  expect(cells.every((c) => c.before === null)).toBe(true);
  // the parser needs no server
  expect(offline.rows.find((r) => r.name === '1.1.3')!.problems.map((p) => p.key)).toEqual(['target']);
});
