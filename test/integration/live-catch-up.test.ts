/**
 * A subscriber's catch-up after a reconnect follows commit order (issue 15, B8: "1 acknowledged row never seen by
 * the reconnected subscriber"). Two instances over one PostgreSQL, meeting through Redis: the pane on instance B
 * reads its rows while a colleague's sync on instance A has written and not committed; its socket drops; the sync
 * commits (its event reaches nobody of this pane); the pane reconnects and catches up as the add-in does
 * (addin/src/taskpane/live-view.ts: sheetRows after its last read's cursor) and finds the row. With the time of the
 * read as `since` that row was never seen: its `updatedAt` was stamped before the read.
 */
import { listen, socketUrl, subscribed } from '../helpers/live';
import { describeInstances, withInstances } from '../helpers/instances';
import { openSync } from '../helpers/open-sync';
import { currentRow, edit, pastMillisecond, readRows, type SheetRowsPage } from '../helpers/sync';

const describeIfReady = describeInstances('two-instance live tests');

describeIfReady('live catch-up after a reconnect (two instances, PostgreSQL + Redis)', () => {
  const { a, b, plan } = withInstances('live-catch-up');

  it('a subscriber that missed a committed sync while down catches up with its row', async () => {
    const row = await currentRow(b, plan.planId, 'indicator', '2.1.2');
    const vars = { planId: plan.planId, year: 2022 };
    const first = listen(socketUrl(b), b.token, vars);
    let lastRead: SheetRowsPage | null = null;
    try {
      await subscribed(b, 1);
      const outcome = await openSync(a, plan.planId, [edit(row, { actual: '27' })], async () => {
        // the pane's last read on B, while the sync on A is open; then its socket drops before the commit
        await pastMillisecond(new Date().toISOString());
        lastRead = await readRows(b, plan.planId);
        await first.stop();
        await subscribed(b, 0);
      });
      expect(outcome.rows[0].status).toBe('updated');
      expect(first.events).toEqual([]);
      const seen = lastRead as SheetRowsPage | null;
      expect(seen?.rows.find((r) => r.rowId === row.rowId)?.rowVersion).toBe(row.rowVersion);

      // back: subscribed again, and what it missed comes by the same road as polling
      const again = listen(socketUrl(b), b.token, vars);
      try {
        await subscribed(b, 1);
        const caughtUp = await readRows(b, plan.planId, { after: seen!.cursor });
        expect(caughtUp.rows.find((r) => r.rowId === row.rowId)).toMatchObject({
          rowVersion: outcome.rows[0].rowVersion,
          actual: { raw: '27' },
        });
        expect([...first.errors, ...again.errors]).toEqual([]);
      } finally {
        await again.stop();
      }
    } finally {
      await first.stop();
    }
  });
});
