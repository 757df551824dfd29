import { describeOnSondrio } from '../helpers/sondrio-server';
import { edit, newAction, type SheetRowIn } from '../helpers/sync';

/** Delta reads of the sheet rows on the Sondrio plan: after a read, only what changed since, in a full read's shape. */

describeOnSondrio('sheet sync: delta reads (%s)', (sondrio) => {
  it('returns only the rows changed after a read, in the same shape as a full read', async () => {
    const { plan, sheet } = sondrio;
    const first = await sheet.deltaStart();
    const a = plan.indicator('3.1.1');
    const b = plan.indicator('3.3.1');
    const result = await sheet.sync([
      edit(a, { actual: '18' }),
      edit(b, { note: 'dato provvisorio' }),
      newAction('N', plan.operational('3.3').rowId, '3.3.5', '30'),
    ]);
    expect(result.rows.map((r) => r.status)).toEqual(['UPDATED', 'UPDATED', 'CREATED']);
    const changed = [a.rowId, b.rowId, result.rows[2].rowId!];

    const delta = await sheet.read({ since: first.serverTime });
    expect(delta.deletedRowIds).toEqual([]);
    expect(delta.rows.map((r) => r.rowId).sort()).toEqual([...changed].sort());
    const full = await sheet.read();
    expect(full.rows).toHaveLength(first.rows.length + 1);
    for (const row of delta.rows) expect(row).toEqual(full.rows.find((r) => r.rowId === row.rowId));
    expect(Date.parse(delta.serverTime)).toBeGreaterThanOrEqual(Date.parse(first.serverTime));

    // nothing changed since the last read: an empty delta
    const quiet = await sheet.read({ since: full.serverTime });
    expect(quiet).toMatchObject({ rows: [], deletedRowIds: [] });
  });

  /**
   * `cells` sent for the indicator `code` after a read: the row is updated with a new version, and the delta since
   * that read lists it alone.
   */
  async function onlyChange(code: string, cells: SheetRowIn) {
    const { sheet } = sondrio;
    const { serverTime } = await sheet.deltaStart();
    const row = await sheet.row('indicator', code);
    const result = await sheet.sync([edit(row, cells)]);
    expect(result.rows[0]).toMatchObject({ status: 'UPDATED', errors: [] });
    expect(result.rows[0].rowVersion).not.toBe(row.rowVersion);
    const delta = await sheet.read({ since: serverTime });
    expect(delta.rows.map((r) => r.code)).toEqual([code]);
    return { row, changed: delta.rows[0] };
  }

  it('lists a row whose only change is a future target', async () => {
    const { changed } = await onlyChange('3.3.2', { futureTargets: [{ year: 2023, value: '6' }] });
    expect(changed.futureTargets).toMatchObject([
      { year: 2023, value: { raw: '6' } },
      { year: 2024, value: { raw: '6' } },
    ]);
  });

  it('gives a new version to, and lists, a row whose only change is its responsible units', async () => {
    const { row, changed } = await onlyChange('3.3.3', { responsibleUnit: 'U.O. "Ragioneria"' });
    expect(changed.responsibleUnits).toEqual(['U.O. "Ragioneria"']);
    // a colleague who read the row before this change must get a conflict, not overwrite it unseen
    const colleague = await sondrio.sheet.sync([
      edit(row, { responsibleUnit: 'Area III "Anagrafico - certificativa"' }),
    ]);
    expect(colleague.rows[0].status).toBe('CONFLICT');
  });
});
