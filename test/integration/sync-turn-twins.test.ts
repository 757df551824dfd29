/**
 * A turn's held batches (server/sync/turn-writes.ts) make the measurements they write from the rows the turn read
 * (server/sync/adopt-rows.ts, adoptRows' `fromTwins`), not with a SELECT of the turn's rows hydrated as managed
 * entities under the plan's lock: the turn's combined update checks each row's version against the one read, as the
 * SELECT's check did, and a row moved under the turn makes it run again with its rows read. What the batches answer,
 * store and leave in the audit trail is what a read would have given.
 */
import { AuditEvent, Measurement } from '../../server/entities';
import { snapshot } from '../../server/services/audit';
import { readPlanStamp } from '../../server/services/plan-stamp';
import { syncTogether, type SyncHooks } from '../../server/sync/sync-rows';
import { databaseNames } from '../helpers/databases';
import { turnPlan } from '../helpers/turn-plan';

describe.each(databaseNames())("a turn's held batches adopt the rows read (%s)", (dialect) => {
  const plan = turnPlan(dialect, 'TWINS');
  const { readVersions, versions } = plan;
  const measurements = async (ids: string[]) =>
    plan.server.orm.em.fork().find(Measurement, { indicator: { $in: ids }, year: 2022 }, { orderBy: { id: 'asc' } });
  const inTurn = () => plan.inTurn();

  it('reads no row it writes, and answers, stores and audits each as a read would have', async () => {
    await readVersions();
    // a turn first, so that every measurement exists and the measured turn starts from the state kept after it
    for (const a of await syncTogether([0, 5].map((from) => plan.member(plan.actuals(from, '80')))))
      expect('value' in a && a.value.applied).toBe(5);
    await readVersions();
    const rows = plan.ids.slice(0, 10);
    const before = rows.map((id) => versions.get(id)!);
    // each row as a read gives it (managed), every column: what the audit's `before` held when the turn read it
    const em = plan.server.orm.em.fork();
    const read = new Map((await measurements(rows)).map((m) => [m.id, snapshot(em, m)]));
    const since = new Date();
    plan.server.statements.length = 0;
    const [a, b, c] = await syncTogether([
      plan.member(plan.actuals(0, '81')),
      plan.member(plan.actuals(5, '82')),
      // the rows the first batch wrote, at the versions its answer gave
      plan.member(rows.slice(0, 5).map((rowId, i) => ({ rowId, rowVersion: before[i] + 1, actual: '83' }))),
    ]);
    const answer = (x: typeof a) => ('value' in x ? x.value.rows.map((r) => [r.status, r.rowVersion]) : x.error);
    expect(answer(a)).toEqual(before.slice(0, 5).map((v) => ['updated', v + 1]));
    expect(answer(b)).toEqual(before.slice(5).map((v) => ['updated', v + 1]));
    expect(answer(c)).toEqual(before.slice(0, 5).map((v) => ['updated', v + 2]));
    // no measurement read under the plan's lock (there was one `select measurement` for the turn), one update
    expect(inTurn().filter((l) => /^select (indicator|target|measurement)$/.test(l))).toEqual([]);
    expect(inTurn().filter((l) => l === 'update measurement')).toHaveLength(1);
    // stored: each row's last value and version
    await readVersions();
    expect(rows.map((id) => versions.get(id))).toEqual(before.map((v, i) => v + (i < 5 ? 2 : 1)));
    const stored = await measurements(rows);
    for (const m of stored) expect(m.value?.raw).toBe(rows.indexOf(m.indicator.id) < 5 ? '83' : '82');
    // the audit trail: one event per row and batch, the first `before` each row as read, each `after` its value
    const events = await em.find(
      AuditEvent,
      { entityType: 'Measurement', entityId: { $in: [...read.keys()] }, at: { $gte: since } },
      { orderBy: { at: 'asc', id: 'asc' } },
    );
    expect(events).toHaveLength(15);
    for (const [id, row] of read) {
      const mine = events.filter((e) => e.entityId === id);
      const first = rows.indexOf(stored.find((m) => m.id === id)!.indicator.id) < 5;
      expect(mine.map((e) => (e.after as { value: { raw: string } }).value.raw)).toEqual(first ? ['81', '83'] : ['82']);
      expect(mine[0].before).toEqual(row);
      // the third batch's `before`: the row as the first batch left it (held, not yet written)
      if (first) expect(mine[1].before).toMatchObject({ value: { raw: '81' }, version: (row.version as number) + 1 });
    }
  });

  // a writer outside the turn's transaction: SQLite writes one transaction at a time
  if (dialect !== 'postgresql') return;

  /**
   * A writer outside the plan's lock, once, after the first batch's writes (nothing of the turn reads the row again:
   * only the held update can see it moved): the measurement `id` a version on, with `note`, and the plan's counter
   * bumped, as a sync of another instance would leave them.
   */
  function outsideWriter(id: string, note: string): SyncHooks {
    let runs = 0;
    return {
      afterWrite: async () => {
        if (runs++ > 0) return;
        const connection = plan.server.orm.em.fork().getConnection();
        await connection.execute(
          `/* fuori turno */ update measurement set version = version + 1, note = ? where id = ?`,
          [note, id],
        );
        await connection.execute(
          `/* fuori turno */ update plan_version set change_count = change_count + 1 where id = ?`,
          [plan.planId],
        );
      },
    };
  }

  it('a row changed under the turn after its batch held it fails the combined update: that batch conflicts alone', async () => {
    await readVersions();
    const row = plan.ids[2];
    const [moved] = await measurements([row]);
    const counted = (await readPlanStamp(plan.server.orm.em.fork(), plan.planId)).changeCount;
    plan.server.statements.length = 0;
    // a writer outside the plan's lock changes a row of the first batch once that batch has made it from the row read
    // and held its update (nothing read it: only the combined update can see it moved), and bumps the plan's counter
    const outside = outsideWriter(moved.id, 'fuori turno');
    const [a, b, c] = await syncTogether([
      plan.member(plan.actuals(0, '91'), { hooks: outside }),
      plan.member(plan.actuals(5, '92')),
      plan.member(plan.actuals(10, '93')),
    ]);
    // the first batch fails as its read would have made it fail: the row's version moved
    expect('error' in a && (a.error as Error).name).toBe('ConflictError');
    expect('error' in a && (a.error as Error).message).toContain(`the current version is ${moved.version + 1}`);
    expect('value' in b && b.value.applied).toBe(5);
    expect('value' in c && c.value.applied).toBe(5);
    // the combined update found it, then the turn went back to its savepoint and ran again, the rows read
    // (the outside writer's statements left out: it writes through the same server, whose statements are counted)
    const outsiders = plan.server.statements.filter((sql) => /fuori turno/.test(sql)).length;
    expect(outsiders).toBe(2);
    const ours = plan.server.statements.filter((sql) => !/fuori turno/.test(sql));
    plan.server.statements.splice(0, plan.server.statements.length, ...ours);
    const turn = inTurn();
    const combined = turn.indexOf('update measurement');
    expect(turn.slice(0, combined).filter((l) => l === 'select measurement')).toEqual([]);
    // the plan counter's bump sent with it, in its round trip (plan-change-counter.ts), and undone with it
    expect(turn.slice(combined + 1, combined + 3)).toEqual(['with plan_version', 'rollback']);
    expect(turn.slice(combined).filter((l) => l === 'select measurement').length).toBeGreaterThan(0);
    // nothing of the first batch stored, the outside change kept; the others stored
    const stored = await measurements(plan.ids.slice(0, 15));
    for (const m of stored) {
      const at = plan.ids.indexOf(m.indicator.id);
      if (at < 5) expect(m.value?.raw).not.toBe('91');
      else expect(m.value?.raw).toBe(at < 10 ? '92' : '93');
    }
    expect(stored.find((m) => m.id === moved.id)?.note).toBe('fuori turno');
    expect(stored.find((m) => m.id === moved.id)?.version).toBe(moved.version + 1);
    // the plan's counter: the outside writer's bump and the turn's one (the bump undone with the failed write)
    expect((await readPlanStamp(plan.server.orm.em.fork(), plan.planId)).changeCount).toBe(counted + 2);
  });

  it('a batch alone in its turn whose row changed under it after it held it fails as its read would have made it', async () => {
    await readVersions();
    const row = plan.ids[1];
    const [moved] = await measurements([row]);
    const counted = (await readPlanStamp(plan.server.orm.em.fork(), plan.planId)).changeCount;
    const since = new Date();
    plan.server.statements.length = 0;
    const outside = outsideWriter(moved.id, 'fuori turno da solo');
    const failed = await syncTogether([plan.member(plan.actuals(0, '95'), { hooks: outside })]).then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(failed?.name).toBe('ConflictError');
    expect(failed?.message).toContain(`the current version is ${moved.version + 1}`);
    // its update held and sent with the counter's bump, found the row moved, undone; the batch run again, its rows read
    const ours = plan.server.statements.filter((sql) => !/fuori turno/.test(sql));
    plan.server.statements.splice(0, plan.server.statements.length, ...ours);
    const turn = plan.lines();
    const combined = turn.indexOf('update measurement');
    expect(turn.slice(0, combined).filter((l) => l === 'select measurement')).toEqual([]);
    expect(turn.slice(combined + 1, combined + 3)).toEqual(['with plan_version', 'rollback']);
    expect(turn.slice(combined).filter((l) => l === 'select measurement').length).toBeGreaterThan(0);
    // nothing of the batch stored nor audited, the outside change kept, the plan's counter moved by the outside alone
    const stored = await measurements(plan.ids.slice(0, 5));
    for (const m of stored) expect(m.value?.raw).not.toBe('95');
    expect(stored.find((m) => m.id === moved.id)?.note).toBe('fuori turno da solo');
    const events = await plan.server.orm.em
      .fork()
      .find(AuditEvent, { entityType: 'Measurement', entityId: { $in: stored.map((m) => m.id) }, at: { $gte: since } });
    expect(events).toEqual([]);
    expect((await readPlanStamp(plan.server.orm.em.fork(), plan.planId)).changeCount).toBe(counted + 1);
  });
});
