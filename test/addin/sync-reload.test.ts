/**
 * Load on a bound workbook (issue 12, item 7), on the sync logic over the in-memory workbook and the real server:
 * the bound table is refreshed where it is, a colleague's change arrives, and edits not sent are never overwritten
 * without the user's choice.
 */
import { baseNames } from '../../addin/src/sync/base';
import { UnsentEditsError } from '../../addin/src/sync/reload';
import { H, loadedWorkbook, rowOf } from '../helpers/addin-session';
import { withSondrioServer } from '../helpers/sondrio-server';

const sondrio = withSondrioServer();
const request = () => ({ planId: sondrio.plan.planId, year: 2022, checkpoint: 'YEAR_END' as const });

test("Load again refreshes the same table with a colleague's change; the workbook keeps one table", async () => {
  const mine = await loadedWorkbook(sondrio.server, sondrio.plan.planId);
  const colleague = await loadedWorkbook(sondrio.server, sondrio.plan.planId);
  colleague.wb.editCell(colleague.table, rowOf(colleague.wb, colleague.table, '1.1.3'), H.actual, '90');
  expect((await colleague.session.sync()).updated).toBe(1);

  const summary = await mine.session.load(request());
  expect(summary.table).toBe(mine.table);
  // besides the merge base's table, on its very hidden sheet (sync/base.ts)
  const tables = (await mine.wb.listTables()).map((t) => t.name);
  expect(tables).toEqual([mine.table, baseNames(mine.table).table]);
  expect(mine.wb.isHidden(baseNames(mine.table).sheet)).toBe(true);
  expect(mine.wb.cell(mine.table, rowOf(mine.wb, mine.table, '1.1.3'), H.actual)).toBe('90');
  expect((await mine.session.sync()).sent).toBe(0);
});

test('edits not sent stop Load until the user chooses; discard takes the server value, send sends first', async () => {
  const { wb, session, table } = await loadedWorkbook(sondrio.server, sondrio.plan.planId);
  const row = rowOf(wb, table, '1.1.4');
  const server = wb.cell(table, row, H.actual);
  wb.editCell(table, row, H.actual, 'agosto');
  await expect(session.load(request())).rejects.toBeInstanceOf(UnsentEditsError);
  expect(wb.cell(table, row, H.actual)).toBe('agosto');

  await session.load(request(), 'discard');
  expect(wb.cell(table, row, H.actual)).toBe(server);

  wb.editCell(table, row, H.actual, 'agosto');
  await session.load(request(), 'send');
  expect(wb.cell(table, row, H.actual)).toBe('agosto');
  expect((await session.sync()).sent).toBe(0);
});
