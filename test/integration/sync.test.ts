import { Checkpoint, ChangeSource } from '../../server/domain/enums';
import { Indicator, Measurement, OrgUnit, Target, TargetRevision } from '../../server/entities';
import { syncRows } from '../../server/sync/sync-rows';
import { databaseNames } from '../helpers/databases';
import { startServer, type TestServer } from '../helpers/server';
import {
  asInput, changedRows, dataStatements, ok, problems, readRows, rowHistory, type SheetRow, type SheetRowIn, pastMillisecond, type SondrioPlan,
  sondrioPlan, sync, syncRaw, tableCounts, writes,
} from '../helpers/sync';

/** A server on a fresh database with the Sondrio plan, for one describe block. */
function withSondrio(dialect: 'sqlite' | 'postgresql') {
  const ctx = {} as { server: TestServer; plan: SondrioPlan };
  beforeAll(async () => {
    ctx.server = await startServer(dialect, { seed: true });
    ctx.plan = await sondrioPlan(ctx.server);
  });
  afterAll(() => ctx.server.close());
  return ctx;
}

/** The current row of an indicator (or any level) by code, read through sheetRows. */
async function current(server: TestServer, planId: string, level: string, code: string): Promise<SheetRow> {
  const { rows } = await readRows(server, planId);
  const row = rows.find((r) => r.level === level.toUpperCase() && (r.code ?? r.title) === code);
  if (!row) throw new Error(`no ${level} ${code}`);
  return row;
}

describe.each(databaseNames())('sheet sync: round trip, updates and affected scores (%s)', (dialect) => {
  const t = withSondrio(dialect);

  it('takes back every row it gave, unchanged, without writing anything', async () => {
    const { server, plan } = t;
    const before = await readRows(server, plan.planId);
    expect(before.rows).toHaveLength(4 + 9 + 18 + 48);
    server.statements.length = 0;
    const result = await sync(server, { planId: plan.planId, rows: before.rows.map(asInput) });
    const statuses = result.rows.filter((r) => r.status !== 'UNCHANGED').map((r) => `${r.index} ${r.status} ${JSON.stringify(r.errors)}`);
    expect(statuses).toEqual([]);
    expect(result.applied).toBe(0);
    expect(result.affected).toEqual([]);
    expect(writes(server.statements).map((sql) => sql.replace(/\u001b\[[0-9;]*m/g, '').slice(0, 60))).toEqual([]);
    expect(result.rows.map((r) => [r.rowId, r.rowVersion])).toEqual(before.rows.map((r) => [r.rowId, r.rowVersion]));
    const after = await readRows(server, plan.planId);
    expect(changedRows(before.rows, after.rows, [])).toEqual([]);
  });

  it("takes back a perspective's empty code cell (a perspective has no code) as unchanged", async () => {
    const { server, plan } = t;
    const perspective = await current(server, plan.planId, 'perspective', 'Processi');
    expect(perspective.code).toBeNull();
    const result = await sync(server, { planId: plan.planId, rows: [{ ...asInput(perspective), code: '' }] });
    expect(result.rows[0]).toMatchObject({ status: 'UNCHANGED', errors: [] });
  });

  it('updates an actual: new version, realization with its explanation, and every ancestor and dashboard it affects', async () => {
    const { server, plan } = t;
    const dashboard = ok(await server.gql(`mutation($p: ID!) { createDashboard(input: { planId: $p, kind: SERVICE, name: "Cruscotto Relazioni con il Pubblico" }) { id } }`, { p: plan.planId })).createDashboard;
    ok(await server.gql(`mutation($d: ID!, $i: ID!) { createDashboardEntry(input: { dashboardId: $d, indicatorId: $i }) { id } }`, { d: dashboard.id, i: plan.indicator('1.1.2').rowId }));
    const before = await readRows(server, plan.planId);
    const row = before.rows.find((r) => r.rowId === plan.indicator('1.1.2').rowId)!;

    const result = await sync(server, { planId: plan.planId, rows: [{ rowId: row.rowId, rowVersion: row.rowVersion, actual: '11' }] });
    const [updated] = result.rows;
    expect(updated).toMatchObject({ index: 0, rowId: row.rowId, status: 'UPDATED', errors: [], current: null });
    expect(updated.rowVersion).toBeGreaterThan(row.rowVersion);
    expect(result.applied).toBe(1);
    expect(updated.realization).toMatchObject({ status: 'scored', score: 0.8, display: '80%' });
    expect(updated.realization!.text).toContain('80%');
    expect(updated.realization!.text).toContain('11');
    expect(updated.realization!.explanation).toMatchObject({ inputs: { actual: { raw: '11' }, target: { raw: '12' } } });

    const perspective = plan.perspective('Sviluppo del tessuto economico locale');
    expect(result.affected.map((a) => [a.level, a.id]).sort()).toEqual([
      ['dashboard', dashboard.id],
      ['operational', plan.operational('1.1').rowId],
      ['perspective', perspective.rowId],
      ['plan', plan.planId],
      ['strategic', plan.strategic('1').rowId],
    ].sort());
    for (const a of result.affected) expect(a.realization).toMatchObject({ status: 'scored', display: '80%' });
    expect(result.affected.find((a) => a.level === 'operational')!.code).toBe('1.1');
    expect(result.affected.find((a) => a.level === 'strategic')!.code).toBe('1');

    const after = await readRows(server, plan.planId);
    const read = after.rows.find((r) => r.rowId === row.rowId)!;
    expect(read.actual).toMatchObject({ raw: '11', number: 11, kind: 'number' });
    expect(read.rowVersion).toBe(updated.rowVersion);
    expect(changedRows(before.rows, after.rows, [row.rowId])).toEqual([]);
  });
});

describe.each(databaseNames())('sheet sync: a new branch in one batch (%s)', (dialect) => {
  const t = withSondrio(dialect);

  it('creates a strategic objective, an operational objective and an indicator that name each other by clientRef', async () => {
    const { server, plan } = t;
    const perspective = plan.perspective('Processi');
    const counts = await tableCounts(server);
    // children first: the server orders the rows by level, not by their place in the batch
    const rows: SheetRowIn[] = [
      {
        clientRef: 'R3', level: 'azione', code: '10.1.1', title: 'Pratiche digitali evase', parentRef: 'R2', weight: '100%', kpi: 'N. pratiche evase',
        target: '20', thresholds: [{ score: 0.8, value: '18' }, { score: 0.6, value: '15' }], futureTargets: [{ year: 2023, value: '22' }, { year: 2024, value: '25' }],
        responsibleUnit: 'U.O. "Ragioneria"; U.O. "Nuova unità di prova"',
      },
      { clientRef: 'R2', level: 'obiettivo operativo', code: '10.1', title: 'Digitalizzazione delle pratiche', parentRef: 'R1', weight: '100%', kpi: 'ponderazione' },
      { clientRef: 'R1', level: 'obiettivo strategico', code: '10', title: 'Una camera digitale', parentRef: perspective.rowId, kpi: 'ponderazione' },
    ];
    const result = await sync(server, { planId: plan.planId, rows });
    expect(result.rows.map((r) => [r.clientRef, r.status, r.errors])).toEqual([['R3', 'CREATED', []], ['R2', 'CREATED', []], ['R1', 'CREATED', []]]);
    expect(result.applied).toBe(3);
    const [indicator, operational, strategic] = result.rows;
    for (const r of result.rows) {
      expect(r.rowId).toEqual(expect.any(String));
      expect(r.rowVersion).toEqual(expect.any(Number));
    }
    expect(new Set(result.rows.map((r) => r.rowId)).size).toBe(3);

    const { rows: read } = await readRows(server, plan.planId);
    const byId = new Map(read.map((r) => [r.rowId, r]));
    expect(byId.get(strategic.rowId!)).toMatchObject({ level: 'STRATEGIC', code: '10', title: 'Una camera digitale', parentId: perspective.rowId, kpi: 'ponderazione' });
    expect(byId.get(operational.rowId!)).toMatchObject({ level: 'OPERATIONAL', code: '10.1', parentId: strategic.rowId, weight: 100 });
    expect(byId.get(indicator.rowId!)).toMatchObject({
      level: 'INDICATOR', code: '10.1.1', title: 'Pratiche digitali evase', parentId: operational.rowId, weight: 100, kpi: 'N. pratiche evase',
      target: { raw: '20', number: 20 },
      thresholds: [{ score: 0.8, value: { raw: '18', number: 18 } }, { score: 0.6, value: { raw: '15', number: 15 } }],
      futureTargets: [{ year: 2023, value: { raw: '22', number: 22 } }, { year: 2024, value: { raw: '25', number: 25 } }],
      actual: null,
      rowVersion: indicator.rowVersion,
    });
    expect([...byId.get(indicator.rowId!)!.responsibleUnits].sort()).toEqual(['U.O. "Nuova unità di prova"', 'U.O. "Ragioneria"']);
    // the tree order puts the new rows under their parents
    const order = read.map((r) => r.rowId);
    expect(order.indexOf(strategic.rowId!)).toBeGreaterThan(order.indexOf(perspective.rowId));
    expect(order.indexOf(operational.rowId!)).toBe(order.indexOf(strategic.rowId!) + 1);
    expect(order.indexOf(indicator.rowId!)).toBe(order.indexOf(operational.rowId!) + 1);

    const em = server.orm.em.fork();
    expect(await em.count(OrgUnit, { name: 'U.O. "Nuova unità di prova"' })).toBe(1);
    expect(await em.count(OrgUnit, { name: 'U.O. "Ragioneria"' })).toBe(1);
    const now = await tableCounts(server);
    expect({ ...now, events: 0 }).toEqual({
      ...counts, events: 0, strategic: counts.strategic + 1, operational: counts.operational + 1, indicators: counts.indicators + 1,
      targets: counts.targets + 3, revisions: counts.revisions + 3, units: counts.units + 1, unitLinks: counts.unitLinks + 2,
    });
    const targets = ok(await server.gql(`query($i: ID!) { indicator(id: $i) { targets { year thresholds { score } revisions { kind seq value { raw } } } } }`, { i: indicator.rowId }));
    expect(targets.indicator.targets.map((x: any) => [x.year, x.revisions]).sort((x: any, y: any) => x[0] - y[0])).toEqual([
      [2022, [{ kind: 'ORIGINAL', seq: 0, value: { raw: '20' } }]],
      [2023, [{ kind: 'ORIGINAL', seq: 0, value: { raw: '22' } }]],
      [2024, [{ kind: 'ORIGINAL', seq: 0, value: { raw: '25' } }]],
    ]);
  });
});

describe.each(databaseNames())('sheet sync: optimistic concurrency (%s)', (dialect) => {
  const t = withSondrio(dialect);

  it("refuses a stale row as a conflict carrying the server's row, who changed it and when", async () => {
    const { server, plan } = t;
    const seenByA = await current(server, plan.planId, 'indicator', '1.1.3');
    const seenByB = await current(server, plan.planId, 'indicator', '1.1.3');
    const startedAt = Date.now();
    const a = await sync(server, { planId: plan.planId, source: { kind: 'ADDIN', workbook: 'A.xlsx', sheet: 'Azioni', author: 'a.bianchi' }, rows: [{ rowId: seenByA.rowId, rowVersion: seenByA.rowVersion, actual: '70' }] });
    expect(a.rows[0]).toMatchObject({ status: 'UPDATED' });

    const b = await sync(server, { planId: plan.planId, source: { kind: 'ADDIN', workbook: 'B.xlsx', sheet: 'Azioni', author: 'c.verdi' }, rows: [{ rowId: seenByB.rowId, rowVersion: seenByB.rowVersion, actual: '90' }] });
    expect(b.applied).toBe(0);
    const [conflict] = b.rows;
    expect(conflict).toMatchObject({ status: 'CONFLICT', rowId: seenByB.rowId, errors: [] });
    expect(conflict.current).toMatchObject({ rowId: seenByB.rowId, code: '1.1.3', actual: { raw: '70' }, rowVersion: a.rows[0].rowVersion, changedBy: 'a.bianchi' });
    const changedAt = Date.parse(conflict.current!.changedAt!);
    expect(changedAt).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(changedAt).toBeLessThanOrEqual(Date.now() + 1000);

    const stored = await current(server, plan.planId, 'indicator', '1.1.3');
    expect(stored.actual?.raw).toBe('70');
    const em = server.orm.em.fork();
    const measurements = await em.find(Measurement, { indicator: seenByB.rowId });
    expect(measurements.map((m) => [m.year, m.checkpoint, m.value?.raw, m.author])).toEqual([[2022, Checkpoint.YEAR_END, '70', 'a.bianchi']]);

    // B chooses "mine" and resends with the version of the conflict
    const again = await sync(server, { planId: plan.planId, rows: [{ rowId: seenByB.rowId, rowVersion: conflict.current!.rowVersion, actual: '90' }] });
    expect(again.rows[0]).toMatchObject({ status: 'UPDATED' });
    expect((await current(server, plan.planId, 'indicator', '1.1.3')).actual?.raw).toBe('90');
  });

  it('leaves the version of every row a batch did not touch, and answers with the version the row then has', async () => {
    const { server, plan } = t;
    const before = await readRows(server, plan.planId);
    const one = before.rows.find((r) => r.code === '3.1.1' && r.level === 'INDICATOR')!;
    const other = before.rows.find((r) => r.code === '3.3.1' && r.level === 'INDICATOR')!;
    const result = await sync(server, { planId: plan.planId, rows: [{ rowId: one.rowId, rowVersion: one.rowVersion, actual: '21' }] });
    const after = await readRows(server, plan.planId);
    expect(after.rows.find((r) => r.rowId === one.rowId)!.rowVersion).toBe(result.rows[0].rowVersion);
    expect(changedRows(before.rows, after.rows, [one.rowId])).toEqual([]);
    // a colleague who read 3.3.1 before that batch can still save it
    const colleague = await sync(server, { planId: plan.planId, rows: [{ rowId: other.rowId, rowVersion: other.rowVersion, actual: '27' }] });
    expect(colleague.rows[0]).toMatchObject({ status: 'UPDATED', errors: [] });
  });
});

describe.each(databaseNames())('sheet sync: idempotent batches (%s)', (dialect) => {
  const t = withSondrio(dialect);

  it('answers a retried batch key with the first answer and applies it once; refuses the key for other rows', async () => {
    const { server, plan } = t;
    const measured = plan.indicator('2.1.1');
    const stale = plan.indicator('2.1.3');
    const batch = {
      planId: plan.planId,
      batchKey: 'Piano2022.xlsx#Azioni#2026-11-22T10:15:03Z',
      source: { kind: 'ADDIN' as const, workbook: 'Piano 2022.xlsx', sheet: 'Azioni', author: 'm.rossi' },
      rows: [
        { rowId: measured.rowId, rowVersion: measured.rowVersion, actual: '110' },
        { clientRef: 'R40', level: 'azione', code: '2.1.9', title: 'Nuova azione', parentRef: plan.operational('2.1').rowId, target: '5' },
        { rowId: stale.rowId, rowVersion: stale.rowVersion + 100, actual: '20' },
      ] as SheetRowIn[],
    };
    const first = await sync(server, batch);
    expect(first).toMatchObject({ replayed: false, applied: 2, batchKey: batch.batchKey });
    expect(first.rows.map((r) => r.status)).toEqual(['UPDATED', 'CREATED', 'CONFLICT']);
    const counts = await tableCounts(server);

    server.statements.length = 0;
    const second = await sync(server, batch);
    expect(second.replayed).toBe(true);
    expect(writes(server.statements).map((sql) => sql.replace(/\u001b\[[0-9;]*m/g, '').slice(0, 60))).toEqual([]);
    expect({ ...second, replayed: false }).toEqual(first);
    expect(await tableCounts(server)).toEqual(counts);

    const em = server.orm.em.fork();
    expect(await em.count(Measurement, { indicator: measured.rowId })).toBe(1);
    expect(await em.count(Indicator, { plan: plan.planId, code: '2.1.9' })).toBe(1);
    const [measurement] = await em.find(Measurement, { indicator: measured.rowId });
    const events = ok(await server.gql(`query($id: ID!) { auditEvents(filter: { entityId: $id }) { totalCount edges { node { action source actor after } } } }`, { id: measurement.id })).auditEvents;
    expect(events.totalCount).toBe(1);
    expect(events.edges[0].node).toMatchObject({ action: 'CREATE', source: 'ADDIN', actor: 'm.rossi', after: { value: { raw: '110' } } });

    const reused = await syncRaw(server, { ...batch, rows: [{ rowId: measured.rowId, actual: '111' }] });
    expect(problems(reused)).toEqual([{ field: 'batchKey', code: 'KEY_REUSED', message: expect.any(String) }]);
    expect((await current(server, plan.planId, 'indicator', '2.1.1')).actual?.raw).toBe('110');
    expect(await tableCounts(server)).toEqual(counts);
  });
});

describe.each(databaseNames())('sheet sync: ATOMIC and PARTIAL modes (%s)', (dialect) => {
  const t = withSondrio(dialect);

  it('applies nothing of an ATOMIC batch with one bad row, and the good rows of the same PARTIAL batch', async () => {
    const { server, plan } = t;
    const [a, b, bad] = ['2.2.1', '2.2.2', '2.2.3'].map((code) => plan.indicator(code));
    const rows: SheetRowIn[] = [
      { rowId: a.rowId, rowVersion: a.rowVersion, actual: '12' },
      { rowId: b.rowId, rowVersion: b.rowVersion, actual: '100' },
      { rowId: bad.rowId, rowVersion: bad.rowVersion, weight: 'abc' },
      { clientRef: 'N1', level: 'azione', code: '2.2.5', title: 'Nuova azione', parentRef: plan.operational('2.2').rowId, target: '10' },
    ];
    const before = await readRows(server, plan.planId);
    const counts = await tableCounts(server);

    const atomic = await sync(server, { planId: plan.planId, mode: 'ATOMIC', rows });
    expect(atomic.applied).toBe(0);
    expect(atomic.mode).toBe('ATOMIC');
    const failed = [{ column: '*', code: 'BATCH_FAILED', message: expect.any(String), messageIt: expect.any(String) }];
    expect(atomic.rows.map((r) => [r.status, r.errors])).toEqual([
      ['REJECTED', failed],
      ['REJECTED', failed],
      ['REJECTED', [{ column: 'weight', code: 'NOT_A_NUMBER', message: '"abc" is not a number', messageIt: '"abc" non è un numero' }]],
      ['REJECTED', failed],
    ]);
    expect(atomic.rows[3].rowId).toBeNull();
    expect(atomic.affected).toEqual([]);
    expect(changedRows(before.rows, (await readRows(server, plan.planId)).rows, [])).toEqual([]);
    expect(await tableCounts(server)).toEqual(counts);

    const partial = await sync(server, { planId: plan.planId, mode: 'PARTIAL', rows });
    expect(partial.applied).toBe(3);
    expect(partial.rows.map((r) => [r.status, r.errors.map((e) => e.code)])).toEqual([['UPDATED', []], ['UPDATED', []], ['REJECTED', ['NOT_A_NUMBER']], ['CREATED', []]]);
    const { rows: after } = await readRows(server, plan.planId);
    const byId = new Map(after.map((r) => [r.rowId, r]));
    expect(byId.get(a.rowId)!.actual?.raw).toBe('12');
    expect(byId.get(b.rowId)!.actual?.raw).toBe('100');
    expect(byId.get(bad.rowId)!.weight).toBe(25);
    expect(byId.get(partial.rows[3].rowId!)).toMatchObject({ code: '2.2.5', target: { raw: '10' } });
  });
});

describe.each(databaseNames())('sheet sync: a crash in the middle of a batch (%s)', (dialect) => {
  const t = withSondrio(dialect);

  it('rolls the whole batch back', async () => {
    const { server, plan } = t;
    const input = {
      planId: plan.planId,
      year: 2022,
      checkpoint: Checkpoint.YEAR_END,
      mode: 'partial' as const,
      batchKey: 'crash-test',
      rows: [
        { rowId: plan.indicator('1.1.1').rowId, actual: '3,10%' },
        { rowId: plan.indicator('1.3.1').rowId, target: '16%', futureTargets: [{ year: 2023, value: '17%' }] },
        { rowId: plan.operational('1.5').rowId, title: 'Certificazione d’impresa' },
        { clientRef: 'N', level: 'azione', code: '1.4.3', title: 'Nuova azione', parentRef: plan.operational('1.4').rowId, target: '3', responsibleUnit: 'U.O. "Mai vista"' },
      ] as SheetRowIn[],
    };
    const before = await readRows(server, plan.planId);
    const counts = await tableCounts(server);
    const context = { em: server.orm.em.fork(), actor: 'test', source: ChangeSource.ADDIN, sourceDetail: null };
    let wrote = false;
    await expect(syncRows(context, input, { afterWrite: () => {
      wrote = true;
      throw new Error('crash');
    } })).rejects.toThrow('crash');
    expect(wrote).toBe(true);

    expect(changedRows(before.rows, (await readRows(server, plan.planId)).rows, [])).toEqual([]);
    expect(await tableCounts(server)).toEqual(counts);
    const em = server.orm.em.fork();
    expect(await em.count(Indicator, { code: '1.4.3' })).toBe(0);
    expect(await em.count(OrgUnit, { name: 'U.O. "Mai vista"' })).toBe(0);

    // the same batch, without the crash, was a valid one
    const outcome = await syncRows({ em: server.orm.em.fork(), actor: 'test', source: ChangeSource.ADDIN, sourceDetail: null }, input);
    expect(outcome.rows.map((r) => r.status)).toEqual(['updated', 'updated', 'updated', 'created']);
  });
});

describe.each(databaseNames())('sheet sync: deletion (%s)', (dialect) => {
  const t = withSondrio(dialect);

  it('deletes only the rows sent with delete: true; rows missing from a batch stay', async () => {
    const { server, plan } = t;
    const before = await readRows(server, plan.planId);
    const gone = plan.indicator('1.4.2');
    const kept = plan.indicator('1.4.1');
    const result = await sync(server, { planId: plan.planId, rows: [{ rowId: kept.rowId, rowVersion: kept.rowVersion }, { rowId: gone.rowId, rowVersion: gone.rowVersion, delete: true }] });
    expect(result.rows.map((r) => [r.status, r.rowVersion, r.errors])).toEqual([['UNCHANGED', kept.rowVersion, []], ['DELETED', null, []]]);
    expect(result.applied).toBe(1);
    const after = await readRows(server, plan.planId);
    expect(after.rows.find((r) => r.rowId === gone.rowId)).toBeUndefined();
    expect(after.rows).toHaveLength(before.rows.length - 1);
    expect(changedRows(before.rows, after.rows, [gone.rowId])).toEqual([]);
    const em = server.orm.em.fork();
    expect(await em.count(Indicator, { id: gone.rowId })).toBe(0);
    expect(await em.count(Target, { indicator: gone.rowId })).toBe(0);
    const history = await rowHistory(server, plan.planId, gone.rowId);
    // (the case of action is the audit trail's concern, tested there)
    expect(history[0]).toMatchObject({ entityType: 'Indicator', entityId: gone.rowId, action: expect.stringMatching(/^delete$/i), after: null, before: expect.objectContaining({ code: '1.4.2' }) });
  });

  it('deletes an objective together with all its children in one batch, and lists them in a later delta read', async () => {
    const { server, plan } = t;
    const { serverTime } = await readRows(server, plan.planId);
    await pastMillisecond(serverTime);
    const objective = plan.operational('2.2');
    const children = ['2.2.1', '2.2.2', '2.2.3', '2.2.4'].map((code) => plan.indicator(code));
    const result = await sync(server, { planId: plan.planId, rows: [objective, ...children].map((r) => ({ rowId: r.rowId, rowVersion: r.rowVersion, delete: true })) });
    expect(result.rows.map((r) => [r.status, r.errors])).toEqual(Array(5).fill(['DELETED', []]));
    const ids = [objective.rowId, ...children.map((c) => c.rowId)];
    const { rows } = await readRows(server, plan.planId);
    expect(rows.filter((r) => ids.includes(r.rowId))).toEqual([]);
    const em = server.orm.em.fork();
    expect(await em.count(Target, { indicator: { $in: ids } })).toBe(0);
    expect(await em.count(TargetRevision, { target: { indicator: { $in: ids } } })).toBe(0);

    const delta = await readRows(server, plan.planId, { since: serverTime });
    expect([...delta.deletedRowIds].sort()).toEqual([...ids].sort());
    expect(delta.rows.filter((r) => ids.includes(r.rowId))).toEqual([]);
  });

  it('keeps a parent whose children could not be deleted', async () => {
    const { server, plan } = t;
    const strategic = plan.strategic('6');
    const operational = plan.operational('6.1');
    const before = await readRows(server, plan.planId);
    // 6.1 still has 6.1.1 and 6.1.2, which are not in the batch: 6.1 stays, so 6 must stay too
    const result = await sync(server, { planId: plan.planId, rows: [strategic, operational].map((r) => ({ rowId: r.rowId, rowVersion: r.rowVersion, delete: true })) });
    expect(result.rows.map((r) => [r.status, r.errors.map((e) => `${e.column}:${e.code}`)])).toEqual([
      ['REJECTED', ['delete:HAS_CHILDREN']],
      ['REJECTED', ['delete:HAS_CHILDREN']],
    ]);
    const after = await readRows(server, plan.planId);
    expect(changedRows(before.rows, after.rows, [])).toEqual([]);
  });
});

describe.each(databaseNames())('sheet sync: delta reads (%s)', (dialect) => {
  const t = withSondrio(dialect);

  it('returns only the rows changed after a read, in the same shape as a full read', async () => {
    const { server, plan } = t;
    const first = await readRows(server, plan.planId);
    await pastMillisecond(first.serverTime);
    const a = plan.indicator('3.1.1');
    const b = plan.indicator('3.3.1');
    const result = await sync(server, {
      planId: plan.planId,
      rows: [
        { rowId: a.rowId, actual: '18' },
        { rowId: b.rowId, note: 'dato provvisorio' },
        { clientRef: 'N', level: 'azione', code: '3.3.5', title: 'Nuova azione', parentRef: plan.operational('3.3').rowId, target: '30' },
      ],
    });
    expect(result.rows.map((r) => r.status)).toEqual(['UPDATED', 'UPDATED', 'CREATED']);
    const changed = [a.rowId, b.rowId, result.rows[2].rowId!];

    const delta = await readRows(server, plan.planId, { since: first.serverTime });
    expect(delta.deletedRowIds).toEqual([]);
    expect(delta.rows.map((r) => r.rowId).sort()).toEqual([...changed].sort());
    const full = await readRows(server, plan.planId);
    expect(full.rows).toHaveLength(first.rows.length + 1);
    for (const row of delta.rows) expect(row).toEqual(full.rows.find((r) => r.rowId === row.rowId));
    expect(Date.parse(delta.serverTime)).toBeGreaterThanOrEqual(Date.parse(first.serverTime));

    // nothing changed since the last read: an empty delta
    const quiet = await readRows(server, plan.planId, { since: full.serverTime });
    expect(quiet).toMatchObject({ rows: [], deletedRowIds: [] });
  });

  it('lists a row whose only change is a future target', async () => {
    const { server, plan } = t;
    const { serverTime } = await readRows(server, plan.planId);
    await pastMillisecond(serverTime);
    const row = await current(server, plan.planId, 'indicator', '3.3.2');
    const result = await sync(server, { planId: plan.planId, rows: [{ rowId: row.rowId, rowVersion: row.rowVersion, futureTargets: [{ year: 2023, value: '6' }] }] });
    expect(result.rows[0]).toMatchObject({ status: 'UPDATED', errors: [] });
    expect(result.rows[0].rowVersion).not.toBe(row.rowVersion);
    const delta = await readRows(server, plan.planId, { since: serverTime });
    expect(delta.rows.map((r) => r.code)).toEqual(['3.3.2']);
    expect(delta.rows[0].futureTargets).toMatchObject([{ year: 2023, value: { raw: '6' } }, { year: 2024, value: { raw: '6' } }]);
  });

  it('gives a new version to, and lists, a row whose only change is its responsible units', async () => {
    const { server, plan } = t;
    const { serverTime } = await readRows(server, plan.planId);
    await pastMillisecond(serverTime);
    const row = await current(server, plan.planId, 'indicator', '3.3.3');
    const result = await sync(server, { planId: plan.planId, rows: [{ rowId: row.rowId, rowVersion: row.rowVersion, responsibleUnit: 'U.O. "Ragioneria"' }] });
    expect(result.rows[0]).toMatchObject({ status: 'UPDATED', errors: [] });
    const delta = await readRows(server, plan.planId, { since: serverTime });
    expect(delta.rows.map((r) => [r.code, r.responsibleUnits])).toEqual([['3.3.3', ['U.O. "Ragioneria"']]]);
    // a colleague who read the row before this change must get a conflict, not overwrite it unseen
    expect(result.rows[0].rowVersion).not.toBe(row.rowVersion);
    const colleague = await sync(server, { planId: plan.planId, rows: [{ rowId: row.rowId, rowVersion: row.rowVersion, responsibleUnit: 'Area III "Anagrafico - certificativa"' }] });
    expect(colleague.rows[0].status).toBe('CONFLICT');
  });
});

describe.each(databaseNames())('sheet sync: audit trail (%s)', (dialect) => {
  const t = withSondrio(dialect);

  it('records who changed a row from which workbook and sheet, with the values before and after', async () => {
    const { server, plan } = t;
    const source = { kind: 'ADDIN' as const, workbook: 'Piano 2022.xlsx', sheet: 'Azioni', author: 'm.rossi' };
    const row = plan.indicator('3.4.2');
    // (no rowVersion: versions are the concern of the concurrency tests)
    const first = await sync(server, { planId: plan.planId, source, rows: [{ rowId: row.rowId, actual: '60%' }] });
    expect(first.rows[0].status).toBe('UPDATED');
    const second = await sync(server, { planId: plan.planId, source, rows: [{ rowId: row.rowId, actual: '62%', title: 'Accesso programmato: nuovo titolo' }] });
    expect(second.rows[0].status).toBe('UPDATED');

    const history = await rowHistory(server, plan.planId, row.rowId);
    expect(history).toHaveLength(3);
    for (const e of history) expect(e).toMatchObject({ source: 'ADDIN', sourceDetail: 'Piano 2022.xlsx / Azioni', actor: 'm.rossi' });
    const measurementEvents = history.filter((e) => e.entityType === 'Measurement');
    expect(measurementEvents.map((e) => [e.action, e.before?.value?.raw ?? null, e.after?.value?.raw])).toEqual([
      ['UPDATE', '60%', '62%'],
      ['CREATE', null, '60%'],
    ]);
    const titleEvents = history.filter((e) => e.entityType === 'Indicator');
    expect(titleEvents).toEqual([expect.objectContaining({ action: 'UPDATE', entityId: row.rowId, before: expect.objectContaining({ title: row.title }), after: expect.objectContaining({ title: 'Accesso programmato: nuovo titolo' }) })]);
    // newest first
    expect(history.map((e) => Date.parse(e.at))).toEqual([...history.map((e) => Date.parse(e.at))].sort((x, y) => y - x));
    const stored = ok(await server.gql(`query($i: ID!) { indicator(id: $i) { measurements(year: 2022) { author value { raw } } } }`, { i: row.rowId }));
    expect(stored.indicator.measurements).toEqual([{ author: 'm.rossi', value: { raw: '62%' } }]);
  });
});

describe.each(databaseNames())('sheet sync: limits and locks (%s)', (dialect) => {
  const t = withSondrio(dialect);

  it('refuses a batch of more than 5,000 rows as a whole', async () => {
    const { server, plan } = t;
    const counts = await tableCounts(server);
    const tooMany = await syncRaw(server, { planId: plan.planId, rows: Array.from({ length: 5001 }, () => ({ actual: '1' })) });
    expect(problems(tooMany)).toEqual([{ field: 'rows', code: 'BATCH_TOO_LARGE', message: expect.stringContaining('5000') }]);
    expect(await tableCounts(server)).toEqual(counts);
  });

  it('reads a batch of exactly 5,000 rows row by row', async () => {
    const { server, plan } = t;
    const result = await sync(server, { planId: plan.planId, rows: Array.from({ length: 5000 }, () => ({ actual: '1' })) });
    expect(result.rows).toHaveLength(5000);
    expect(new Set(result.rows.map((r) => `${r.status} ${r.errors.map((e) => `${e.column}:${e.code}`).join()}`))).toEqual(new Set(['REJECTED level:REQUIRED']));
  });

  it('refuses actual values of a locked checkpoint, and takes them again once unlocked', async () => {
    const { server, plan } = t;
    const locked = ok(await server.gql(`mutation($p: ID!) { lockCheckpoint(planId: $p, year: 2022, checkpoint: YEAR_END, reason: "Relazione approvata") { year checkpoint reason } }`, { p: plan.planId }));
    expect(locked.lockCheckpoint).toEqual({ year: 2022, checkpoint: 'YEAR_END', reason: 'Relazione approvata' });
    const measured = await current(server, plan.planId, 'indicator', '1.5.1');
    const noted = await current(server, plan.planId, 'indicator', '2.1.2');
    const targeted = await current(server, plan.planId, 'indicator', '2.1.4');
    const result = await sync(server, {
      planId: plan.planId,
      rows: [
        { rowId: measured.rowId, rowVersion: measured.rowVersion, actual: '260' },
        { rowId: noted.rowId, rowVersion: noted.rowVersion, note: 'fonte: Infocamere' },
        { rowId: targeted.rowId, rowVersion: targeted.rowVersion, target: '21%' },
      ],
    });
    expect(result.rows.map((r) => [r.status, r.errors.map((e) => `${e.column}:${e.code}`)])).toEqual([
      ['REJECTED', ['actual:PERIOD_LOCKED']],
      ['REJECTED', ['note:PERIOD_LOCKED']],
      ['UPDATED', []],
    ]);
    expect(result.rows[0].errors[0].message).toContain('Relazione approvata');
    expect(result.rows[0].errors[0].messageIt).toContain('Relazione approvata');
    expect((await current(server, plan.planId, 'indicator', '1.5.1')).actual).toBeNull();
    // the half-year checkpoint is not locked
    const midYear = await sync(server, { planId: plan.planId, checkpoint: 'MID_YEAR', rows: [{ rowId: measured.rowId, actual: '120' }] });
    expect(midYear.rows[0]).toMatchObject({ status: 'UPDATED', errors: [] });

    expect(ok(await server.gql(`mutation($p: ID!) { unlockCheckpoint(planId: $p, year: 2022, checkpoint: YEAR_END) }`, { p: plan.planId })).unlockCheckpoint).toBe(true);
    const now = await current(server, plan.planId, 'indicator', '1.5.1');
    const unlocked = await sync(server, { planId: plan.planId, rows: [{ rowId: measured.rowId, rowVersion: now.rowVersion, actual: '260' }] });
    expect(unlocked.rows[0]).toMatchObject({ status: 'UPDATED', errors: [] });
    expect((await current(server, plan.planId, 'indicator', '1.5.1')).actual?.raw).toBe('260');
  });
});

describe.each(databaseNames())('sheet sync: an approved plan (%s)', (dialect) => {
  const t = withSondrio(dialect);

  it('keeps its structure, appends a target change as a revised target, and still takes actual values', async () => {
    const { server, plan } = t;
    const approved = ok(await server.gql(`mutation($p: ID!) { approvePlanVersion(id: $p) { status } }`, { p: plan.planId }));
    expect(approved.approvePlanVersion.status).toBe('APPROVED');
    const [titled, targeted, weighted, measured, removed] = ['1.1.1', '1.1.3', '1.3.2', '1.3.3', '1.4.2'].map((code) => plan.indicator(code));
    const before = await readRows(server, plan.planId);
    const result = await sync(server, {
      planId: plan.planId,
      rows: [
        { rowId: titled.rowId, rowVersion: titled.rowVersion, title: 'Un altro titolo' },
        { rowId: targeted.rowId, rowVersion: targeted.rowVersion, target: '110' },
        { rowId: weighted.rowId, rowVersion: weighted.rowVersion, weight: '30%' },
        { rowId: measured.rowId, rowVersion: measured.rowVersion, actual: '97%' },
        { rowId: removed.rowId, rowVersion: removed.rowVersion, delete: true },
        { clientRef: 'N', level: 'azione', code: '1.1.9', title: 'Nuova azione', parentRef: plan.operational('1.1').rowId, target: '1' },
      ],
    });
    expect(result.rows.map((r) => [r.status, r.errors.map((e) => `${e.column}:${e.code}`)])).toEqual([
      ['REJECTED', ['title:PLAN_LOCKED']],
      ['UPDATED', []],
      ['REJECTED', ['weight:PLAN_LOCKED']],
      ['UPDATED', []],
      ['REJECTED', ['delete:PLAN_LOCKED']],
      ['REJECTED', ['rowId:PLAN_LOCKED']],
    ]);
    expect(result.rows[0].errors[0].message).toContain('approved');

    const targets = ok(await server.gql(`query($i: ID!) { indicator(id: $i) { targets(year: 2022) { revisions { seq kind value { raw } } effective { value { raw } } } } }`, { i: targeted.rowId }));
    expect(targets.indicator.targets).toEqual([{
      revisions: [{ seq: 0, kind: 'ORIGINAL', value: { raw: '100' } }, { seq: 1, kind: 'REVISED', value: { raw: '110' } }],
      effective: { value: { raw: '110' } },
    }]);
    const after = await readRows(server, plan.planId);
    expect(after.rows.find((r) => r.rowId === targeted.rowId)).toMatchObject({ target: { raw: '110' }, originalTarget: { raw: '100' } });
    expect(after.rows.find((r) => r.rowId === measured.rowId)).toMatchObject({ actual: { raw: '97%' } });
    expect(changedRows(before.rows, after.rows, [targeted.rowId, measured.rowId])).toEqual([]);
  });
});

describe.each(databaseNames())('sheet sync: SQL statements per batch (%s)', (dialect) => {
  const t = withSondrio(dialect);

  it('does not grow with the number of rows: 10 and 40 actual updates cost the same statements', async () => {
    const { server, plan } = t;
    const indicators = plan.rows.filter((r) => r.level === 'INDICATOR');
    expect(indicators.length).toBeGreaterThanOrEqual(40);
    // every indicator gets a measurement first, so both batches below update existing rows
    const primed = await sync(server, { planId: plan.planId, rows: indicators.map((r) => ({ rowId: r.rowId, actual: '1' })) });
    expect(primed.rows.every((r) => r.status === 'UPDATED')).toBe(true);

    const statementsFor = async (count: number, value: string) => {
      server.statements.length = 0;
      const result = await sync(server, { planId: plan.planId, rows: indicators.slice(0, count).map((r) => ({ rowId: r.rowId, actual: value })) });
      expect(result.rows.filter((r) => r.status === 'UPDATED')).toHaveLength(count);
      // one line per statement: its verb and table, so a difference shows what repeats
      return dataStatements(server.statements).map((sql) => {
        const text = sql.replace(/\u001b\[[0-9;]*m/g, '').replace(/^\s*\[query\]\s*/, '');
        const table = /\b(?:from|into|update)\s+[`"]?(\w+)/i.exec(text)?.[1] ?? '';
        return `${text.split(/\s/)[0].toLowerCase()} ${table}`;
      });
    };
    const ten = await statementsFor(10, '2');
    const forty = await statementsFor(40, '3');
    expect(forty).toEqual(ten);
    expect(ten.length).toBeGreaterThan(0);
  });

  it('writes a 5,000-row create batch in a bounded number of statements, every row with its target, actual and unit', async () => {
    const { server, plan } = t;
    const parent = plan.operational('1.1').rowId;
    const rows: SheetRowIn[] = Array.from({ length: 5000 }, (_, n) => ({
      level: 'indicator', code: `B.${n}`, title: `Azione ${n}`, parentRef: parent, weight: '1', target: String(100 + (n % 7)),
      thresholds: [{ score: 0.8, value: '80' }], actual: String(90 + (n % 20)), responsibleUnit: n % 2 ? 'U.O. "Nuova di prova"' : 'U.O. "Altra di prova"',
    }));
    const before = await tableCounts(server);
    server.statements.length = 0;
    const result = await sync(server, { planId: plan.planId, rows, batchKey: 'five-thousand' });
    const statements = dataStatements(server.statements);
    expect(result.rows.filter((r) => r.status === 'CREATED')).toHaveLength(5000);
    // written table by table in multi-row statements: a per-row write would be thousands
    expect(statements.length).toBeLessThanOrEqual(60);
    expect(writes(server.statements).length).toBeLessThanOrEqual(30);
    // scored from memory as the database now has them: each new row's version and score are what a read gives
    const after = await readRows(server, plan.planId);
    const byId = new Map(after.rows.map((r) => [r.rowId, r]));
    for (const [n, r] of result.rows.entries()) {
      const stored = byId.get(r.rowId!)!;
      expect([stored.code, stored.rowVersion, stored.target?.raw, stored.actual?.raw]).toEqual([`B.${n}`, r.rowVersion, rows[n].target, rows[n].actual]);
      expect(stored.responsibleUnits).toEqual([rows[n].responsibleUnit]);
    }
    const counts = await tableCounts(server);
    expect(counts.indicators - before.indicators).toBe(5000);
    expect(counts.targets - before.targets).toBe(5000);
    expect(counts.revisions - before.revisions).toBe(5000);
    expect(counts.measurements - before.measurements).toBe(5000);
    expect(counts.unitLinks - before.unitLinks).toBe(5000);
    expect(counts.units - before.units).toBe(2);
    expect(counts.events - before.events).toBe(4 * 5000);
    expect(counts.batches - before.batches).toBe(1);
  }, 120_000);
});
