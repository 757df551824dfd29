/**
 * Two instances of the server over one PostgreSQL database, meeting through Redis (issue 15, item 2): a write on
 * instance A reaches a subscriber connected to instance B, with the rows and scores it moved, and a subscriber of
 * another organisation on B hears nothing. Each instance has its own ORM, hub and Redis connections, and the
 * channel prefix is this run's own, so another run on the same Redis is never heard.
 */
import { listen, socketUrl, subscribed } from '../helpers/live';
import { describeInstances, withInstances } from '../helpers/instances';
import { buildTenant } from '../helpers/tenant';
import { edit, ok, sync } from '../helpers/sync';

const describeIfReady = describeInstances('two-instance live tests');

describeIfReady('live updates across two instances (PostgreSQL + Redis)', () => {
  const { a, b, plan } = withInstances('live-instances');

  it('delivers a write on instance A to a subscriber on instance B, and nothing to another organisation', async () => {
    expect(a.app.live.hub.distributed && b.app.live.hub.distributed).toBe(true);
    const other = await buildTenant(a.gql, 'LIVEB');
    const stranger = await b.as('admin', other.org);
    const anna = await a.as('controller', plan.orgId);
    const oiv = await b.as('viewer', plan.orgId);
    const onB = listen(socketUrl(b), oiv.token, { planId: plan.planId, year: 2022 });
    const strangerOnB = listen(socketUrl(b), stranger.token, { planId: other.plan, year: 2022 });
    try {
      await subscribed(b, 2);
      expect(a.app.live.feeds.subscriptions).toBe(0);
      const indicator = plan.indicator('2.1.1');
      const result = await sync(anna, { planId: plan.planId, rows: [edit(indicator, { actual: '12' })] });
      expect(result.rows[0].status).toBe('UPDATED');
      const event = await onB.next();
      expect(event.changedBy).toBe(anna.name);
      expect(event.rows).toEqual([
        expect.objectContaining({
          rowId: indicator.rowId,
          rowVersion: result.rows[0].rowVersion,
          changedBy: anna.name,
        }),
      ]);
      expect(event.scores.find((s) => s.id === indicator.rowId)).toMatchObject({
        oldScore: null,
        realization: { score: result.rows[0].realization!.score },
      });
      // fences, where a pause of 300 ms looked only for as long as a loaded machine let it: a later write on A to each
      // listener's plan is heard on B, so anything the sync published before it has arrived too (one Redis connection
      // publishes, in order)
      const fence = plan.operational('2.2');
      const strangerOnA = await a.as('admin', other.org);
      ok(
        await anna.gql(
          `mutation { updateOperationalObjective(id: "${fence.rowId}", input: { title: "Recinto" }) { id } }`,
        ),
      );
      ok(
        await strangerOnA.gql(
          `mutation { updateOperationalObjective(id: "${other.oo}", input: { title: "Recinto" }) { id } }`,
        ),
      );
      expect((await onB.next()).rows.map((r) => r.rowId)).toEqual([fence.rowId]);
      expect((await strangerOnB.next()).rows.map((r) => r.rowId)).toEqual([other.oo]);
      // the sync's one event, and the fence's: the stranger heard its own write only
      expect(onB.events).toHaveLength(2);
      expect(strangerOnB.events).toHaveLength(1);
      expect([...onB.errors, ...strangerOnB.errors]).toEqual([]);
    } finally {
      await onB.stop();
      await strangerOnB.stop();
    }
  });
});
