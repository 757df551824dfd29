/**
 * On PostgreSQL a turn takes the plan's lock, the savepoint of its held writes and the plan's stamp in one round trip
 * (server/sync/plan-lock.ts, takeTurnWith), reads the plan row before the lock, not while holding it, and sends the
 * bump of the plan's counter with its held update: each was a round trip after the lock was granted, waiting for an
 * event loop busy with the panes' reads (bench B4-pg). The plan
 * row read before the lock is used only when the stamp read with the lock has its version; a plan changed while the
 * turn waited for the lock is read again, and the turn decides from what the lock protects, as before.
 */
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Checkpoint, PlanStatus } from '@core/vocabulary/enums';
import { PlanVersion } from '../../server/entities';
import { readPlanStamp } from '../../server/services/plan-stamp';
import { loadPlanState } from '../../server/sync/plan-state';
import { patchedState } from '../../server/sync/shared-states';
import { syncTogether } from '../../server/sync/sync-rows';
import { databaseNames } from '../helpers/databases';
import { turnPlan } from '../helpers/turn-plan';

const describePg = databaseNames().includes('postgresql') ? describe : describe.skip;

describePg('the plan lock round trip of a turn (postgresql)', () => {
  const plan = turnPlan('postgresql', 'TRIP');
  const { readVersions, versions, trips } = plan;
  const inTurn = () => plan.inTurn(trips());

  it("sends the turn's savepoint and the plan's stamp with the lock, the plan row read before it", async () => {
    await readVersions();
    for (const a of await syncTogether([plan.member(plan.actuals(0, '61')), plan.member(plan.actuals(5, '61'))]))
      expect('value' in a && a.value.applied).toBe(5);
    await readVersions();
    plan.server.statements.length = 0;
    const answers = await syncTogether([plan.member(plan.actuals(0, '62')), plan.member(plan.actuals(5, '62'))]);
    for (const a of answers) expect('value' in a && a.value.applied).toBe(5);
    const turn = inTurn();
    const lock = turn.findIndex((t) => t.startsWith('select') && t.includes('savepoint'));
    // lock, savepoint, stamp: one round trip (three before), after the plan row, and no plan row read after it
    expect(turn[lock]).toBe('select + savepoint + select scoring_profile');
    expect(turn.slice(0, lock)).toEqual(['begin', 'select plan_version']);
    expect(turn.slice(lock + 1).filter((t) => /^select plan_version$|scoring_profile|savepoint/.test(t))).toEqual([]);
    // the held update and the bump of the plan's counter: one round trip (two before)
    expect(turn.filter((t) => t.includes('update measurement'))).toEqual(['update measurement + with plan_version']);
  });

  it('a sync alone of more than actual values takes the stamp with the lock, and no savepoint', async () => {
    await readVersions();
    plan.server.statements.length = 0;
    const [rowId] = plan.ids.slice(10);
    const [a] = await syncTogether([
      plan.member([{ rowId, rowVersion: versions.get(rowId), title: `Titolo ${Date.now()}`, actual: '63' }]),
    ]);
    expect('value' in a && a.value.applied).toBe(1);
    const turn = inTurn();
    expect(turn.slice(0, 3)).toEqual(['begin', 'select plan_version', 'select + select scoring_profile']);
    expect(turn.filter((t) => t.includes('savepoint'))).toEqual([]);
  });

  it('a sync alone of actual values takes its savepoint with the lock, its update sent with the bump', async () => {
    await readVersions();
    plan.server.statements.length = 0;
    // every indicator of the plan has its measurement (synthetic-plan.ts): its actual is updated, held
    const [a] = await syncTogether([plan.member(plan.actuals(20, '64'))]);
    expect('value' in a && a.value.applied).toBe(5);
    const turn = inTurn();
    expect(turn.slice(0, 3)).toEqual(['begin', 'select plan_version', 'select + savepoint + select scoring_profile']);
    // no measurement read under the lock, and one round trip for its update and the counter's bump (two before)
    expect(turn.filter((t) => /select measurement/.test(t))).toEqual([]);
    expect(turn.filter((t) => t.includes('update measurement'))).toEqual(['update measurement + with plan_version']);
    expect(turn.filter((t) => t.includes('savepoint'))).toHaveLength(1);
  });

  it('reads the plan row again when it changed while the turn waited for the lock: the turn sees it approved', async () => {
    await readVersions();
    const knex = (plan.server.orm.em as SqlEntityManager).getKnex();
    const rowId = plan.ids[0];
    const placement = { rowId, rowVersion: versions.get(rowId), dashboard: `Cruscotto ${Date.now()}` };
    plan.server.statements.length = 0;
    let pending: ReturnType<typeof syncTogether> | undefined;
    // the plan's lock held outside, so that the turn reads the plan row, then waits for the lock
    await knex.transaction(async (trx) => {
      await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`sync:${plan.planId}`]);
      pending = syncTogether([plan.member([placement]), plan.member(plan.actuals(5, '64'))]);
      const waiting = async () =>
        Number(
          (
            await knex.raw(
              `select count(*) as n from pg_locks where locktype = 'advisory' and not granted ` +
                `and database = (select oid from pg_database where datname = current_database())`,
            )
          ).rows[0].n,
        );
      for (let tries = 0; (await waiting()) === 0; tries++) {
        if (tries > 500) throw new Error('the turn never waited for the plan lock');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // the plan approved meanwhile (its row's version moves): a new cruscotto is no longer allowed
      const em = plan.server.orm.em.fork();
      const row = await em.findOneOrFail(PlanVersion, { id: plan.planId });
      row.status = PlanStatus.APPROVED;
      await em.flush();
    });
    const [placed, actuals] = await pending!;
    expect('value' in placed && placed.value.rows.map((r) => [r.status, r.errors.map((e) => e.code)])).toEqual([
      ['rejected', ['PLAN_LOCKED']],
    ]);
    expect('value' in actuals && actuals.value.applied).toBe(5);
    // read before the lock, and again after it (the stamp's version is not the one read); the writer's statements
    // (the plan row read, and its update) come between them in the server's log, the lock's once it is granted
    const all = trips();
    const turn = all.slice(all.indexOf('begin'));
    const lock = turn.indexOf('select + savepoint + select scoring_profile');
    expect(turn.slice(0, 2)).toEqual(['begin', 'select plan_version']);
    expect(turn.slice(2, lock)).toEqual(['select plan_version', 'begin', 'update plan_version', 'commit']);
    expect(turn[lock + 1]).toBe('select plan_version');
  });

  it('brings a state forward by a told patch in one round trip: the plan row, its profile, the rows, the stamp', async () => {
    await readVersions();
    const em = plan.server.orm.em.fork();
    const base = await loadPlanState(em, plan.planId, 2022, Checkpoint.YEAR_END, { readOnly: true });
    const from = await readPlanStamp(em, plan.planId);
    const [a] = await syncTogether([plan.member(plan.actuals(15, '65'))]);
    expect('value' in a && a.value.applied).toBe(5);
    const to = await readPlanStamp(em, plan.planId);
    const written = plan.ids.slice(15, 20);
    const ids = base.snapshot.measurements.filter((m) => written.includes(m.indicator.id)).map((m) => m.id);
    expect(ids).toHaveLength(5);
    plan.server.statements.length = 0;
    const patch = { from: from.value, to, year: 2022, checkpoint: Checkpoint.YEAR_END, rows: { Measurement: ids } };
    const patched = await patchedState(em.fork(), base, patch);
    // one round trip, the stamp last: the rows read are those of `to` when it is still the plan's stamp
    expect(trips()).toEqual([
      'select plan_version + select scoring_profile + select measurement + select scoring_profile',
    ]);
    expect(patched?.exact).toBe(true);
    // what the plan read now gives: the rows written, the plan row and its profile
    const fresh = await loadPlanState(em.fork(), plan.planId, 2022, Checkpoint.YEAR_END, { readOnly: true });
    const rowOf = (state: typeof base, id: string) => {
      const m = state.snapshot.measurements.find((row) => row.id === id)!;
      return { id: m.id, version: m.version, value: m.value?.raw, indicator: m.indicator.id };
    };
    for (const id of ids) expect(rowOf(patched!.state, id)).toEqual({ ...rowOf(fresh, id), value: '65' });
    const { plan: got } = patched!.state.snapshot;
    expect([got.id, got.version, got.scoringProfile?.id, got.scoringProfile?.version]).toEqual([
      fresh.snapshot.plan.id,
      fresh.snapshot.plan.version,
      fresh.snapshot.plan.scoringProfile?.id,
      fresh.snapshot.plan.scoringProfile?.version,
    ]);
  });
});
