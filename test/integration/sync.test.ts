import { OrgUnit } from '../../server/entities';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { asInput, changedRows, edit, ok, type SheetRowIn, tableCounts, writes } from '../helpers/sync';
import { thresholdsAt80And60, laterTargets } from '../helpers/indicator-cells';

/**
 * The sheet-row sync over HTTP on the Sondrio plan: a full round trip, updates with the scores they affect, a new
 * branch in one batch and the audit trail. Deletion is in sync-deletion.test.ts, delta reads in sync-delta.test.ts;
 * batch semantics (versions, keys, modes, crashes) in sync-batches.test.ts; limits, locks and statement counts in
 * sync-limits.test.ts.
 */

describeOnSondrio('sheet sync: round trip, updates and affected scores (%s)', (sondrio) => {
  it('takes back every row it gave, unchanged, without writing anything', async () => {
    const { server, sheet } = sondrio;
    const before = await sheet.read();
    expect(before.rows).toHaveLength(4 + 9 + 18 + 48);
    server.statements.length = 0;
    const result = await sheet.sync(before.rows.map(asInput));
    const statuses = result.rows
      .filter((r) => r.status !== 'UNCHANGED')
      .map((r) => `${r.index} ${r.status} ${JSON.stringify(r.errors)}`);
    expect(statuses).toEqual([]);
    expect(result.applied).toBe(0);
    expect(result.affected).toEqual([]);
    expect(writes(server.statements).map((sql) => sql.replace(/\u001b\[[0-9;]*m/g, '').slice(0, 60))).toEqual([]);
    expect(result.rows.map((r) => [r.rowId, r.rowVersion])).toEqual(before.rows.map((r) => [r.rowId, r.rowVersion]));
    const after = await sheet.read();
    expect(changedRows(before.rows, after.rows, [])).toEqual([]);
  });

  it("takes back a perspective's empty code cell (a perspective has no code) as unchanged", async () => {
    const { sheet } = sondrio;
    const perspective = await sheet.row('perspective', 'Processi');
    expect(perspective.code).toBeNull();
    const result = await sheet.sync([{ ...asInput(perspective), code: '' }]);
    expect(result.rows[0]).toMatchObject({ status: 'UNCHANGED', errors: [] });
  });

  it('updates an actual: new version, realization with its explanation, and every ancestor and dashboard it affects', async () => {
    const { server, plan, sheet } = sondrio;
    const dashboard = ok(
      await server.gql(
        `mutation($p: ID!) { createDashboard(input: { planId: $p, kind: SERVICE, name: "Cruscotto Relazioni con il Pubblico" }) { id } }`,
        { p: plan.planId },
      ),
    ).createDashboard;
    ok(
      await server.gql(
        `mutation($d: ID!, $i: ID!) { createDashboardEntry(input: { dashboardId: $d, indicatorId: $i }) { id } }`,
        { d: dashboard.id, i: plan.indicator('1.1.2').rowId },
      ),
    );
    const before = await sheet.read();
    const row = before.rows.find((r) => r.rowId === plan.indicator('1.1.2').rowId)!;

    const result = await sheet.sync([edit(row, { actual: '11' })]);
    const [updated] = result.rows;
    expect(updated).toMatchObject({ index: 0, rowId: row.rowId, status: 'UPDATED', errors: [], current: null });
    expect(updated.rowVersion).toBeGreaterThan(row.rowVersion);
    expect(result.applied).toBe(1);
    expect(updated.realization).toMatchObject({ status: 'SCORED', score: 0.8, display: '80%' });
    expect(updated.realization!.text).toContain('80%');
    expect(updated.realization!.text).toContain('11');
    expect(updated.realization!.explanation).toMatchObject({
      inputs: { actual: { raw: '11' }, target: { raw: '12' } },
    });

    const perspective = plan.perspective('Sviluppo del tessuto economico locale');
    expect(result.affected.map((a) => [a.level, a.id]).sort()).toEqual(
      [
        ['DASHBOARD', dashboard.id],
        ['OPERATIONAL', plan.operational('1.1').rowId],
        ['PERSPECTIVE', perspective.rowId],
        ['PLAN', plan.planId],
        ['STRATEGIC', plan.strategic('1').rowId],
      ].sort(),
    );
    for (const a of result.affected) expect(a.realization).toMatchObject({ status: 'SCORED', display: '80%' });
    expect(result.affected.find((a) => a.level === 'OPERATIONAL')!.code).toBe('1.1');
    expect(result.affected.find((a) => a.level === 'STRATEGIC')!.code).toBe('1');

    const after = await sheet.read();
    const read = after.rows.find((r) => r.rowId === row.rowId)!;
    expect(read.actual).toMatchObject({ raw: '11', number: 11, kind: 'NUMBER' });
    expect(read.rowVersion).toBe(updated.rowVersion);
    expect(changedRows(before.rows, after.rows, [row.rowId])).toEqual([]);
  });
});

describeOnSondrio('sheet sync: a new branch in one batch (%s)', (sondrio) => {
  it('creates a strategic objective, an operational objective and an indicator that name each other by clientRef', async () => {
    const { server, plan, sheet } = sondrio;
    const perspective = plan.perspective('Processi');
    const counts = await tableCounts(server);
    // children first: the server orders the rows by level, not by their place in the batch
    const rows: SheetRowIn[] = [
      {
        clientRef: 'R3',
        level: 'azione',
        code: '10.1.1',
        title: 'Pratiche digitali evase',
        parentRef: 'R2',
        weight: '100%',
        kpi: 'N. pratiche evase',
        target: '20',
        thresholds: thresholdsAt80And60('18', '15'),
        futureTargets: laterTargets('22', '25'),
        responsibleUnit: 'U.O. "Ragioneria"; U.O. "Nuova unità di prova"',
      },
      {
        clientRef: 'R2',
        level: 'obiettivo operativo',
        code: '10.1',
        title: 'Digitalizzazione delle pratiche',
        parentRef: 'R1',
        weight: '100%',
        kpi: 'ponderazione',
      },
      {
        clientRef: 'R1',
        level: 'obiettivo strategico',
        code: '10',
        title: 'Una camera digitale',
        parentRef: perspective.rowId,
        kpi: 'ponderazione',
      },
    ];
    const result = await sheet.sync(rows);
    expect(result.rows.map((r) => [r.clientRef, r.status, r.errors])).toEqual([
      ['R3', 'CREATED', []],
      ['R2', 'CREATED', []],
      ['R1', 'CREATED', []],
    ]);
    expect(result.applied).toBe(3);
    const [indicator, operational, strategic] = result.rows;
    for (const r of result.rows) {
      expect(r.rowId).toEqual(expect.any(String));
      expect(r.rowVersion).toEqual(expect.any(Number));
    }
    expect(new Set(result.rows.map((r) => r.rowId)).size).toBe(3);

    const { rows: read } = await sheet.read();
    const byId = new Map(read.map((r) => [r.rowId, r]));
    expect(byId.get(strategic.rowId!)).toMatchObject({
      level: 'STRATEGIC',
      code: '10',
      title: 'Una camera digitale',
      parentId: perspective.rowId,
      kpi: 'ponderazione',
    });
    expect(byId.get(operational.rowId!)).toMatchObject({
      level: 'OPERATIONAL',
      code: '10.1',
      parentId: strategic.rowId,
      weight: 100,
    });
    expect(byId.get(indicator.rowId!)).toMatchObject({
      level: 'INDICATOR',
      code: '10.1.1',
      title: 'Pratiche digitali evase',
      parentId: operational.rowId,
      weight: 100,
      kpi: 'N. pratiche evase',
      target: { raw: '20', number: 20 },
      thresholds: thresholdsAt80And60({ raw: '18', number: 18 }, { raw: '15', number: 15 }),
      futureTargets: laterTargets({ raw: '22', number: 22 }, { raw: '25', number: 25 }),
      actual: null,
      rowVersion: indicator.rowVersion,
    });
    expect([...byId.get(indicator.rowId!)!.responsibleUnits].sort()).toEqual([
      'U.O. "Nuova unità di prova"',
      'U.O. "Ragioneria"',
    ]);
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
      ...counts,
      events: 0,
      strategicObjectives: counts.strategicObjectives + 1,
      operationalObjectives: counts.operationalObjectives + 1,
      indicators: counts.indicators + 1,
      targets: counts.targets + 3,
      revisions: counts.revisions + 3,
      units: counts.units + 1,
      unitLinks: counts.unitLinks + 2,
    });
    const targets = ok(
      await server.gql(
        `query($i: ID!) { indicator(id: $i) { targets { year thresholds { score } revisions { kind seq value { raw } } } } }`,
        { i: indicator.rowId },
      ),
    );
    expect(
      targets.indicator.targets.map((x: any) => [x.year, x.revisions]).sort((x: any, y: any) => x[0] - y[0]),
    ).toEqual([
      [2022, [{ kind: 'ORIGINAL', seq: 0, value: { raw: '20' } }]],
      [2023, [{ kind: 'ORIGINAL', seq: 0, value: { raw: '22' } }]],
      [2024, [{ kind: 'ORIGINAL', seq: 0, value: { raw: '25' } }]],
    ]);
  });
});

describeOnSondrio('sheet sync: audit trail (%s)', (sondrio) => {
  it('records who changed a row from which workbook and sheet, with the values before and after', async () => {
    const { server, plan, sheet } = sondrio;
    const source = { kind: 'ADDIN' as const, workbook: 'Piano 2022.xlsx', sheet: 'Azioni', author: 'm.rossi' };
    const row = plan.indicator('3.4.2');
    const first = await sheet.sync([edit(row, { actual: '60%' })], { source });
    expect(first.rows[0].status).toBe('UPDATED');
    const second = await sheet.sync(
      [
        {
          rowId: row.rowId,
          rowVersion: first.rows[0].rowVersion,
          actual: '62%',
          title: 'Accesso programmato: nuovo titolo',
        },
      ],
      { source },
    );
    expect(second.rows[0].status).toBe('UPDATED');

    const history = await sheet.history(row.rowId);
    expect(history).toHaveLength(3);
    for (const e of history)
      expect(e).toMatchObject({ source: 'ADDIN', sourceDetail: 'Piano 2022.xlsx / Azioni', actor: 'm.rossi' });
    const measurementEvents = history.filter((e) => e.entityType === 'Measurement');
    expect(measurementEvents.map((e) => [e.action, e.before?.value?.raw ?? null, e.after?.value?.raw])).toEqual([
      ['UPDATE', '60%', '62%'],
      ['CREATE', null, '60%'],
    ]);
    const titleEvents = history.filter((e) => e.entityType === 'Indicator');
    expect(titleEvents).toEqual([
      expect.objectContaining({
        action: 'UPDATE',
        entityId: row.rowId,
        before: expect.objectContaining({ title: row.title }),
        after: expect.objectContaining({ title: 'Accesso programmato: nuovo titolo' }),
      }),
    ]);
    // newest first
    expect(history.map((e) => Date.parse(e.at))).toEqual(
      [...history.map((e) => Date.parse(e.at))].sort((x, y) => y - x),
    );
    const stored = ok(
      await server.gql(`query($i: ID!) { indicator(id: $i) { measurements(year: 2022) { author value { raw } } } }`, {
        i: row.rowId,
      }),
    );
    expect(stored.indicator.measurements).toEqual([{ author: 'm.rossi', value: { raw: '62%' } }]);
  });
});
