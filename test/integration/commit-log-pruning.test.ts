import { pruneCommits } from '../../server/services/commit-order';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { edit, sync } from '../helpers/sync';

/**
 * The sheet's commit log (plan_commit, server/services/commit-order.ts) keeps the last COMMIT_LOG_KEEP commits of a
 * plan, not every commit since the plan was made. A cursor from inside the window still gets its delta; one older
 * than the window gets every row of the sheet (the add-in drops those it holds at the same version), never a delta
 * from the commits still recorded, which would miss the rows of the pruned ones.
 */
describeOnSondrio('sheet rows: the commit log is pruned (%s)', (sondrio) => {
  it('keeps the last commits of a plan, serves deltas inside them and the whole sheet to an older cursor', async () => {
    const { server, plan, sheet } = sondrio;
    const codes = ['2.1.2', '3.1.1', '1.4.2'];
    const rows = await Promise.all(codes.map((code) => sheet.row('indicator', code)));
    const whole = await sheet.read();
    const cursors = [whole.cursor];
    for (const [k, row] of rows.entries()) {
      const outcome = await sync(server, {
        planId: plan.planId,
        year: 2022,
        checkpoint: 'YEAR_END',
        mode: 'PARTIAL',
        rows: [edit(row, { actual: String(41 + k) })],
      });
      expect(outcome.rows[0].status).toBe('UPDATED');
      cursors.push((await sheet.read({ after: cursors.at(-1) })).cursor);
    }

    // the last two commits kept: the first sync's is gone
    expect(await pruneCommits(server.orm.em.fork(), 2)).toBeGreaterThan(0);
    const [kept] = await server.orm.em
      .fork()
      .getConnection()
      .execute('select count(*) as n from plan_commit where plan_id = ?', [plan.planId]);
    expect(Number(kept.n)).toBe(2);

    // inside the window: the delta, the two later rows only
    const delta = await sheet.read({ after: cursors[1] });
    expect(delta.rows.map((r) => r.rowId).sort()).toEqual([rows[1].rowId, rows[2].rowId].sort());
    // older than the window: every row, the first sync's among them, with what it wrote
    const older = await sheet.read({ after: cursors[0] });
    expect(older.rows.map((r) => r.rowId).sort()).toEqual(whole.rows.map((r) => r.rowId).sort());
    expect(older.rows.find((r) => r.rowId === rows[0].rowId)?.actual?.raw).toBe('41');
    // and the newest cursor still says nothing changed
    expect(await sheet.read({ after: cursors[3] })).toMatchObject({ rows: [], deletedRowIds: [] });
  });
});
