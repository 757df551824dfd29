/**
 * The add-in's sync logic end to end against the real server: a MemoryWorkbook plays Excel and the user, the
 * session talks HTTP. Load → edit → Sync → the database and the sheet both show the change.
 */
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import { H, withLoadedWorkbook, openSession, rowOf, typeRows } from '../helpers/addin-session';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { ok, readRows } from '../helpers/sync';

describeOnSondrio('add-in sync on %s', (sondrio) => {
  const book = withLoadedWorkbook(sondrio);

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

  test('Load writes the plan as a new book.table in the canonical layout, bound in the settings without the token', async () => {
    const data = book.wb.table(book.table)!;
    expect(data.rowCount).toBe(sondrio.plan.rows.length);
    expect(data.headers).toEqual(Object.values(H));
    expect(book.wb.columnSetup(book.table, H.rowId)).toMatchObject({ hidden: true });
    expect(book.wb.columnSetup(book.table, H.rowHash)).toMatchObject({ hidden: true });
    expect(book.wb.columnSetup(book.table, H.polarity)?.list).toContain('maggiore');
    expect(book.wb.columnSetup(book.table, H.realization)?.numberFormat).toBe('0.00%');
    const r = book.row('1.1.2');
    expect(book.wb.cell(book.table, r, H.rowId)).toBe(sondrio.plan.indicator('1.1.2').rowId);
    expect(book.wb.cell(book.table, r, H.target)).toBe('12');
    expect(book.wb.cell(book.table, r, H.thresholds)).toBe('80%: 10; 60%: 8');
    expect(book.wb.cell(book.table, r, H.parentCode)).toBe('1.1');
    expect(book.session.binding).toMatchObject({
      planId: sondrio.plan.planId,
      year: 2022,
      checkpoint: 'YEAR_END',
      table: book.table,
      language: 'it',
    });
    expect(book.wb.serialize()).not.toContain(sondrio.server.token);
    // Sondrio's strategic pass marks are 80% and 100%: green starts at the lowest
    expect(book.wb.lights(book.table)).toEqual({ column: H.realization, green: 0.8, yellow: 0.6 });
    expect(book.wb.chart(`${book.table}_Realizzazione`)?.categories).toHaveLength(
      sondrio.plan.rows.filter((x) => x.level === 'STRATEGIC').length,
    );
    // nothing edited: nothing to send
    expect((await book.session.sync()).sent).toBe(0);
  });

  test('an edited actual is sent alone, lands in the database, and its realization and totals come back', async () => {
    const r = book.row('1.1.2');
    const hints: Array<number[] | 'unknown'> = [];
    const stop = await book.session.watchEdits((rows) => hints.push(rows));
    book.wb.editCell(book.table, r, H.actual, '11');
    await stop();
    expect(hints).toEqual([[r]]);
    expect(await book.session.pendingChanges()).toBe(1);
    const progress: Array<[string, number, number]> = [];
    book.session.onProgress((p) => progress.push([p.operation, p.done, p.total]));
    const summary = await book.session.sync();
    expect(progress).toEqual([
      ['sync', 0, 1],
      ['sync', 1, 1],
    ]);
    expect(summary).toMatchObject({ sent: 1, updated: 1, rejected: 0, conflicts: 0, offline: false, pending: 0 });
    expect((await serverRow('1.1.2'))!.actual!.raw).toBe('11');
    expect(book.wb.cell(book.table, r, H.realization)).toBe(0.8); // bands: 11 ≥ 10 → 80%
    expect(book.wb.cell(book.table, r, H.syncStatus)).toBe('AGGIORNATA');
    expect(book.wb.cell(book.table, r, H.rowVersion)).toBe((await serverRow('1.1.2'))!.rowVersion);
    // the objectives above it show the server's recomputed totals
    expect(book.wb.cell(book.table, book.row('1.1', 'obiettivo operativo'), H.realization)).toBe(
      await realizationOf('operationalObjectives', '1.1'),
    );
    const strategic = await realizationOf('strategicObjectives', '1');
    expect(book.wb.cell(book.table, book.row('1', 'obiettivo strategico'), H.realization)).toBe(strategic ?? '');
    expect(book.wb.chart(`${book.table}_Realizzazione`)!.values[0]).toBe(strategic);
    expect((await book.session.sync()).sent).toBe(0);
  });

  test('new rows are created under existing and new parents in one Sync', async () => {
    typeRows(book.wb, book.table, [
      [H.level, H.code, H.title, H.parentCode, H.weight, H.target, H.actual, H.polarity, H.thresholds],
      ['azione', '1.1.5', 'Nuova azione', '1.1', '10', '20', '19', 'maggiore', '80%: 18; 60%: 15'],
      ['obiettivo operativo', '1.9', 'Nuovo obiettivo', '1', '5'],
      ['azione', '1.9.1', 'Azione del nuovo obiettivo', '1.9', '100', '10', '10'],
    ]);
    const summary = await book.session.sync();
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
    const r = book.row('1.1.5');
    expect(book.wb.cell(book.table, r, H.rowId)).toBe(created!.rowId);
    expect(book.wb.cell(book.table, r, H.realization)).toBe(0.8);
    expect(book.wb.cell(book.table, book.row('1.9.1'), H.realization)).toBe(1);
    expect((await book.session.sync()).sent).toBe(0);
  });

  test('a refused cell is marked with its reason while the good rows land; fixing it clears the mark', async () => {
    const bad = book.row('1.1.3');
    const good = book.row('1.1.4');
    book.wb.editCell(book.table, bad, H.weight, 'abc');
    book.wb.editCell(book.table, good, H.actual, 'luglio');
    const summary = await book.session.sync();
    expect(summary).toMatchObject({ sent: 2, updated: 1, rejected: 1, pending: 1 });
    expect((await serverRow('1.1.4'))!.actual!.raw).toBe('luglio');
    expect((await serverRow('1.1.3'))!.weight).toBe(25);
    expect(book.wb.fill(book.table, bad, H.weight)).toBe('#FFC7CE');
    expect(book.wb.fill(book.table, bad, H.actual)).toBeNull();
    expect(book.wb.cell(book.table, bad, H.syncStatus)).toBe('RIFIUTATA');
    expect(String(book.wb.cell(book.table, bad, H.syncMessage))).toContain('Peso: "abc" non è un numero');
    const errors = book.session.errors();
    expect(errors).toEqual([
      expect.objectContaining({
        row: bad,
        column: 'weight',
        header: H.weight,
        code: 'NOT_A_NUMBER',
        rowId: sondrio.plan.indicator('1.1.3').rowId,
      }),
    ]);
    await book.session.selectError(errors[0]);
    expect(book.wb.selection).toEqual({
      sheet: book.session.binding!.sheet,
      table: book.table,
      row: bad,
      column: H.weight,
    });

    book.wb.editCell(book.table, bad, H.weight, '25');
    expect(await book.session.sync()).toMatchObject({ sent: 1, unchanged: 1, rejected: 0 });
    expect(book.wb.fill(book.table, bad, H.weight)).toBeNull();
    expect(book.session.errors()).toEqual([]);
  });

  test('rows sorted and inserted between Syncs keep their identity', async () => {
    book.wb.sortBy(book.table, H.code, true);
    book.wb.insertRowAt(book.table, 3);
    book.wb.insertRowAt(book.table, 10);
    const r = book.row('1.3.1');
    book.wb.editCell(book.table, r, H.actual, '13%');
    expect(await book.session.sync()).toMatchObject({ sent: 1, updated: 1, rejected: 0 });
    expect((await serverRow('1.3.1'))!.actual!.raw).toBe('13%');
    // every row still carries the id of the row with its code
    const byId = new Map((await readRows(sondrio.server, sondrio.plan.planId)).rows.map((x) => [x.rowId, x]));
    const ids = book.wb.column(book.table, H.rowId);
    const codes = book.wb.column(book.table, H.code);
    const titles = book.wb.column(book.table, H.title);
    ids.forEach((id, i) => {
      if (!id) return;
      const row = byId.get(String(id))!;
      expect([row.code ?? '', row.title]).toEqual([String(codes[i]), titles[i]]);
    });
  });

  test('ELIMINA in the status column deletes a row; a row removed from the sheet deletes nothing', async () => {
    const r = book.row('1.9.1');
    book.wb.editCell(book.table, r, H.syncStatus, 'ELIMINA');
    expect(await book.session.sync()).toMatchObject({ sent: 1, deleted: 1 });
    expect(await serverRow('1.9.1')).toBeUndefined();
    expect(() => book.row('1.9.1')).toThrow();

    const before = (await readRows(sondrio.server, sondrio.plan.planId)).rows.length;
    book.wb.deleteRowAt(book.table, book.row('1.1.5'));
    expect((await book.session.sync()).sent).toBe(0);
    expect((await readRows(sondrio.server, sondrio.plan.planId)).rows.length).toBe(before);
  });

  test('closing and reopening the workbook keeps the binding, hashes and errors', async () => {
    book.wb.editCell(book.table, book.row('1.3.2'), H.weight, 'x');
    await book.session.sync();
    const reopened = MemoryWorkbook.deserialize(book.wb.serialize());
    expect(reopened.listenerCount()).toBe(0);
    const again = await openSession(sondrio.server, reopened);
    expect(again.binding).toEqual(book.session.binding);
    expect(again.errors()).toEqual(book.session.errors());
    reopened.editCell(book.table, rowOf(reopened, book.table, '1.3.2'), H.weight, '25');
    reopened.editCell(book.table, rowOf(reopened, book.table, '1.3.3'), H.actual, '96%');
    expect(await again.sync()).toMatchObject({ sent: 2, rejected: 0 });
    expect((await serverRow('1.3.3'))!.actual!.raw).toBe('96%');
    expect(reopened.fill(book.table, rowOf(reopened, book.table, '1.3.2'), H.weight)).toBeNull();
  });
});
