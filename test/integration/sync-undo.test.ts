/**
 * Undo of a sheet batch (issue 18, item 6) over HTTP, on SQLite and PostgreSQL: `undoSyncBatch` puts every row the
 * batch changed back as it was and removes the rows it created, audited under `undo:` + the key (source, who, when);
 * it is done once; a row changed since by anything else stops it, named with who, when and why (Italian first),
 * and then nothing is undone.
 */
import { describeOnSondrio } from '../helpers/sondrio-server';
import { ok, readRows, sync } from '../helpers/sync';

const UNDO = `mutation Undo($input: UndoSyncBatchInput!) {
  undoSyncBatch(input: $input) { undone rowIds removedRowIds reverted
    refusals { rowId code reason reasonIt changedBy changedAt source } } }`;

const ADDIN = { kind: 'ADDIN' as const, workbook: 'Piano.xlsx', sheet: 'Piano' };

describeOnSondrio('undo of a sheet batch (%s)', (sondrio) => {
  const undo = (batchKey: string) =>
    sondrio.server.gql(UNDO, {
      input: { planId: sondrio.plan.planId, batchKey, year: 2022, checkpoint: 'YEAR_END', source: ADDIN },
    });
  const row = async (rowId: string) =>
    (await readRows(sondrio.server, sondrio.plan.planId)).rows.find((r) => r.rowId === rowId);

  it("puts the batch's rows back, removes the rows it created, audits the undo and does it once", async () => {
    const { server, plan, sheet } = sondrio;
    const a = plan.indicator('1.1.2');
    const b = plan.indicator('1.1.3');
    const before = { a: await row(a.rowId), b: await row(b.rowId) };
    const sent = await sync(server, {
      planId: plan.planId,
      batchKey: 'undo-test-1',
      source: ADDIN,
      rows: [
        { rowId: a.rowId, rowVersion: before.a!.rowVersion, actual: '77' },
        { rowId: b.rowId, rowVersion: before.b!.rowVersion, target: '123', note: 'nota da annullare' },
        {
          clientRef: 'R1',
          level: 'azione',
          code: '1.1.90',
          title: 'Creato e poi annullato',
          parentRef: plan.operational('1.1').rowId,
          weight: '0',
          target: '10',
          actual: '5',
        },
      ],
    });
    expect(sent.rows.map((r) => r.status)).toEqual(['UPDATED', 'UPDATED', 'CREATED']);
    const created = sent.rows[2].rowId!;
    expect((await row(a.rowId))!.actual?.raw).toBe('77');

    const answer = ok(await undo('undo-test-1')).undoSyncBatch;
    expect(answer).toMatchObject({ undone: true, refusals: [], removedRowIds: [created] });
    expect([...answer.rowIds].sort()).toEqual([a.rowId, b.rowId, created].sort());
    const after = { a: await row(a.rowId), b: await row(b.rowId) };
    expect(after.a!.actual?.raw ?? null).toBe(before.a!.actual?.raw ?? null);
    expect(after.b!.target?.raw ?? null).toBe(before.b!.target?.raw ?? null);
    expect(after.b!.note ?? null).toBe(before.b!.note ?? null);
    expect(await row(created)).toBeUndefined();
    // the version moves on: a sheet holding the batch's version sees the undo as a change, never the reverse
    expect(after.a!.rowVersion).toBeGreaterThan(before.a!.rowVersion);

    // audited like any change: newest first, from Excel, by the caller, with the values it put back
    const events = ok(
      await server.gql(
        `query($planId: ID!, $key: String!) { auditEvents(filter: { planId: $planId, batchKey: $key }, first: 50) {
          edges { node { entityType entityId action actor source sourceDetail at batchKey before after } } } }`,
        { planId: plan.planId, key: 'undo:undo-test-1' },
      ),
    ).auditEvents.edges.map((e: { node: Record<string, any> }) => e.node);
    // every stored row the batch wrote changed back: a, b and the new row with their targets, revisions and values
    expect(events).toHaveLength(answer.reverted);
    for (const e of events)
      expect(e).toMatchObject({ source: 'ADDIN', sourceDetail: 'Piano.xlsx / Piano', actor: expect.any(String) });
    expect(
      events.filter((e: { action: string }) => e.action === 'DELETE').map((e: { entityId: string }) => e.entityId),
    ).toContain(created);
    // and b's history (its stored rows that remain) shows the undo's own events
    const history = await sheet.history(b.rowId);
    const undid = (h: { entityId: string; at: string; action: string }) =>
      events.some((e: Record<string, any>) => e.entityId === h.entityId && e.at === h.at && e.action === h.action);
    expect(history.some(undid)).toBe(true);

    // once: the same key again is refused, and a key no batch had is not found
    const again = await undo('undo-test-1');
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(again.errors?.[0].extensions)).toContain('ALREADY_UNDONE');
    expect(again.errors?.[0].extensions?.messageIt).toContain('questo invio è già stato annullato');
    const missing = await undo('no-such-batch');
    expect(missing.errors?.[0].extensions?.messageIt).toContain('invio del foglio');
    expect((await undo('no-such-batch')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses when a row changed since: names the row, who, when and why (Italian first), and undoes nothing', async () => {
    const { server, plan } = sondrio;
    const [a, b] = plan.rows.filter((r) => r.level === 'INDICATOR').slice(6, 8);
    const start = { a: await row(a.rowId), b: await row(b.rowId) };
    await sync(server, {
      planId: plan.planId,
      batchKey: 'undo-test-2',
      source: ADDIN,
      rows: [
        { rowId: a.rowId, rowVersion: start.a!.rowVersion, actual: '11' },
        { rowId: b.rowId, rowVersion: start.b!.rowVersion, actual: '12' },
      ],
    });
    // a colleague (here through the API) changes one of the rows afterwards
    const changed = await row(a.rowId);
    await sync(server, {
      planId: plan.planId,
      batchKey: 'undo-test-3',
      source: { kind: 'GRAPHQL' },
      rows: [{ rowId: a.rowId, rowVersion: changed!.rowVersion, actual: '13' }],
    });

    const answer = ok(await undo('undo-test-2')).undoSyncBatch;
    expect(answer).toMatchObject({ undone: false, rowIds: [], reverted: 0 });
    expect(answer.refusals).toHaveLength(1);
    const refusal = answer.refusals[0];
    expect(refusal).toMatchObject({ rowId: a.rowId, code: a.code, source: 'GRAPHQL' });
    expect(refusal.changedBy).toEqual(expect.any(String));
    expect(refusal.reasonIt).toMatch(
      new RegExp(`^la riga ${a.code!.replace(/\./g, '\\.')} è stata modificata dopo l'invio da .+ \\(API\\)`),
    );
    expect(refusal.reason).toContain(`row ${a.code} was changed after the batch`);
    // the moment as the office reads it, not a stored ISO stamp
    expect(refusal.reasonIt).toMatch(/ il \d{2}\/\d{2}\/\d{4} alle \d{2}:\d{2} \(/);
    expect(refusal.reasonIt).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    // nothing undone: the colleague's value and the batch's other row stay
    expect((await row(a.rowId))!.actual?.raw).toBe('13');
    expect((await row(b.rowId))!.actual?.raw).toBe('12');
    // the later batch, on its own, can still be undone: back to the first batch's value
    expect(ok(await undo('undo-test-3')).undoSyncBatch.undone).toBe(true);
    expect((await row(a.rowId))!.actual?.raw).toBe('11');
  });
});
