/**
 * A sync on instance B whose kept plan state is behind by a batch that instance A committed while B waited for the
 * plan's lock (bench B4 on two instances): B's turn must decide from the rows A wrote, at once, holding the lock.
 * It waited up to 3 s for A's told state instead (kept-state.ts), and then read the whole plan under the lock,
 * whenever a pane's read of the new stamp was building B's state (score-snapshots.ts, keep): the told state was
 * left to that build (session pgturn). The build is held here for the whole turn, as a loaded machine holds it.
 * B's sync is called directly: two servers of one process share the plan queue, which would put B's sync after A's.
 */
import { Checkpoint } from '@core/vocabulary/enums';
import { holdStateRead } from '../helpers/held-state-read';
import { HANG_GUARD_MS } from '../helpers/live';
import { expectSameReads, numericIndicators, partialSync } from '../helpers/seeded-copy';
import { ok, RowVersions, type SheetRow, type SheetRowIn, withoutTimes } from '../helpers/sync';
import { describeOnTwoInstances, syncDirect } from '../helpers/two-instances';
import { type PlanStamp, readPlanStamp } from '../../server/services/plan-stamp';
import { SHEET_STATES } from '../../server/sync/plan-state';
import { toldPatchesOf } from '../../server/sync/told-patches';

describeOnTwoInstances('sync-told-late', 'a turn behind by the other instance’s batch (postgresql + Redis)', (two) => {
  const { kept: a, other: b, computed, plan } = two;
  let indicators: SheetRow[];
  const versions = new RowVersions();
  beforeAll(() => {
    indicators = numericIndicators(plan, 7);
  });

  const direct = (server: typeof a, rows: SheetRowIn[], beforeTurn?: () => Promise<void>) =>
    syncDirect(
      server,
      { planId: plan.planId, year: 2022, checkpoint: Checkpoint.YEAR_END, mode: 'partial', rows },
      beforeTurn,
    );

  /**
   * B's sync reads its state, then A's sync of `first` commits and is told (as while B waits for the plan's lock),
   * `hold` keeping A's told state from B's turn; B then sends `first` at the version before A's write (a conflict,
   * which a stale state would apply) and `second`. B's answer must be the reference's, its turn must neither read the
   * whole plan nor wait for the told state (3 s before).
   */
  async function behindByA([first, second]: SheetRow[], hold: (next: PlanStamp) => () => void) {
    await expectSameReads(a, computed, plan.planId);
    await expectSameReads(b, computed, plan.planId);
    const stamp = await readPlanStamp(b.orm.em.fork(), plan.planId);
    // the stamp A's commit will leave (one bump)
    const next = { ...stamp, value: stamp.value.replace(/\d+$/, String(stamp.changeCount + 1)) };
    next.changeCount += 1;
    const byA = [versions.actual(first, '31')];
    const byB = [versions.actual(first, '32'), versions.actual(second, '33')];
    let statementsOnB = 0;
    const release = hold(next);
    const answerB = await direct(b, byB, async () => {
      expect(ok(await partialSync(a, plan.planId, byA)).syncRows.applied).toBe(1);
      // B has received A's patch (Redis delivers it after A's commit): the event, not a pause guessing its time
      const told = toldPatchesOf(b.app.snapshots);
      expect(await told.leadingTo(plan.planId, 2022, Checkpoint.YEAR_END, next.value, HANG_GUARD_MS)).toBeDefined();
      expect(await readPlanStamp(b.orm.em.fork(), plan.planId)).toEqual(next);
      statementsOnB = b.statements.length;
    });
    const planReads = b.statements.slice(statementsOnB).filter((sql) => /from "target" .*plan/i.test(sql));
    release();
    expect(statementsOnB).toBeGreaterThan(0);
    ok(await partialSync(computed, plan.planId, byA));
    const reference = await direct(computed, byB);
    expect(answerB.rows.map((r) => r.status)).toEqual(['conflict', 'updated']);
    expect(withoutTimes(answerB)).toEqual(withoutTimes(reference));
    // neither the plan read under the lock nor, before it, the wait for the told state (3 s, then that read)
    expect(planReads).toEqual([]);
    await expectSameReads(a, computed, plan.planId);
    await expectSameReads(b, computed, plan.planId);
  }

  it('a pane on B reading the whole plan at A’s stamp: B’s turn gets the told state, not that read', async () => {
    await behindByA([indicators[0], indicators[1]], (next) => holdStateRead(b.app.snapshots, next));
  });

  it('A’s told state not yet applied on B: B’s turn brings its state forward from the rows A wrote', async () => {
    await behindByA([indicators[2], indicators[3]], () => {
      // B keeps nothing told while its turn runs (its pool late, as under load)
      const late = jest.spyOn(b.app.snapshots, 'putKept').mockImplementation(() => 'was kept');
      return () => late.mockRestore();
    });
  });

  it('A’s told state being applied on B when B’s turn needs it: the rows A wrote are read once on B, not twice', async () => {
    const [first, second, third] = [indicators[4], indicators[5], indicators[6]];
    await expectSameReads(a, computed, plan.planId);
    await expectSameReads(b, computed, plan.planId);
    const stamp = await readPlanStamp(b.orm.em.fork(), plan.planId);
    const next = { ...stamp, value: stamp.value.replace(/\d+$/, String(stamp.changeCount + 1)) };
    next.changeCount += 1;
    // B's apply of A's patch (its reads on the pool: forks of B's root entity manager) holds its first statement
    // until B's turn asks for the state being brought, or else until B's sync has ended
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let forks: { mockRestore: () => void } | undefined;
    const told = toldPatchesOf(b.app.snapshots);
    const brought = told.beingBrought.bind(told);
    const asked = jest.spyOn(told, 'beingBrought').mockImplementation((...args) => {
      const running = brought(...args);
      if (running) open();
      return running;
    });
    let statementsOnB = 0;
    let answerB;
    const byA = [versions.actual(first, '40')];
    const byB = [versions.actual(first, '41'), versions.actual(second, '42')];
    try {
      answerB = await direct(b, byB, async () => {
        const root = b.orm.em;
        const fork = root.fork.bind(root);
        forks = jest.spyOn(root, 'fork').mockImplementation((options) => {
          const em = fork(options);
          const tryFlush = em.tryFlush.bind(em);
          jest.spyOn(em, 'tryFlush').mockImplementation(async (...args) => {
            await gate;
            return tryFlush(...args);
          });
          return em;
        });
        expect(ok(await partialSync(a, plan.planId, byA)).syncRows.applied).toBe(1);
        expect(await told.leadingTo(plan.planId, 2022, Checkpoint.YEAR_END, next.value, HANG_GUARD_MS)).toBeDefined();
        statementsOnB = b.statements.length;
      });
    } finally {
      open();
      forks?.mockRestore();
      asked.mockRestore();
    }
    expect(answerB.rows.map((r) => r.status)).toEqual(['conflict', 'updated']);
    ok(await partialSync(computed, plan.planId, byA));
    expect(withoutTimes(answerB)).toEqual(withoutTimes(await direct(computed, byB)));
    // B's apply of A's next batch comes after that of the first one (one chain): when it is kept, both are done
    const later = [versions.actual(third, '43')];
    expect(ok(await partialSync(a, plan.planId, later)).syncRows.applied).toBe(1);
    ok(await partialSync(computed, plan.planId, later));
    const now = await readPlanStamp(b.orm.em.fork(), plan.planId);
    expect(
      await b.app.snapshots.whenKept(SHEET_STATES, plan.planId, 2022, Checkpoint.YEAR_END, now.value, HANG_GUARD_MS),
    ).toBeDefined();
    // the measurement rows named by A's two patches, read by id on B: once for each patch (the first was read twice,
    // by B's turn and by B's apply at the same moment)
    const reads = b.statements
      .slice(statementsOnB)
      .filter((sql) => /from "measurement" as "e" where "e"."id"/.test(sql));
    expect(reads).toHaveLength(2);
    await expectSameReads(a, computed, plan.planId);
    await expectSameReads(b, computed, plan.planId);
  });
});
