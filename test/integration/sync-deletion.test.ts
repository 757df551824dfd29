import { Indicator, Target, TargetRevision } from '../../server/entities';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { changedRows, edit, outcomes } from '../helpers/sync';

/**
 * Deleting sheet rows over HTTP on the Sondrio plan: only the rows sent with delete: true go, an objective goes
 * with its children, and a parent whose children stay is kept.
 */

describeOnSondrio('sheet sync: deletion (%s)', (sondrio) => {
  it('deletes only the rows sent with delete: true; rows missing from a batch stay', async () => {
    const { server, plan, sheet } = sondrio;
    const before = await sheet.read();
    const gone = plan.indicator('1.4.2');
    const kept = plan.indicator('1.4.1');
    const result = await sheet.sync([{ rowId: kept.rowId, rowVersion: kept.rowVersion }, edit(gone, { delete: true })]);
    expect(result.rows.map((r) => [r.status, r.rowVersion, r.errors])).toEqual([
      ['UNCHANGED', kept.rowVersion, []],
      ['DELETED', null, []],
    ]);
    expect(result.applied).toBe(1);
    const after = await sheet.read();
    expect(after.rows.find((r) => r.rowId === gone.rowId)).toBeUndefined();
    expect(after.rows).toHaveLength(before.rows.length - 1);
    expect(changedRows(before.rows, after.rows, [gone.rowId])).toEqual([]);
    const em = server.orm.em.fork();
    expect(await em.count(Indicator, { id: gone.rowId })).toBe(0);
    expect(await em.count(Target, { indicator: gone.rowId })).toBe(0);
    const history = await sheet.history(gone.rowId);
    // (the case of action is the audit trail's concern, tested there)
    expect(history[0]).toMatchObject({
      entityType: 'Indicator',
      entityId: gone.rowId,
      action: expect.stringMatching(/^delete$/i),
      after: null,
      before: expect.objectContaining({ code: '1.4.2' }),
    });
  });

  it('deletes an objective together with all its children in one batch, and lists them in a later delta read', async () => {
    const { server, plan, sheet } = sondrio;
    const { serverTime } = await sheet.deltaStart();
    const objective = plan.operational('2.2');
    const children = ['2.2.1', '2.2.2', '2.2.3', '2.2.4'].map((code) => plan.indicator(code));
    const result = await sheet.sync([objective, ...children].map((r) => edit(r, { delete: true })));
    expect(result.rows.map((r) => [r.status, r.errors])).toEqual(Array(5).fill(['DELETED', []]));
    const ids = [objective.rowId, ...children.map((c) => c.rowId)];
    const { rows } = await sheet.read();
    expect(rows.filter((r) => ids.includes(r.rowId))).toEqual([]);
    const em = server.orm.em.fork();
    expect(await em.count(Target, { indicator: { $in: ids } })).toBe(0);
    expect(await em.count(TargetRevision, { target: { indicator: { $in: ids } } })).toBe(0);

    const delta = await sheet.read({ since: serverTime });
    expect([...delta.deletedRowIds].sort()).toEqual([...ids].sort());
    expect(delta.rows.filter((r) => ids.includes(r.rowId))).toEqual([]);
  });

  it('keeps a parent whose children could not be deleted', async () => {
    const { plan, sheet } = sondrio;
    const strategic = plan.strategic('6');
    const operational = plan.operational('6.1');
    const before = await sheet.read();
    // 6.1 still has 6.1.1 and 6.1.2, which are not in the batch: 6.1 stays, so 6 must stay too
    const result = await sheet.sync([strategic, operational].map((r) => edit(r, { delete: true })));
    expect(outcomes(result)).toEqual([
      ['REJECTED', ['delete:HAS_CHILDREN']],
      ['REJECTED', ['delete:HAS_CHILDREN']],
    ]);
    const after = await sheet.read();
    expect(changedRows(before.rows, after.rows, [])).toEqual([]);
  });
});
