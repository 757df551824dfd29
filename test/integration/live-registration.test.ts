/**
 * A change committed between the socket's opening and the subscription's registration on the server reaches the
 * subscriber (issue 15, B8). The add-in's live client (addin/src/api/live.ts) says `live` when the server sends its
 * `subscribed` event, and the pane catches up from its last cursor then (taskpane/live-view.ts); a write committed
 * while the server holds the registration (a hold, not a pause: test/helpers/live.ts holdRegistration) is in that
 * catch-up. Before, the client was live when the socket opened: its catch-up read ran before the write, and the
 * write's event reached no one. On one instance (SQLite, the hub in memory) and on two (PostgreSQL + Redis: the
 * subscriber on B, the write on A).
 */
import WebSocket from 'ws';
import { type LiveState, type PlanChange, subscribePlan } from '../../addin/src/api/live';
import { holdRegistration, until } from '../helpers/live';
import { describeInstances, withInstances } from '../helpers/instances';
import { withSondrioServer } from '../helpers/sondrio-server';
import type { TestServer } from '../helpers/server';
import { currentRow, edit, readRows, type SheetRowsPage, sync } from '../helpers/sync';

async function writeWhileRegistering(writer: TestServer, subscriber: TestServer, planId: string): Promise<void> {
  const row = await currentRow(writer, planId, 'indicator', '2.1.2');
  // the pane's last read: where its catch-up starts
  const last = await readRows(subscriber, planId);
  const hold = holdRegistration(subscriber);
  const heard: PlanChange[] = [];
  const states: LiveState[] = [];
  let catchUp: Promise<SheetRowsPage> | null = null;
  const live = subscribePlan(
    { serverUrl: subscriber.url, token: subscriber.token, planId, year: 2022, checkpoint: 'YEAR_END' },
    {
      change: (change) => heard.push(change),
      // what the pane does when live (live-view.ts: the same road as polling, sheetRows after its cursor)
      state: (state) => {
        states.push(state);
        if (state === 'live') catchUp ??= readRows(subscriber, planId, { after: last.cursor });
      },
    },
    { webSocketImpl: WebSocket },
  );
  try {
    await hold.held;
    // a catch-up begun before the registration ends before the write: that order is the window
    await (catchUp as Promise<SheetRowsPage> | null);
    const written = await sync(writer, { planId, rows: [edit(row, { actual: '31' })] });
    expect(written.rows[0].status).toBe('UPDATED');
    hold.release();
    await until(() => catchUp !== null);
    const caughtUp = await (catchUp as Promise<SheetRowsPage> | null);
    expect(caughtUp?.rows.find((r) => r.rowId === row.rowId)).toMatchObject({
      rowVersion: written.rows[0].rowVersion,
      actual: { raw: '31' },
    });
    // the server's `subscribed` event is no change for the pane
    expect(heard.filter((c) => c.rows.length === 0 && c.scores.length === 0)).toEqual([]);
    expect(states).toEqual(['connecting', 'live']);
  } finally {
    hold.release();
    await live.close();
  }
}

describe('a write committed while the subscription registers (sqlite, hub in memory)', () => {
  const sondrio = withSondrioServer('sqlite');

  it('is in the catch-up the client reads once the server says it listens', async () => {
    await writeWhileRegistering(sondrio.server, sondrio.server, sondrio.plan.planId);
  });
});

describeInstances('two-instance registration tests')(
  'a write committed on A while the subscription registers on B (PostgreSQL + Redis)',
  () => {
    const { a, b, plan } = withInstances('live-registration');

    it('is in the catch-up the client reads once B says it listens', async () => {
      await writeWhileRegistering(a, b, plan.planId);
    });
  },
);
