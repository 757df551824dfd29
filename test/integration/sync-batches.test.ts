import { Checkpoint, ChangeSource } from '@core/vocabulary/enums';
import { Indicator, Measurement, OrgUnit } from '../../server/entities';
import { syncRows } from '../../server/sync/sync-rows';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { changedRows, edit, newAction, ok, problems, type SheetRowIn, tableCounts, writes } from '../helpers/sync';

/**
 * What a sync batch promises as a whole: optimistic concurrency per row, one answer per batch key, ATOMIC against
 * PARTIAL, and nothing written when the server fails in the middle.
 */

describeOnSondrio('sheet sync: optimistic concurrency (%s)', (sondrio) => {
  it("refuses a stale row as a conflict carrying the server's row, who changed it and when", async () => {
    const { server, sheet } = sondrio;
    const seenByA = await sheet.row('indicator', '1.1.3');
    const seenByB = await sheet.row('indicator', '1.1.3');
    const startedAt = Date.now();
    const a = await sheet.sync([edit(seenByA, { actual: '70' })], {
      source: { kind: 'ADDIN', workbook: 'A.xlsx', sheet: 'Azioni', author: 'a.bianchi' },
    });
    expect(a.rows[0]).toMatchObject({ status: 'UPDATED' });

    const b = await sheet.sync([edit(seenByB, { actual: '90' })], {
      source: { kind: 'ADDIN', workbook: 'B.xlsx', sheet: 'Azioni', author: 'c.verdi' },
    });
    expect(b.applied).toBe(0);
    const [conflict] = b.rows;
    expect(conflict).toMatchObject({ status: 'CONFLICT', rowId: seenByB.rowId, errors: [] });
    expect(conflict.current).toMatchObject({
      rowId: seenByB.rowId,
      code: '1.1.3',
      actual: { raw: '70' },
      rowVersion: a.rows[0].rowVersion,
      changedBy: 'a.bianchi',
    });
    const changedAt = Date.parse(conflict.current!.changedAt!);
    expect(changedAt).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(changedAt).toBeLessThanOrEqual(Date.now() + 1000);

    const stored = await sheet.row('indicator', '1.1.3');
    expect(stored.actual?.raw).toBe('70');
    const em = server.orm.em.fork();
    const measurements = await em.find(Measurement, { indicator: seenByB.rowId });
    expect(measurements.map((m) => [m.year, m.checkpoint, m.value?.raw, m.author])).toEqual([
      [2022, Checkpoint.YEAR_END, '70', 'a.bianchi'],
    ]);

    // B chooses "mine" and resends with the version of the conflict
    const again = await sheet.sync([{ rowId: seenByB.rowId, rowVersion: conflict.current!.rowVersion, actual: '90' }]);
    expect(again.rows[0]).toMatchObject({ status: 'UPDATED' });
    expect((await sheet.row('indicator', '1.1.3')).actual?.raw).toBe('90');
  });

  it('leaves the version of every row a batch did not touch, and answers with the version the row then has', async () => {
    const { sheet } = sondrio;
    const before = await sheet.read();
    const one = before.rows.find((r) => r.code === '3.1.1' && r.level === 'INDICATOR')!;
    const other = before.rows.find((r) => r.code === '3.3.1' && r.level === 'INDICATOR')!;
    const result = await sheet.sync([edit(one, { actual: '21' })]);
    const after = await sheet.read();
    expect(after.rows.find((r) => r.rowId === one.rowId)!.rowVersion).toBe(result.rows[0].rowVersion);
    expect(changedRows(before.rows, after.rows, [one.rowId])).toEqual([]);
    // a colleague who read 3.3.1 before that batch can still save it
    const colleague = await sheet.sync([edit(other, { actual: '27' })]);
    expect(colleague.rows[0]).toMatchObject({ status: 'UPDATED', errors: [] });
  });
});

describeOnSondrio('sheet sync: idempotent batches (%s)', (sondrio) => {
  it('answers a retried batch key with the first answer and applies it once; refuses the key for other rows', async () => {
    const { server, plan, sheet } = sondrio;
    const measured = plan.indicator('2.1.1');
    const stale = plan.indicator('2.1.3');
    const key = {
      batchKey: 'Piano2022.xlsx#Azioni#2026-11-22T10:15:03Z',
      source: { kind: 'ADDIN' as const, workbook: 'Piano 2022.xlsx', sheet: 'Azioni', author: 'm.rossi' },
    };
    const rows = [
      edit(measured, { actual: '110' }),
      newAction('R40', plan.operational('2.1').rowId, '2.1.9', '5'),
      { rowId: stale.rowId, rowVersion: stale.rowVersion + 100, actual: '20' },
    ];
    const first = await sheet.sync(rows, key);
    expect(first).toMatchObject({ replayed: false, applied: 2, batchKey: key.batchKey });
    expect(first.rows.map((r) => r.status)).toEqual(['UPDATED', 'CREATED', 'CONFLICT']);
    const counts = await tableCounts(server);

    server.statements.length = 0;
    const second = await sheet.sync(rows, key);
    expect(second.replayed).toBe(true);
    expect(writes(server.statements).map((sql) => sql.replace(/\u001b\[[0-9;]*m/g, '').slice(0, 60))).toEqual([]);
    expect({ ...second, replayed: false }).toEqual(first);
    expect(await tableCounts(server)).toEqual(counts);

    const em = server.orm.em.fork();
    expect(await em.count(Measurement, { indicator: measured.rowId })).toBe(1);
    expect(await em.count(Indicator, { plan: plan.planId, code: '2.1.9' })).toBe(1);
    const [measurement] = await em.find(Measurement, { indicator: measured.rowId });
    const events = ok(
      await server.gql(
        `query($id: ID!) { auditEvents(filter: { entityId: $id }) { totalCount edges { node { action source actor after } } } }`,
        { id: measurement.id },
      ),
    ).auditEvents;
    expect(events.totalCount).toBe(1);
    expect(events.edges[0].node).toMatchObject({
      action: 'CREATE',
      source: 'ADDIN',
      actor: 'm.rossi',
      after: { value: { raw: '110' } },
    });

    const reused = await sheet.syncRaw([{ rowId: measured.rowId, actual: '111' }], key);
    expect(problems(reused)).toEqual([{ field: 'batchKey', code: 'KEY_REUSED', message: expect.any(String) }]);
    expect((await sheet.row('indicator', '2.1.1')).actual?.raw).toBe('110');
    expect(await tableCounts(server)).toEqual(counts);
  });
});

describeOnSondrio('sheet sync: ATOMIC and PARTIAL modes (%s)', (sondrio) => {
  it('applies nothing of an ATOMIC batch with one bad row, and the good rows of the same PARTIAL batch', async () => {
    const { server, plan, sheet } = sondrio;
    const [a, b, bad] = ['2.2.1', '2.2.2', '2.2.3'].map((code) => plan.indicator(code));
    const rows: SheetRowIn[] = [
      edit(a, { actual: '12' }),
      edit(b, { actual: '100' }),
      edit(bad, { weight: 'abc' }),
      newAction('N1', plan.operational('2.2').rowId, '2.2.5', '10'),
    ];
    const before = await sheet.read();
    const counts = await tableCounts(server);

    const atomic = await sheet.sync(rows, { mode: 'ATOMIC' });
    expect(atomic.applied).toBe(0);
    expect(atomic.mode).toBe('ATOMIC');
    const failed = [{ column: '*', code: 'BATCH_FAILED', message: expect.any(String), messageIt: expect.any(String) }];
    expect(atomic.rows.map((r) => [r.status, r.errors])).toEqual([
      ['REJECTED', failed],
      ['REJECTED', failed],
      [
        'REJECTED',
        [
          {
            column: 'weight',
            code: 'NOT_A_NUMBER',
            message: '"abc" is not a number',
            messageIt: '"abc" non è un numero',
          },
        ],
      ],
      ['REJECTED', failed],
    ]);
    expect(atomic.rows[3].rowId).toBeNull();
    expect(atomic.affected).toEqual([]);
    expect(changedRows(before.rows, (await sheet.read()).rows, [])).toEqual([]);
    expect(await tableCounts(server)).toEqual(counts);

    const partial = await sheet.sync(rows, { mode: 'PARTIAL' });
    expect(partial.applied).toBe(3);
    expect(partial.rows.map((r) => [r.status, r.errors.map((e) => e.code)])).toEqual([
      ['UPDATED', []],
      ['UPDATED', []],
      ['REJECTED', ['NOT_A_NUMBER']],
      ['CREATED', []],
    ]);
    const { rows: after } = await sheet.read();
    const byId = new Map(after.map((r) => [r.rowId, r]));
    expect(byId.get(a.rowId)!.actual?.raw).toBe('12');
    expect(byId.get(b.rowId)!.actual?.raw).toBe('100');
    expect(byId.get(bad.rowId)!.weight).toBe(25);
    expect(byId.get(partial.rows[3].rowId!)).toMatchObject({ code: '2.2.5', target: { raw: '10' } });
  });
});

describeOnSondrio('sheet sync: a crash in the middle of a batch (%s)', (sondrio) => {
  it('rolls the whole batch back', async () => {
    const { server, plan, sheet } = sondrio;
    const input = {
      planId: plan.planId,
      year: 2022,
      checkpoint: Checkpoint.YEAR_END,
      mode: 'partial' as const,
      batchKey: 'crash-test',
      rows: [
        edit(plan.indicator('1.1.1'), { actual: '3,10%' }),
        edit(plan.indicator('1.3.1'), { target: '16%', futureTargets: [{ year: 2023, value: '17%' }] }),
        edit(plan.operational('1.5'), { title: 'Certificazione d’impresa' }),
        {
          clientRef: 'N',
          level: 'azione',
          code: '1.4.3',
          title: 'Nuova azione',
          parentRef: plan.operational('1.4').rowId,
          target: '3',
          responsibleUnit: 'U.O. "Mai vista"',
        },
      ] as SheetRowIn[],
    };
    const before = await sheet.read();
    const counts = await tableCounts(server);
    const context = { em: server.orm.em.fork(), actor: 'test', source: ChangeSource.ADDIN, sourceDetail: null };
    let wrote = false;
    await expect(
      syncRows(context, input, {
        afterWrite: () => {
          wrote = true;
          throw new Error('crash');
        },
      }),
    ).rejects.toThrow('crash');
    expect(wrote).toBe(true);

    expect(changedRows(before.rows, (await sheet.read()).rows, [])).toEqual([]);
    expect(await tableCounts(server)).toEqual(counts);
    const em = server.orm.em.fork();
    expect(await em.count(Indicator, { code: '1.4.3' })).toBe(0);
    expect(await em.count(OrgUnit, { name: 'U.O. "Mai vista"' })).toBe(0);

    // the same batch, without the crash, was a valid one
    const outcome = await syncRows(
      { em: server.orm.em.fork(), actor: 'test', source: ChangeSource.ADDIN, sourceDetail: null },
      input,
    );
    expect(outcome.rows.map((r) => r.status)).toEqual(['updated', 'updated', 'updated', 'created']);
  });
});
