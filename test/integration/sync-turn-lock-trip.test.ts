/**
 * On PostgreSQL a turn takes the plan's lock, the savepoint of its held writes and the plan's stamp in one round trip
 * (server/sync/plan-lock.ts, takeTurnWith), and reads the plan row before the lock, not while holding it: each was a
 * round trip after the lock was granted, waiting for an event loop busy with the panes' reads (bench B4-pg). The plan
 * row read before the lock is used only when the stamp read with the lock has its version; a plan changed while the
 * turn waited for the lock is read again, and the turn decides from what the lock protects, as before.
 */
import { PlanStatus } from '@core/vocabulary/enums';
import { PlanVersion } from '../../server/entities';
import { syncTogether } from '../../server/sync/sync-rows';
import { databaseNames } from '../helpers/databases';
import { turnPlan } from '../helpers/turn-plan';

const describePg = databaseNames().includes('postgresql') ? describe : describe.skip;

describePg('the plan lock round trip of a turn (postgresql)', () => {
  const plan = turnPlan('postgresql', 'TRIP');
  const { readVersions, versions, trips } = plan;
  const inTurn = () => {
    const all = trips();
    const turn = all.slice(all.indexOf('begin'));
    return turn.slice(0, turn.indexOf('commit'));
  };

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
    expect(turn.slice(lock + 1).filter((t) => /plan_version|scoring_profile|savepoint/.test(t))).toEqual([]);
    expect(turn.filter((t) => t === 'update measurement')).toHaveLength(1);
  });

  it('a sync alone takes the stamp with the lock, and no savepoint', async () => {
    await readVersions();
    plan.server.statements.length = 0;
    const [a] = await syncTogether([plan.member(plan.actuals(10, '63'))]);
    expect('value' in a && a.value.applied).toBe(5);
    const turn = inTurn();
    expect(turn.slice(0, 3)).toEqual(['begin', 'select plan_version', 'select + select scoring_profile']);
    expect(turn.filter((t) => t.includes('savepoint'))).toEqual([]);
  });

  it('reads the plan row again when it changed while the turn waited for the lock: the turn sees it approved', async () => {
    await readVersions();
    const knex = plan.server.orm.em.getConnection().getKnex();
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
    // read before the lock, and again after it (the stamp's version is not the one read)
    const turn = inTurn();
    const lock = turn.findIndex((t) => t.startsWith('select + savepoint'));
    expect(turn.slice(0, lock + 2)).toEqual([
      'begin',
      'select plan_version',
      'select + savepoint + select scoring_profile',
      'select plan_version',
    ]);
  });
});
