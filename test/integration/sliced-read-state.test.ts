import type { EntityManager } from '@mikro-orm/core';
import { Indicator } from '../../server/entities';
import { bumpPlanNow } from '../../server/services/plan-change-counter';
import { loadPlanSnapshot } from '../../server/services/plan-snapshot';
import { readRows } from '../../server/speed/read-rows';
import { SLICE_ROWS } from '../../server/speed/read-slices';
import { databaseNames } from '../helpers/databases';
import { startServer, type TestServer } from '../helpers/server';
import { buildPlan, SEVERAL_SLICES } from '../helpers/synthetic-plan';

/** Called after each slice read by read-rows (the test's hook: a write committed between two slices). */
let afterRead: ((entity: unknown, rows: unknown[]) => Promise<void>) | null = null;

jest.mock('../../server/speed/read-rows', () => {
  const actual = jest.requireActual('../../server/speed/read-rows');
  return {
    ...actual,
    readRows: async (...args: Parameters<typeof readRows>) => {
      const rows = await actual.readRows(...args);
      if (afterRead) await afterRead(args[1], rows);
      return rows;
    },
  };
});

/**
 * A request's sliced read of a plan (server/services/plan-snapshot.ts, issue 13 item 5) reads a thousand rows per
 * statement and gives the event loop away between them. A batch committed between two slices must not show in the
 * second and not in the first: one answer sees one state of the plan (PostgreSQL: one REPEATABLE READ transaction;
 * SQLite: the read is checked against the plan's change stamp and made again).
 */
describe.each(databaseNames())('a sliced read of a plan sees one state (%s)', (dialect) => {
  let server: TestServer;
  let planId: string;

  beforeAll(async () => {
    server = await startServer(dialect);
    // more indicators than one slice: the read of them takes two statements
    ({ planId } = await buildPlan(server.orm.em, 'SLICE', SEVERAL_SLICES));
  }, 120_000);
  afterAll(() => server.close());
  afterEach(() => (afterRead = null));

  /** Renames the first and the last indicator (by id: the order of the slices) in one committed batch. */
  const renameBoth = (em: EntityManager, ids: string[], title: string) =>
    em.fork().transactional(async (tx) => {
      for (const id of ids) await tx.nativeUpdate(Indicator, { id }, { title });
      await bumpPlanNow(tx, planId);
    });

  it('a batch committed between two slices is seen by all of the read or by none of it', async () => {
    const all = await readRows(server.orm.em.fork(), Indicator, { plan: planId }, { id: 'asc' });
    expect(all.length).toBeGreaterThan(SLICE_ROWS);
    const [first, last] = [all[0].id, all[all.length - 1].id];
    await renameBoth(server.orm.em, [first, last], 'prima');

    let committed = 0;
    afterRead = async (entity, rows) => {
      // right after the first slice of indicators, once: the first indicator is read, the last one is not yet
      if (entity !== Indicator || rows.length !== SLICE_ROWS || committed > 0) return;
      committed++;
      await renameBoth(server.orm.em, [first, last], 'dopo');
    };
    const snapshot = await loadPlanSnapshot(server.orm.em.fork(), planId, null, { readOnly: true, sliced: true });
    expect(committed).toBe(1);
    const titleOf = (id: string) => snapshot.indicators.find((i) => i.id === id)!.title;
    expect(snapshot.indicators).toHaveLength(all.length);
    // never 'prima' for one and 'dopo' for the other
    expect(titleOf(last)).toBe(titleOf(first));
    // PostgreSQL keeps the state the read began with; SQLite reads again after the change
    expect(titleOf(first)).toBe(dialect === 'postgresql' ? 'prima' : 'dopo');
  }, 120_000);

  it('a read told to stop reads no slice after it, and fails with the reason', async () => {
    // a read of a stamp whose state its writer kept meanwhile (score-snapshots.ts, keep) is no longer wanted
    const stop = new AbortController();
    let after = 0;
    afterRead = async (entity, rows) => {
      if (stop.signal.aborted) after++;
      else if (entity === Indicator && rows.length === SLICE_ROWS) stop.abort(new Error('kept meanwhile'));
    };
    const read = loadPlanSnapshot(server.orm.em.fork(), planId, null, {
      readOnly: true,
      sliced: true,
      stop: stop.signal,
    });
    await expect(read).rejects.toThrow('kept meanwhile');
    expect(stop.signal.aborted).toBe(true);
    expect(after).toBe(0);
    // the connection it held is back: the next read is whole
    afterRead = null;
    const again = await loadPlanSnapshot(server.orm.em.fork(), planId, null, { readOnly: true, sliced: true });
    expect(again.indicators.length).toBeGreaterThan(SLICE_ROWS);
  }, 120_000);
});
