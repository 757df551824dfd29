/**
 * Two people on one plan: a colleague changes rows through the API while the sheet is open. Sync and Refresh never
 * overwrite a local edit: the row becomes a conflict with mine and theirs, and the user picks one.
 */
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import { H, HEN, withLoadedWorkbook, openSession, rowOf } from '../helpers/addin-session';
import { withSondrioServer } from '../helpers/sondrio-server';
import { currentRow, readRows, sync } from '../helpers/sync';

const sondrio = withSondrioServer();
const book = withLoadedWorkbook(sondrio);

const current = (code: string) => currentRow(sondrio.server, sondrio.plan.planId, 'indicator', code);
/** a colleague's edit, straight through the API */
async function colleague(code: string, actual: string): Promise<void> {
  const row = await current(code);
  const result = await sync(sondrio.server, {
    planId: sondrio.plan.planId,
    rows: [{ rowId: row.rowId, rowVersion: row.rowVersion, actual }],
    source: { kind: 'GRAPHQL', author: 'collega' },
  });
  expect(result.rows[0].status).toBe('UPDATED');
}

test('Sync over a colleague\'s change is a conflict; "mine" sends mine over their version', async () => {
  await colleague('1.1.2', '9');
  const r = book.row('1.1.2');
  book.wb.editCell(book.table, r, H.actual, '11');
  expect(await book.session.sync()).toMatchObject({ sent: 1, conflicts: 1, updated: 0, pending: 1 });
  expect((await current('1.1.2')).actual!.raw).toBe('9');
  expect(book.wb.cell(book.table, r, H.syncStatus)).toBe('CONFLITTO');
  expect(book.wb.cell(book.table, r, H.actual)).toBe('11');
  const [record] = book.session.conflicts();
  expect(record).toMatchObject({ rowId: sondrio.plan.indicator('1.1.2').rowId, code: '1.1.2', changedBy: 'collega' });
  expect(record.mine.actual).toBe('11');
  expect(record.theirs.actual).toBe('9');
  expect(record.theirsVersion).toBe((await current('1.1.2')).rowVersion);

  await book.session.resolveConflict(record.rowId, 'mine');
  expect((await current('1.1.2')).actual!.raw).toBe('11');
  expect(book.session.conflicts()).toEqual([]);
  expect(book.wb.cell(book.table, r, H.realization)).toBe(0.8);
  expect(book.wb.cell(book.table, r, H.rowVersion)).toBe((await current('1.1.2')).rowVersion);
  expect((await book.session.sync()).sent).toBe(0);
});

test('"theirs" writes the server\'s row into the sheet and leaves the database alone', async () => {
  await colleague('1.1.3', '80');
  const r = book.row('1.1.3');
  book.wb.editCell(book.table, r, H.actual, '120');
  await book.session.sync();
  const record = book.session.conflicts().find((c) => c.code === '1.1.3')!;
  const version = (await current('1.1.3')).rowVersion;
  await book.session.resolveConflict(record.rowId, 'theirs');
  expect(book.wb.cell(book.table, r, H.actual)).toBe('80');
  expect(book.wb.cell(book.table, r, H.rowVersion)).toBe(version);
  expect(book.session.conflicts()).toEqual([]);
  expect((await book.session.sync()).sent).toBe(0);
  expect((await current('1.1.3')).actual!.raw).toBe('80');
  expect((await current('1.1.3')).rowVersion).toBe(version);
});

test("Refresh brings colleagues' changes into clean rows, and makes a conflict of a row edited here", async () => {
  await colleague('1.3.1', '14%');
  await colleague('1.3.2', '34%');
  const mine = book.row('1.3.2');
  book.wb.editCell(book.table, mine, H.actual, '36%');
  const added = await sync(sondrio.server, {
    planId: sondrio.plan.planId,
    rows: [
      {
        clientRef: 'n',
        level: 'azione',
        code: '1.3.9',
        title: 'Aggiunta da un collega',
        parentRef: sondrio.plan.operational('1.3').rowId,
        weight: '5',
        target: '10',
        actual: '10',
      },
    ],
  });
  expect(added.rows[0].status).toBe('CREATED');

  const summary = await book.session.refresh();
  expect(summary).toMatchObject({ conflicts: 1, offline: false, provisional: false });
  const clean = book.row('1.3.1');
  expect(book.wb.cell(book.table, clean, H.actual)).toBe('14%');
  expect(book.wb.cell(book.table, clean, H.rowVersion)).toBe((await current('1.3.1')).rowVersion);
  // 14% against a 15% target with thresholds 12% (80%) and 10% (60%): the server's score comes back
  const scores = (
    await sondrio.server.gql(
      `query($p: ID!) { sheetRows(planId: $p, year: 2022) { rows { code realization { score } } } }`,
      { p: sondrio.plan.planId },
    )
  ).data!.sheetRows.rows;
  expect(book.wb.cell(book.table, clean, H.realization)).toBe(
    scores.find((x: any) => x.code === '1.3.1').realization.score,
  );
  expect(book.wb.cell(book.table, mine, H.actual)).toBe('36%');
  expect(book.wb.cell(book.table, mine, H.syncStatus)).toBe('CONFLITTO');
  expect(book.session.conflicts().map((c) => [c.code, c.mine.actual, c.theirs.actual])).toEqual([
    ['1.3.2', '36%', '34%'],
  ]);
  const appended = book.row('1.3.9');
  expect(book.wb.cell(book.table, appended, H.rowId)).toBe(added.rows[0].rowId);
  expect(book.wb.cell(book.table, appended, H.parentCode)).toBe('1.3');
  expect(book.wb.cell(book.table, appended, H.realization)).toBe(1);
  // refreshed rows are clean: only the conflicting row would go out
  await book.session.resolveConflict(book.session.conflicts()[0].rowId, 'mine');
  expect((await current('1.3.2')).actual!.raw).toBe('36%');
  expect((await book.session.sync()).sent).toBe(0);
});

test('a row deleted on the server leaves the sheet when clean, and stays as a new row when edited here', async () => {
  const a = await sync(sondrio.server, {
    planId: sondrio.plan.planId,
    rows: [
      {
        clientRef: 'a',
        level: 'azione',
        code: '1.3.7',
        title: 'Da eliminare A',
        parentRef: sondrio.plan.operational('1.3').rowId,
        weight: '1',
        target: '1',
      },
      {
        clientRef: 'b',
        level: 'azione',
        code: '1.3.8',
        title: 'Da eliminare B',
        parentRef: sondrio.plan.operational('1.3').rowId,
        weight: '1',
        target: '1',
      },
    ],
  });
  await book.session.refresh();
  book.wb.editCell(book.table, book.row('1.3.8'), H.actual, '1');
  const versions = a.rows.map((x) => x.rowVersion);
  const gone = await sync(sondrio.server, {
    planId: sondrio.plan.planId,
    rows: a.rows.map((x, i) => ({ rowId: x.rowId, rowVersion: versions[i], delete: true })),
  });
  expect(gone.rows.map((x) => x.status)).toEqual(['DELETED', 'DELETED']);
  expect(await book.session.refresh()).toMatchObject({ deletedOnServer: 2 });
  expect(() => book.row('1.3.7')).toThrow();
  const kept = book.row('1.3.8');
  expect(book.wb.cell(book.table, kept, H.rowId)).toBe('');
  expect(await book.session.sync()).toMatchObject({ created: 1 });
  expect((await current('1.3.8')).title).toBe('Da eliminare B');
});

test('a workbook in English gets English headers, statuses and messages', async () => {
  const en = new MemoryWorkbook();
  const english = await openSession(sondrio.server, en, { language: 'en' });
  const { table: t } = await english.load({ planId: sondrio.plan.planId, year: 2022, checkpoint: 'MID_YEAR' });
  expect(en.table(t)!.headers).toEqual(Object.values(HEN));
  expect(english.binding).toMatchObject({ language: 'en', checkpoint: 'MID_YEAR' });
  const r = rowOf(en, t, '1.4.1', undefined, HEN);
  en.editCell(t, r, HEN.weight, 'abc');
  en.editCell(t, rowOf(en, t, '1.4.2', undefined, HEN), HEN.actual, '30%');
  expect(await english.sync()).toMatchObject({ rejected: 1, updated: 1 });
  expect(en.cell(t, r, HEN.syncStatus)).toBe('REJECTED');
  expect(en.cell(t, r, HEN.syncMessage)).toBe('Weight: "abc" is not a number');
  expect(english.errors()[0]).toMatchObject({ header: 'Weight', message: '"abc" is not a number' });
  const midYear = (await readRows(sondrio.server, sondrio.plan.planId, { checkpoint: 'MID_YEAR' })).rows.find(
    (x) => x.code === '1.4.2',
  )!;
  expect(midYear.actual!.raw).toBe('30%');
  expect((await current('1.4.2')).actual).toBeNull(); // the year-end actual is another period
});
