import { openSync } from '../helpers/open-sync';
import { describeOnSondrio } from '../helpers/sondrio-server';
import type { TestServer } from '../helpers/server';
import { edit, pastMillisecond, problems, readRows, SHEET_ROWS, type SheetRowsPage } from '../helpers/sync';

/**
 * The delta cursor of sheetRows follows commit order (issue 15, B8's catch-up): a sync whose rows were written before
 * a pane's read and committed after it is in that pane's next delta. A time taken at the read missed it: the rows'
 * `updatedAt` is stamped at the flush, before the commit. The sync runs in this process on the server's own ORM, so
 * that it can stay open (its afterWrite seam) while the pane reads over HTTP; the reads are the pane's, over HTTP.
 */

/** The pane's read while the sync's rows are written and not committed, a millisecond after they were stamped. */
async function readWhileOpen(server: TestServer, planId: string, pages: SheetRowsPage[]): Promise<void> {
  await pastMillisecond(new Date().toISOString());
  pages.push(await readRows(server, planId));
}

describeOnSondrio('sheet rows: the delta cursor follows commit order (%s)', (sondrio) => {
  it('lists a row a sync wrote before a read and committed after it, then not again', async () => {
    const { server, plan, sheet } = sondrio;
    const row = await sheet.row('indicator', '3.1.1');
    const during: SheetRowsPage[] = [];
    const outcome = await openSync(server, plan.planId, [edit(row, { actual: '19' })], () =>
      readWhileOpen(server, plan.planId, during),
    );
    expect(outcome.rows[0].status).toBe('updated');
    // the read did not see the uncommitted row: its version is the old one
    expect(during[0].rows.find((r) => r.rowId === row.rowId)?.rowVersion).toBe(row.rowVersion);

    const delta = await sheet.read({ after: during[0].cursor });
    expect(delta.rows.map((r) => [r.rowId, r.rowVersion])).toContainEqual([row.rowId, outcome.rows[0].rowVersion]);
    expect(delta.rows.find((r) => r.rowId === row.rowId)?.actual?.raw).toBe('19');
    // nothing committed since the delta: the next one is empty
    expect(await sheet.read({ after: delta.cursor })).toMatchObject({ rows: [], deletedRowIds: [] });
  });

  it('lists a row a sync deleted before a read and committed after it', async () => {
    const { server, plan, sheet } = sondrio;
    const row = await sheet.row('indicator', '1.4.2');
    const during: SheetRowsPage[] = [];
    const outcome = await openSync(server, plan.planId, [edit(row, { delete: true })], () =>
      readWhileOpen(server, plan.planId, during),
    );
    expect(outcome.rows[0].status).toBe('deleted');
    expect(during[0].rows.map((r) => r.rowId)).toContain(row.rowId);

    const delta = await sheet.read({ after: during[0].cursor });
    expect(delta.deletedRowIds).toEqual([row.rowId]);
    expect(await sheet.read({ after: delta.cursor })).toMatchObject({ rows: [], deletedRowIds: [] });
  });

  it('refuses a cursor of another plan or none at all, and keeps answering `since` as before', async () => {
    const { server, plan, sheet } = sondrio;
    const { cursor, serverTime } = await sheet.read();
    const vars = { planId: plan.planId, year: 2022, checkpoint: 'YEAR_END' };
    // a cursor is the plan's id and count: one naming another row than the plan is not this plan's
    const other = Buffer.from(`${plan.rows[0].rowId}:1`).toString('base64url');
    for (const after of [other, 'not a cursor']) {
      const refused = await server.gql(SHEET_ROWS, { ...vars, after });
      expect(problems(refused)).toMatchObject([{ field: 'after', code: 'BAD_CURSOR' }]);
      expect(refused.errors![0].extensions!.problems).toMatchObject([
        { messageIt: expect.stringContaining('non è un cursore di questo piano') },
      ]);
    }
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const quiet = await sheet.read({ since: serverTime });
    expect(quiet.deletedRowIds).toEqual([]);
  });
});
