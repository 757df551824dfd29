import { describeOnSondrio } from '../helpers/sondrio-server';
import { changedRows, edit, outcomes, sync } from '../helpers/sync';

/**
 * A row that names an existing row must say which version of it the sheet saw: without one, a change made meanwhile
 * by someone else would be overwritten unseen (issue 13, finding 12: "rowId without rowVersion overwrites blindly").
 * Such a row is refused on its version column; the good rows of a partial batch still land.
 */
describeOnSondrio('sheet sync: a row version is required (%s)', (sondrio) => {
  it('refuses a row with an id and no version, in Italian and English, and keeps the good rows', async () => {
    const { server, plan, sheet } = sondrio;
    const blind = plan.indicator('3.1.1');
    const versioned = plan.indicator('3.3.1');
    const parent = plan.operational('3.3');
    const before = await sheet.read();
    const result = await sync(server, {
      planId: plan.planId,
      mode: 'PARTIAL',
      rows: [
        { rowId: blind.rowId, actual: '18' },
        edit(versioned, { actual: '7' }),
        { rowId: parent.rowId, rowVersion: null, title: 'Titolo riscritto' },
        { rowId: plan.indicator('3.3.2').rowId, delete: true },
      ],
    });
    expect(outcomes(result)).toEqual([
      ['REJECTED', ['rowVersion:VERSION_REQUIRED']],
      ['UPDATED', []],
      ['REJECTED', ['rowVersion:VERSION_REQUIRED']],
      ['REJECTED', ['rowVersion:VERSION_REQUIRED']],
    ]);
    expect(result.applied).toBe(1);
    expect(result.rows[0].errors[0].messageIt).toMatch(/^manca la versione della riga/);
    expect(result.rows[0].errors[0].message).toMatch(/^the row version is missing/);

    const after = await sheet.read();
    expect(changedRows(before.rows, after.rows, [versioned.rowId])).toEqual([]);
    expect(after.rows.find((r) => r.rowId === versioned.rowId)!.actual?.raw).toBe('7');
    expect(after.rows.find((r) => r.rowId === blind.rowId)!.actual).toEqual(blind.actual);
  });

  it('in an atomic batch, refuses the whole batch', async () => {
    const { server, plan, sheet } = sondrio;
    const before = await sheet.read();
    const a = before.rows.find((r) => r.code === '3.1.1')!;
    const b = before.rows.find((r) => r.code === '3.3.1')!;
    const result = await sync(server, {
      planId: plan.planId,
      mode: 'ATOMIC',
      rows: [edit(a, { actual: '19' }), { rowId: b.rowId, actual: '8' }],
    });
    expect(outcomes(result)).toEqual([
      ['REJECTED', ['*:BATCH_FAILED']],
      ['REJECTED', ['rowVersion:VERSION_REQUIRED']],
    ]);
    expect(changedRows(before.rows, (await sheet.read()).rows, [])).toEqual([]);
  });
});
