/**
 * A row of actual values alone writes its measurement, never its indicator (server/sync/apply.ts): its audit trail is
 * the measurement's event, and the indicator is not written out as an audit snapshot twice to find it unchanged (a
 * B4 sync's 20 rows took 40 snapshots of ~25 columns each under the plan's lock for no event).
 */
import { AuditEvent, Indicator } from '../../server/entities';
import { syncTogether } from '../../server/sync/sync-rows';
import { databaseNames } from '../helpers/databases';
import { turnPlan } from '../helpers/turn-plan';

describe.each(databaseNames())('a turn of actual values alone (%s)', (dialect) => {
  const plan = turnPlan(dialect, 'ACTAUD');
  const { readVersions } = plan;

  it("snapshots no indicator, and its audit trail is the measurements' events as before", async () => {
    await readVersions();
    const rows = plan.ids.slice(0, 10);
    const indicators = await plan.server.orm.em.fork().find(Indicator, { id: { $in: rows } });
    // every indicator's own code: what its audit snapshot writes as a JSON string, value by value
    const codes = new Set(indicators.map((i) => i.code));
    expect(codes.size).toBe(10);
    const stringify = JSON.stringify;
    let snapshotted = 0;
    const spy = jest.spyOn(JSON, 'stringify').mockImplementation(function (this: JSON, ...args) {
      if (typeof args[0] === 'string' && codes.has(args[0])) snapshotted += 1;
      return stringify.apply(this, args as Parameters<typeof stringify>);
    });
    let answers: Awaited<ReturnType<typeof syncTogether>>;
    try {
      // a turn of two held batches, and one batch alone (its writes not held)
      answers = await syncTogether([plan.member(plan.actuals(0, '61')), plan.member(plan.actuals(5, '62'))]);
      await readVersions();
      answers.push(...(await syncTogether([plan.member(plan.actuals(0, '63'), { actor: 'other' })])));
    } finally {
      spy.mockRestore();
    }
    expect(answers.map((a) => 'value' in a && a.value.applied)).toEqual([5, 5, 5]);
    expect(snapshotted).toBe(0);
    // one event per measurement written, none for an indicator: before → after as the column stores them
    const events = await plan.server.orm.em
      .fork()
      .find(AuditEvent, { planId: plan.planId, source: 'addin' }, { orderBy: { at: 'asc', id: 'asc' } });
    expect(events.map((e) => e.entityType)).toEqual(Array(15).fill('Measurement'));
    const last = events.filter((e) => e.actor === 'other');
    expect(last).toHaveLength(5);
    for (const e of last) {
      expect(JSON.stringify((e.before as { value: unknown }).value)).toContain('61');
      expect(JSON.stringify((e.after as { value: unknown }).value)).toContain('63');
    }
  });
});
