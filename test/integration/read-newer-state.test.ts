/**
 * A read of a stamp whose plan state another reader is still reading (a pane's sliced read of the whole plan, 13-20 s
 * on a loaded event loop: bench B4-pg, session pgturn) waited for that read even when the state of a later stamp was
 * kept meanwhile (a told patch applied, server/sync/shared-states.ts): the likeliest path of the five ~16 s score
 * reads of session pgturn4. It takes that later state now, with that stamp's cursor (keepNewest,
 * server/services/newest-kept.ts). The read of the older stamp is held here for the whole test, as a loaded machine
 * holds it.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { cursorOf } from '../../server/services/commit-order';
import { bumpPlanNow } from '../../server/services/plan-change-counter';
import { snapshotBytes } from '../../server/services/score-snapshots';
import { loadPlanState, SHEET_STATES } from '../../server/sync/plan-state';
import { holdStateRead } from '../helpers/held-state-read';
import { HANG_GUARD_MS } from '../helpers/live';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { ok } from '../helpers/sync';

const ROWS = /* GraphQL */ `
  query ($planId: ID!) {
    sheetRows(planId: $planId, year: 2022, checkpoint: YEAR_END) {
      cursor
      rows {
        rowId
        rowVersion
      }
    }
  }
`;

const SCORES = /* GraphQL */ `
  query ($planId: ID!) {
    sheetScores(planId: $planId, year: 2022, checkpoint: YEAR_END) {
      rows {
        rowId
        realization {
          score
        }
      }
      complete
    }
  }
`;

/** `promise`, or a failure after the hang guard: the reads below must not wait for the held read */
const withinGuard = <T>(promise: Promise<T>, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still waiting for the held read`)), HANG_GUARD_MS);
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
};

describeOnSondrio('a read waiting for its stamp’s state takes a later stamp’s kept meanwhile (%s)', (sondrio) => {
  it('answers from the later state, with its cursor, while the read of its own stamp is still held', async () => {
    const { server, plan } = sondrio;
    const snapshots = server.app.snapshots;
    const bump = () => server.orm.em.fork().transactional((tx) => bumpPlanNow(tx, plan.planId));
    // a stamp whose state nobody keeps (a commit no sync kept its state after)
    const first = await bump();
    const endRead = holdStateRead(snapshots, first);
    // the panes' reads of that stamp join the held read: the event, counted where they ask for the state
    const keep = snapshots.keep.bind(snapshots);
    let joined: () => void = () => undefined;
    const bothJoined = new Promise<void>((resolve) => (joined = resolve));
    let joins = 0;
    const asked = jest.spyOn(snapshots, 'keep').mockImplementation((...args) => {
      const answer = keep(...args);
      if (args[1]?.value === first.value && ++joins === 2) joined();
      return answer;
    });
    try {
      const rows = server.gql(ROWS, { planId: plan.planId });
      const scores = server.gql(SCORES, { planId: plan.planId });
      await withinGuard(bothJoined, 'the reads asking for the state');

      // a later commit, its state kept as a told patch keeps it (read after its commit: exact at its stamp)
      const later = await bump();
      const state = await loadPlanState(server.orm.em.fork(), plan.planId, 2022, Checkpoint.YEAR_END, {
        readOnly: true,
      });
      expect(
        snapshots.putKept(SHEET_STATES, later, 2022, Checkpoint.YEAR_END, state, snapshotBytes(state.snapshot)),
      ).toBe('kept');

      const page = ok(await withinGuard(rows, 'sheetRows')).sheetRows;
      // the later stamp's rows, with its cursor: a delta from it misses nothing and sends nothing twice
      expect(page.cursor).toBe(cursorOf(plan.planId, later.changeCount));
      expect(page.cursor).not.toBe(cursorOf(plan.planId, first.changeCount));
      expect(page.rows.map((r: { rowId: string }) => r.rowId)).toEqual(plan.rows.map((r) => r.rowId));
      const moved = ok(await withinGuard(scores, 'sheetScores')).sheetScores;
      expect(moved.complete).toBe(true);
      expect(moved.rows).toHaveLength(plan.rows.length);
    } finally {
      asked.mockRestore();
      endRead();
    }
    // its readers answered, the held read failing fails nobody: the next read is the later stamp's, as kept
    const again = ok(await server.gql(ROWS, { planId: plan.planId })).sheetRows;
    expect(again.cursor).toBe(
      cursorOf(plan.planId, (await snapshots.stamp(server.orm.em.fork(), plan.planId))!.changeCount),
    );
  });
});
