/**
 * Three-way, cell-level merge (issue 18, item 5) on the sync logic: a row changed here and by a colleague merges by
 * itself when the two changed different cells, and only a cell both changed is a conflict, chosen per cell. The base
 * (the row as last downloaded) lives on a very hidden sheet and survives closing the workbook.
 */
import { baseNames } from '../../addin/src/sync/base';
import { CONFLICT_FILL } from '../../addin/src/sync/merge-apply';
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import { H, withLoadedWorkbook, openSession } from '../helpers/addin-session';
import { withSondrioServer } from '../helpers/sondrio-server';
import { currentRow, sync } from '../helpers/sync';

const sondrio = withSondrioServer();
const book = withLoadedWorkbook(sondrio);

const current = (code: string) => currentRow(sondrio.server, sondrio.plan.planId, 'indicator', code);
/** a colleague's edit of some cells, straight through the API over the row's current version */
async function colleague(code: string, cells: { actual?: string; note?: string; kpi?: string }): Promise<void> {
  const row = await current(code);
  const result = await sync(sondrio.server, {
    planId: sondrio.plan.planId,
    rows: [{ rowId: row.rowId, rowVersion: row.rowVersion, ...cells }],
    source: { kind: 'GRAPHQL', author: 'collega' },
  });
  expect(result.rows[0].status).toBe('UPDATED');
}

test('after Load the base of every row is on a very hidden sheet, kept when the workbook is saved and reopened', () => {
  const names = baseNames(book.table);
  const base = book.wb.table(names.table)!;
  expect(base.sheet).toBe(names.sheet);
  expect(book.wb.isHidden(names.sheet)).toBe(true);
  expect(base.rowCount).toBe(book.wb.table(book.table)!.rowCount);
  const reopened = MemoryWorkbook.deserialize(book.wb.serialize());
  expect(reopened.isHidden(names.sheet)).toBe(true);
  expect(reopened.table(names.table)!.rows).toEqual(base.rows);
});

test('different cells changed here and by a colleague merge by themselves: no conflict, both reach the server', async () => {
  await colleague('1.1.2', { actual: '9' });
  const r = book.row('1.1.2');
  book.wb.editCell(book.table, r, H.kpi, 'Pratiche evase (rivisto qui)');
  const summary = await book.session.sync();
  expect(summary).toMatchObject({ conflicts: 0, merged: 1, updated: 1, pending: 0 });
  expect(book.session.conflicts()).toEqual([]);
  const server = await current('1.1.2');
  expect(server.actual!.raw).toBe('9');
  expect(server.kpi).toBe('Pratiche evase (rivisto qui)');
  expect(book.wb.cell(book.table, r, H.actual)).toBe('9');
  expect(book.wb.cell(book.table, r, H.rowVersion)).toBe(server.rowVersion);
  expect((await book.session.sync()).sent).toBe(0);
});

test('only a cell changed on both sides is a conflict; the rest merges, and each conflicting cell is chosen', async () => {
  await colleague('1.1.3', { actual: '80', note: 'nota del collega' });
  const r = book.row('1.1.3');
  book.wb.editCell(book.table, r, H.actual, '120');
  book.wb.editCell(book.table, r, H.kpi, 'Indicatore rivisto qui');
  const summary = await book.session.sync();
  expect(summary).toMatchObject({ conflicts: 1, merged: 0 });
  const [record] = book.session.conflicts();
  // one cell in conflict, with the colleague's name from the row's history; the colleague's note is already in
  expect(record.cells!.map((c) => [c.key, c.base, c.mine, c.theirs])).toEqual([['actual', '', '120', '80']]);
  expect(record.cells![0].changedAt).not.toBeNull();
  expect(record.cells![0].changedBy).not.toBeNull();
  expect(book.wb.cell(book.table, r, H.note)).toBe('nota del collega');
  expect(book.wb.fill(book.table, r, H.actual)).toBe(CONFLICT_FILL);
  expect(book.wb.fill(book.table, r, H.kpi)).toBeNull();

  await book.session.resolveConflict(record.rowId, 'mine', 'actual');
  const server = await current('1.1.3');
  expect(server.actual!.raw).toBe('120');
  expect(server.note).toBe('nota del collega');
  expect(server.kpi).toBe('Indicatore rivisto qui');
  expect(book.session.conflicts()).toEqual([]);
  expect(book.wb.fill(book.table, r, H.actual)).toBeNull();
  expect((await book.session.sync()).sent).toBe(0);
});

test('"take theirs" on the one conflicting cell keeps my change of another cell', async () => {
  await colleague('1.3.1', { actual: '14%' });
  const r = book.row('1.3.1');
  book.wb.editCell(book.table, r, H.actual, '13%');
  book.wb.editCell(book.table, r, H.note, 'nota mia');
  await book.session.sync();
  const record = book.session.conflicts().find((c) => c.code === '1.3.1')!;
  await book.session.resolveConflict(record.rowId, 'theirs', 'actual');
  const server = await current('1.3.1');
  expect(server.actual!.raw).toBe('14%');
  expect(server.note).toBe('nota mia');
  expect(book.wb.cell(book.table, r, H.actual)).toBe('14%');
  expect(book.session.conflicts()).toEqual([]);
});

test('Refresh merges a colleague’s change of another cell into a row edited here; Sync then sends mine over it', async () => {
  await colleague('1.3.2', { note: 'nota arrivata con Aggiorna' });
  const r = book.row('1.3.2');
  book.wb.editCell(book.table, r, H.actual, '33%');
  expect(await book.session.refresh()).toMatchObject({ conflicts: 0, merged: 1 });
  expect(book.wb.cell(book.table, r, H.note)).toBe('nota arrivata con Aggiorna');
  expect(book.wb.cell(book.table, r, H.actual)).toBe('33%');
  expect(await book.session.sync()).toMatchObject({ conflicts: 0, updated: 1 });
  const server = await current('1.3.2');
  expect(server.actual!.raw).toBe('33%');
  expect(server.note).toBe('nota arrivata con Aggiorna');
});

test('the base survives closing the workbook: reopened, a change of different cells still merges', async () => {
  const r = book.row('1.1.2');
  book.wb.editCell(book.table, r, H.note, 'scritta prima di chiudere');
  const reopened = MemoryWorkbook.deserialize(book.wb.serialize());
  const again = await openSession(sondrio.server, reopened);
  await colleague('1.1.2', { actual: '10' });
  expect(await again.sync()).toMatchObject({ conflicts: 0, merged: 1, updated: 1 });
  const server = await current('1.1.2');
  expect(server.actual!.raw).toBe('10');
  expect(server.note).toBe('scritta prima di chiudere');
});
