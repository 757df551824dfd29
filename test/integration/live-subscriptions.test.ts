/**
 * planChanged over a real websocket (graphql-ws), on one instance: a write by one user reaches another user's
 * subscription with the rows it changed (new versions, who, when, from where) and the scores it moved (before and
 * now); another organisation's token hears nothing; a viewer listens like any reader; every write path publishes
 * once per transaction, after it commits.
 */
import { listen, socketUrl, subscribed, type Listener, until } from '../helpers/live';
import { withSondrioServer } from '../helpers/sondrio-server';
import { buildTenant } from '../helpers/tenant';
import { ok } from '../helpers/sync';

describe('live updates: planChanged over graphql-ws (sqlite)', () => {
  const sondrio = withSondrioServer('sqlite');
  const open: Listener[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((l) => l.stop()));
    await subscribed(sondrio.server, 0);
  });
  const subscribe = (token: string, variables: { planId: string; year: number; checkpoint?: string }) => {
    const listener = listen(socketUrl(sondrio.server), token, variables);
    open.push(listener);
    return listener;
  };

  it('tells a colleague the rows a sync changed and the scores it moved, with who, when and from where', async () => {
    const { server, plan } = sondrio;
    const anna = await server.as('controller', plan.orgId);
    const oiv = await server.as('viewer', plan.orgId);
    const heard = subscribe(oiv.token, { planId: plan.planId, year: 2022, checkpoint: 'YEAR_END' });
    await subscribed(server, 1);

    const indicator = plan.indicator('1.1.1');
    // the server runs in this process, on this clock: the change is stamped between the request and its event
    const asked = Date.now();
    const result = ok(
      await anna.gql(
        `mutation($input: SyncBatchInput!) { syncRows(input: $input) { rows { rowId status rowVersion realization { score display } } } }`,
        {
          input: {
            planId: plan.planId,
            year: 2022,
            checkpoint: 'YEAR_END',
            rows: [{ rowId: indicator.rowId, rowVersion: indicator.rowVersion, actual: '3,40%' }],
            source: { kind: 'ADDIN', workbook: 'Piano.xlsx' },
          },
        },
      ),
    ).syncRows;
    expect(result.rows[0]).toMatchObject({ status: 'UPDATED' });

    const event = await heard.next();
    const arrived = Date.now();
    expect(event).toMatchObject({ planId: plan.planId, year: 2022, checkpoint: 'YEAR_END', changedBy: anna.name });
    expect(event.source).toBe('ADDIN');
    expect(event.rows).toEqual([
      {
        rowId: indicator.rowId,
        rowVersion: result.rows[0].rowVersion,
        level: 'INDICATOR',
        code: '1.1.1',
        changedBy: anna.name,
        changedAt: event.at,
        source: 'ADDIN',
      },
    ]);
    expect(Date.parse(event.at)).toBeGreaterThanOrEqual(asked);
    expect(Date.parse(event.at)).toBeLessThanOrEqual(arrived);
    // the indicator was blank (no actual in the test seed) and is scored now, and so are the objectives above it
    const moved = new Map(event.scores.map((s) => [s.id, s]));
    expect(moved.get(indicator.rowId)).toMatchObject({
      level: 'INDICATOR',
      code: '1.1.1',
      oldScore: null,
      realization: { score: result.rows[0].realization.score, display: result.rows[0].realization.display },
    });
    expect(moved.get(indicator.rowId)!.realization!.score).not.toBeNull();
    expect(moved.has(plan.operational('1.1').rowId)).toBe(true);
    // what did not move is not listed: another strategic objective's indicator
    expect(moved.has(plan.indicator('3.1.1').rowId)).toBe(false);

    // a second change reports the first one's score as its "before"
    ok(
      await anna.gql(`mutation($input: SyncBatchInput!) { syncRows(input: $input) { applied } }`, {
        input: {
          planId: plan.planId,
          year: 2022,
          rows: [{ rowId: indicator.rowId, rowVersion: result.rows[0].rowVersion, actual: '2,00%' }],
        },
      }),
    );
    const second = await heard.next();
    const again = second.scores.find((s) => s.id === indicator.rowId)!;
    expect(again.oldScore).toBe(result.rows[0].realization.score);
    expect(again.oldDisplay).toBe(result.rows[0].realization.display);
    expect(again.realization!.score).not.toBe(again.oldScore);
    expect(second.source).toBe('GRAPHQL');
    expect(heard.errors).toEqual([]);
  });

  it('publishes a mutation once, after it commits, and nothing for a refused one', async () => {
    const { server, plan, sheet } = sondrio;
    const anna = await server.as('controller', plan.orgId);
    const heard = subscribe(server.token, { planId: plan.planId, year: 2022 });
    await subscribed(server, 1);
    const oo = plan.operational('2.1');
    const before = (await sheet.read()).rows.find((r) => r.rowId === oo.rowId)!;
    const refused = await anna.gql(
      `mutation { updateOperationalObjective(id: "${oo.rowId}", input: { weight: -5 }) { id } }`,
    );
    expect(refused.errors?.length).toBeGreaterThan(0);
    ok(
      await anna.gql(
        `mutation { updateOperationalObjective(id: "${oo.rowId}", input: { title: "Nuovo titolo" }) { id } }`,
      ),
    );
    const event = await heard.next();
    expect(event.rows.map((r) => [r.rowId, r.rowVersion])).toEqual([[oo.rowId, before.rowVersion + 1]]);
    expect(event.changedBy).toBe(anna.name);
    expect(event.scores).toEqual([]);
    // one transaction, one event: nothing else arrives before the event of a later write (a fence, where a pause of
    // 300 ms only looked for as long as a loaded machine let it)
    const fence = plan.operational('2.2');
    ok(
      await anna.gql(
        `mutation { updateOperationalObjective(id: "${fence.rowId}", input: { title: "Recinto" }) { id } }`,
      ),
    );
    expect((await heard.next()).rows.map((r) => r.rowId)).toEqual([fence.rowId]);
    expect(heard.events).toHaveLength(2);
  });

  it("tells another organisation's token nothing: the plan is not found, and its writes are never heard", async () => {
    const { server, plan, sheet } = sondrio;
    const other = await buildTenant(server.gql, 'LIVEOTHER');
    const stranger = await server.as('admin', other.org);
    const anna = await server.as('controller', plan.orgId);
    const refused = subscribe(stranger.token, { planId: plan.planId, year: 2022 });
    // its own plan is fine to follow, and hears nothing of Sondrio's changes
    const own = subscribe(stranger.token, { planId: other.plan, year: 2022 });
    await subscribed(server, 1);
    const row = plan.indicator('1.1.2');
    await sheet.sync([{ rowId: row.rowId, rowVersion: row.rowVersion, actual: '7' }]);
    ok(await anna.gql('{ __typename }'));
    // a fence: a later write to the stranger's own plan is heard, so Sondrio's earlier one had its chance to be heard
    // too (a pause of 300 ms looked only for as long as a loaded machine let it)
    ok(
      await stranger.gql(
        `mutation { updateOperationalObjective(id: "${other.oo}", input: { title: "Recinto" }) { id } }`,
      ),
    );
    expect((await own.next()).rows.map((r) => r.rowId)).toEqual([other.oo]);
    await until(() => refused.errors.length > 0);
    expect(refused.events).toEqual([]);
    expect(refused.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
    expect(own.events).toHaveLength(1);
    expect(own.errors).toEqual([]);
  });

  it('refuses a socket without a valid token, and queries over the socket', async () => {
    const { server, plan } = sondrio;
    const nobody = subscribe('cru_not-a-token', { planId: plan.planId, year: 2022 });
    const closed = await nobody.closed;
    expect(closed.reason).toMatch(/^Token non valido \/ invalid token: INVALID_TOKEN/);
    expect(closed.code).toBe(4403);

    const viewer = await server.as('viewer', plan.orgId);
    const { createClient } = await import('graphql-ws');
    const WebSocket = (await import('ws')).default;
    const client = createClient({
      url: socketUrl(server),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${viewer.token}` },
      retryAttempts: 0,
    });
    const answer = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: '{ me { name } }' }, { next: resolve, error: resolve, complete: () => undefined });
    });
    await client.dispose();
    expect(JSON.stringify(answer)).toMatch(/OPERATION_NOT_SUPPORTED/);
  });
});
