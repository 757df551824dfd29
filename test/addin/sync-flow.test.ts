/**
 * The add-in's sync logic end to end against the real server: a MemoryWorkbook plays Excel and the user, the
 * session talks HTTP. Load → edit → Sync → the database and the sheet both show the change.
 */
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import type { WorkbookSession } from '../../addin/src/sync/session';
import { databaseNames } from '../helpers/databases';
import { H, loadedWorkbook, openSession, rowOf } from '../helpers/addin-session';
import { withSondrioServer } from '../helpers/sondrio-server';
import { ok, readRows } from '../helpers/sync';

describe.each(databaseNames())('add-in sync on %s', (dialect) => {
  const sondrio = withSondrioServer(dialect);
  let wb: MemoryWorkbook;
  let session: WorkbookSession;
  let table: string;

  beforeAll(async () => {
    ({ wb, session, table } = await loadedWorkbook(sondrio.server, sondrio.plan.planId));
  });

  const serverRow = async (code: string, level = 'INDICATOR') =>
    (await readRows(sondrio.server, sondrio.plan.planId)).rows.find((r) => r.code === code && r.level === level);
  const realizationOf = async (query: string, code: string) => {
    const data = ok(
      await sondrio.server.gql(
        `query($plan: ID!, $code: String!) { ${query}(filter: { planId: $plan, code: $code }) { realization(year: 2022) { score } } }`,
        { plan: sondrio.plan.planId, code },
      ),
    );
    return data[query][0].realization.score as number | null;
  };

  test('Load writes the plan as a new table in the canonical layout, bound in the settings without the token', async () => {
    const data = wb.table(table)!;
    expect(data.rowCount).toBe(sondrio.plan.rows.length);
    expect(data.headers).toEqual(Object.values(H));
    expect(wb.columnSetup(table, H.rowId)).toMatchObject({ hidden: true });
    expect(wb.columnSetup(table, H.rowHash)).toMatchObject({ hidden: true });
    expect(wb.columnSetup(table, H.polarity)?.list).toContain('maggiore');
    expect(wb.columnSetup(table, H.realization)?.numberFormat).toBe('0.00%');
    const r = rowOf(wb, table, '1.1.2');
    expect(wb.cell(table, r, H.rowId)).toBe(sondrio.plan.indicator('1.1.2').rowId);
    expect(wb.cell(table, r, H.target)).toBe('12');
    expect(wb.cell(table, r, H.thresholds)).toBe('80%: 10; 60%: 8');
    expect(wb.cell(table, r, H.parentCode)).toBe('1.1');
    expect(session.binding).toMatchObject({
      planId: sondrio.plan.planId,
      year: 2022,
      checkpoint: 'YEAR_END',
      table,
      language: 'it',
    });
    expect(wb.serialize()).not.toContain(sondrio.server.token);
    // Sondrio's strategic pass marks are 80% and 100%: green starts at the lowest
    expect(wb.lights(table)).toEqual({ column: H.realization, green: 0.8, yellow: 0.6 });
    expect(wb.chart(`${table}_Realizzazione`)?.categories).toHaveLength(
      sondrio.plan.rows.filter((x) => x.level === 'STRATEGIC').length,
    );
    // nothing edited: nothing to send
    expect((await session.sync()).sent).toBe(0);
  });

  test('an edited actual is sent alone, lands in the database, and its realization and totals come back', async () => {
    const r = rowOf(wb, table, '1.1.2');
    const hints: Array<number[] | 'unknown'> = [];
    const stop = await session.watchEdits((rows) => hints.push(rows));
    wb.editCell(table, r, H.actual, '11');
    await stop();
    expect(hints).toEqual([[r]]);
    expect(await session.pendingChanges()).toBe(1);
    const progress: Array<[string, number, number]> = [];
    session.onProgress((p) => progress.push([p.operation, p.done, p.total]));
    const summary = await session.sync();
    expect(progress).toEqual([
      ['sync', 0, 1],
      ['sync', 1, 1],
    ]);
    expect(summary).toMatchObject({ sent: 1, updated: 1, rejected: 0, conflicts: 0, offline: false, pending: 0 });
    expect((await serverRow('1.1.2'))!.actual!.raw).toBe('11');
    expect(wb.cell(table, r, H.realization)).toBe(0.8); // bands: 11 ≥ 10 → 80%
    expect(wb.cell(table, r, H.syncStatus)).toBe('AGGIORNATA');
    expect(wb.cell(table, r, H.rowVersion)).toBe((await serverRow('1.1.2'))!.rowVersion);
    // the objectives above it show the server's recomputed totals
    expect(wb.cell(table, rowOf(wb, table, '1.1', 'obiettivo operativo'), H.realization)).toBe(
      await realizationOf('operationalObjectives', '1.1'),
    );
    const strategic = await realizationOf('strategicObjectives', '1');
    expect(wb.cell(table, rowOf(wb, table, '1', 'obiettivo strategico'), H.realization)).toBe(strategic ?? '');
    expect(wb.chart(`${table}_Realizzazione`)!.values[0]).toBe(strategic);
    expect((await session.sync()).sent).toBe(0);
  });

  test('new rows are created under existing and new parents in one Sync', async () => {
    wb.addRow(table, {
      [H.level]: 'azione',
      [H.code]: '1.1.5',
      [H.title]: 'Nuova azione',
      [H.parentCode]: '1.1',
      [H.weight]: '10',
      [H.polarity]: 'maggiore',
      [H.target]: '20',
      [H.thresholds]: '80%: 18; 60%: 15',
      [H.actual]: '19',
    });
    wb.addRow(table, {
      [H.level]: 'obiettivo operativo',
      [H.code]: '1.9',
      [H.title]: 'Nuovo obiettivo',
      [H.parentCode]: '1',
      [H.weight]: '5',
    });
    wb.addRow(table, {
      [H.level]: 'azione',
      [H.code]: '1.9.1',
      [H.title]: 'Azione del nuovo obiettivo',
      [H.parentCode]: '1.9',
      [H.weight]: '100',
      [H.target]: '10',
      [H.actual]: '10',
    });
    const summary = await session.sync();
    expect(summary).toMatchObject({ sent: 3, created: 3, rejected: 0 });
    const created = await serverRow('1.1.5');
    expect(created).toMatchObject({ title: 'Nuova azione', parentId: sondrio.plan.operational('1.1').rowId });
    expect(created!.thresholds.map((t) => [t.score, t.value.raw])).toEqual([
      [0.8, '18'],
      [0.6, '15'],
    ]);
    const oo = await serverRow('1.9', 'OPERATIONAL');
    expect(oo!.parentId).toBe(sondrio.plan.strategic('1').rowId);
    expect((await serverRow('1.9.1'))!.parentId).toBe(oo!.rowId);
    const r = rowOf(wb, table, '1.1.5');
    expect(wb.cell(table, r, H.rowId)).toBe(created!.rowId);
    expect(wb.cell(table, r, H.realization)).toBe(0.8);
    expect(wb.cell(table, rowOf(wb, table, '1.9.1'), H.realization)).toBe(1);
    expect((await session.sync()).sent).toBe(0);
  });

  test('a refused cell is marked with its reason while the good rows land; fixing it clears the mark', async () => {
    const bad = rowOf(wb, table, '1.1.3');
    const good = rowOf(wb, table, '1.1.4');
    wb.editCell(table, bad, H.weight, 'abc');
    wb.editCell(table, good, H.actual, 'luglio');
    const summary = await session.sync();
    expect(summary).toMatchObject({ sent: 2, updated: 1, rejected: 1, pending: 1 });
    expect((await serverRow('1.1.4'))!.actual!.raw).toBe('luglio');
    expect((await serverRow('1.1.3'))!.weight).toBe(25);
    expect(wb.fill(table, bad, H.weight)).toBe('#FFC7CE');
    expect(wb.fill(table, bad, H.actual)).toBeNull();
    expect(wb.cell(table, bad, H.syncStatus)).toBe('RIFIUTATA');
    expect(String(wb.cell(table, bad, H.syncMessage))).toContain('Peso: "abc" non è un numero');
    const errors = session.errors();
    expect(errors).toEqual([
      expect.objectContaining({
        row: bad,
        column: 'weight',
        header: H.weight,
        code: 'NOT_A_NUMBER',
        rowId: sondrio.plan.indicator('1.1.3').rowId,
      }),
    ]);
    await session.selectError(errors[0]);
    expect(wb.selection).toEqual({ sheet: session.binding!.sheet, table, row: bad, column: H.weight });

    wb.editCell(table, bad, H.weight, '25');
    expect(await session.sync()).toMatchObject({ sent: 1, unchanged: 1, rejected: 0 });
    expect(wb.fill(table, bad, H.weight)).toBeNull();
    expect(session.errors()).toEqual([]);
  });

  test('rows sorted and inserted between Syncs keep their identity', async () => {
    wb.sortBy(table, H.code, true);
    wb.insertRowAt(table, 3);
    wb.insertRowAt(table, 10);
    const r = rowOf(wb, table, '1.3.1');
    wb.editCell(table, r, H.actual, '13%');
    expect(await session.sync()).toMatchObject({ sent: 1, updated: 1, rejected: 0 });
    expect((await serverRow('1.3.1'))!.actual!.raw).toBe('13%');
    // every row still carries the id of the row with its code
    const byId = new Map((await readRows(sondrio.server, sondrio.plan.planId)).rows.map((x) => [x.rowId, x]));
    const ids = wb.column(table, H.rowId);
    const codes = wb.column(table, H.code);
    const titles = wb.column(table, H.title);
    ids.forEach((id, i) => {
      if (!id) return;
      const row = byId.get(String(id))!;
      expect([row.code ?? '', row.title]).toEqual([String(codes[i]), titles[i]]);
    });
  });

  test('ELIMINA in the status column deletes a row; a row removed from the sheet deletes nothing', async () => {
    const r = rowOf(wb, table, '1.9.1');
    wb.editCell(table, r, H.syncStatus, 'ELIMINA');
    expect(await session.sync()).toMatchObject({ sent: 1, deleted: 1 });
    expect(await serverRow('1.9.1')).toBeUndefined();
    expect(() => rowOf(wb, table, '1.9.1')).toThrow();

    const before = (await readRows(sondrio.server, sondrio.plan.planId)).rows.length;
    wb.deleteRowAt(table, rowOf(wb, table, '1.1.5'));
    expect((await session.sync()).sent).toBe(0);
    expect((await readRows(sondrio.server, sondrio.plan.planId)).rows.length).toBe(before);
  });

  test('closing and reopening the workbook keeps the binding, hashes and errors', async () => {
    wb.editCell(table, rowOf(wb, table, '1.3.2'), H.weight, 'x');
    await session.sync();
    const reopened = MemoryWorkbook.deserialize(wb.serialize());
    expect(reopened.listenerCount()).toBe(0);
    const again = await openSession(sondrio.server, reopened);
    expect(again.binding).toEqual(session.binding);
    expect(again.errors()).toEqual(session.errors());
    reopened.editCell(table, rowOf(reopened, table, '1.3.2'), H.weight, '25');
    reopened.editCell(table, rowOf(reopened, table, '1.3.3'), H.actual, '96%');
    expect(await again.sync()).toMatchObject({ sent: 2, rejected: 0 });
    expect((await serverRow('1.3.3'))!.actual!.raw).toBe('96%');
    expect(reopened.fill(table, rowOf(reopened, table, '1.3.2'), H.weight)).toBeNull();
  });
});
