/**
 * Edits visible at once (issue 12, item 3), on the sync logic over a MemoryWorkbook and the real server: a typed
 * row is marked "DA INVIARE" with a fill on its status cell and a provisional score from the shared engine, the
 * count says what a Sync would send, a second pass writes nothing (so marking cannot feed itself change events),
 * and the server's answer replaces every mark.
 */
import { messages } from '../../addin/src/i18n';
import { TO_SEND_FILL } from '../../addin/src/sync/pending';
import { REJECTED_FILL } from '../../addin/src/sync/writer';
import { H, loadedWorkbook, rowOf, typeRows } from '../helpers/addin-session';
import { withSondrioServer } from '../helpers/sondrio-server';

const sondrio = withSondrioServer();
const { status, provisionalHere } = messages.it.sync;
const WRITES = new Set(['writeColumns', 'markCells', 'appendRows', 'deleteRows']);

/** The Sondrio sheet loaded, `value` typed in `column` of the action `code`, and the row marked as the pane marks it. */
async function typed(code: string, column: string, value: string) {
  const book = await loadedWorkbook(sondrio.server, sondrio.plan.planId);
  const r = rowOf(book.wb, book.table, code);
  const was = book.wb.cell(book.table, r, column);
  book.wb.editCell(book.table, r, column, value);
  await book.session.markPending([r]);
  return { ...book, r, was };
}

test('a typed actual is marked "DA INVIARE" with a provisional score at once, and Sync replaces the marks', async () => {
  const { wb, session, table } = await loadedWorkbook(sondrio.server, sondrio.plan.planId);
  expect(await session.markPending()).toEqual({ pending: 0, marked: 0 });
  const r = rowOf(wb, table, '1.1.2');
  const objective = rowOf(wb, table, '1.1', 'obiettivo operativo');
  const objectiveScore = wb.cell(table, objective, H.realization);

  wb.editCell(table, r, H.actual, '11');
  expect(await session.markPending([r])).toEqual({ pending: 1, marked: 1 });
  expect(wb.cell(table, r, H.syncStatus)).toBe(status.TO_SEND);
  expect(wb.fill(table, r, H.syncStatus)).toBe(TO_SEND_FILL);
  expect(wb.cell(table, r, H.syncMessage)).toBe(provisionalHere);
  // the shared engine, as the server would score it: Sondrio's bands, 11 ≥ 10 → 80%
  expect(wb.cell(table, r, H.realization)).toBe(0.8);
  expect(wb.cell(table, objective, H.syncMessage)).toBe(provisionalHere);
  expect(wb.cell(table, objective, H.realization)).not.toBe(objectiveScore);
  // only the edited row is marked
  expect(wb.column(table, H.syncStatus).filter((s) => s === status.TO_SEND)).toHaveLength(1);

  // a pass over a sheet already marked writes nothing: no write, no change event, no loop
  const before = wb.calls.length;
  expect(await session.markPending([r])).toEqual({ pending: 1, marked: 0 });
  expect(wb.calls.slice(before).filter((c) => WRITES.has(c))).toEqual([]);

  const summary = await session.sync();
  expect(summary).toMatchObject({ sent: 1, updated: 1, pending: 0 });
  expect(wb.cell(table, r, H.syncStatus)).toBe(status.UPDATED);
  expect(wb.fill(table, r, H.syncStatus)).toBeNull();
  expect(wb.cell(table, r, H.syncMessage)).toBe('');
  expect(wb.cell(table, r, H.realization)).toBe(0.8);
  expect(wb.cell(table, objective, H.syncMessage)).toBe('');
  expect(await session.markPending()).toEqual({ pending: 0, marked: 0 });
});

test('a row typed back to what it was stays "DA INVIARE" until the server says it is unchanged', async () => {
  const { wb, session, table, r, was } = await typed('1.1.3', H.note, 'una nota');
  wb.editCell(table, r, H.note, was);
  expect(await session.markPending([r])).toEqual({ pending: 1, marked: 0 });
  expect(wb.cell(table, r, H.syncStatus)).toBe(status.TO_SEND);
  expect(await session.sync()).toMatchObject({ sent: 1, unchanged: 1 });
  expect(wb.cell(table, r, H.syncStatus)).toBe(status.UNCHANGED);
  expect(wb.fill(table, r, H.syncStatus)).toBeNull();
});

test('a refused row keeps its reasons until touched again; then it is "DA INVIARE" and its pink cells go', async () => {
  const { wb, session, table, r, was: weight } = await typed('1.1.4', H.weight, 'molto');
  expect(await session.sync()).toMatchObject({ sent: 1, rejected: 1 });
  expect(wb.fill(table, r, H.weight)).toBe(REJECTED_FILL);

  // an untouched refused row is counted (a Sync sends it again) but not re-marked
  expect(await session.markPending()).toEqual({ pending: 1, marked: 0 });
  expect(wb.cell(table, r, H.syncStatus)).toBe(status.REJECTED);
  expect(wb.fill(table, r, H.weight)).toBe(REJECTED_FILL);

  wb.editCell(table, r, H.weight, weight);
  expect(await session.markPending([r])).toEqual({ pending: 1, marked: 1 });
  expect(wb.cell(table, r, H.syncStatus)).toBe(status.TO_SEND);
  // the pink goes: the row's cells take the yellow of a row waiting to be sent
  expect(wb.fill(table, r, H.weight)).toBe(TO_SEND_FILL);
  expect(wb.fill(table, r, H.syncStatus)).toBe(TO_SEND_FILL);
  // the pane's error list keeps the reason until the server answers
  expect(session.errors()).toHaveLength(1);
  expect(await session.sync()).toMatchObject({ sent: 1, unchanged: 1, rejected: 0 });
  expect(session.errors()).toEqual([]);
  expect(wb.fill(table, r, H.syncStatus)).toBeNull();
  expect(wb.fill(table, r, H.weight)).toBeNull();
});

test('a row typed below the table is marked without any event naming it', async () => {
  const { wb, session, table } = await loadedWorkbook(sondrio.server, sondrio.plan.planId);
  const [added] = typeRows(wb, table, [
    [H.level, H.code, H.title, H.parentCode, H.weight, H.target, H.actual],
    ['azione', '1.1.9', 'Nuova azione', '1.1', '0', '10', '10'],
  ]);
  expect(await session.markPending()).toEqual({ pending: 1, marked: 1 });
  expect(wb.cell(table, added, H.syncStatus)).toBe(status.TO_SEND);
  expect(wb.cell(table, added, H.realization)).toBe(1);
  // a blank row the user left in the table is nothing to send
  wb.addRow(table, {});
  expect(await session.markPending()).toEqual({ pending: 1, marked: 0 });
});
