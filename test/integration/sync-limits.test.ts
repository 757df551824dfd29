import { describeOnSondrio } from '../helpers/sondrio-server';
import {
  changedRows,
  dataStatements,
  edit,
  newAction,
  ok,
  outcomes,
  problems,
  type SheetRowIn,
  tableCounts,
  writes,
} from '../helpers/sync';

/**
 * The bounds of a sync batch: its size, locked checkpoints, an approved plan's structure, and SQL statements that do
 * not grow with the number of rows.
 */

describeOnSondrio('sheet sync: limits and locks (%s)', (sondrio) => {
  it('refuses a batch of more than 5,000 rows as a whole', async () => {
    const { server, sheet } = sondrio;
    const counts = await tableCounts(server);
    const tooMany = await sheet.syncRaw(Array.from({ length: 5001 }, () => ({ actual: '1' })));
    expect(problems(tooMany)).toEqual([
      { field: 'rows', code: 'BATCH_TOO_LARGE', message: expect.stringContaining('5000') },
    ]);
    expect(await tableCounts(server)).toEqual(counts);
  });

  it('reads a batch of exactly 5,000 rows row by row', async () => {
    const result = await sondrio.sheet.sync(Array.from({ length: 5000 }, () => ({ actual: '1' })));
    expect(result.rows).toHaveLength(5000);
    expect(
      new Set(result.rows.map((r) => `${r.status} ${r.errors.map((e) => `${e.column}:${e.code}`).join()}`)),
    ).toEqual(new Set(['REJECTED level:REQUIRED']));
  });

  it('refuses actual values of a locked checkpoint, and takes them again once unlocked', async () => {
    const { server, plan, sheet } = sondrio;
    const locked = ok(
      await server.gql(
        `mutation($p: ID!) { lockCheckpoint(planId: $p, year: 2022, checkpoint: YEAR_END, reason: "Relazione approvata") { year checkpoint reason } }`,
        { p: plan.planId },
      ),
    );
    expect(locked.lockCheckpoint).toEqual({ year: 2022, checkpoint: 'YEAR_END', reason: 'Relazione approvata' });
    const measured = await sheet.row('indicator', '1.5.1');
    const noted = await sheet.row('indicator', '2.1.2');
    const targeted = await sheet.row('indicator', '2.1.4');
    const result = await sheet.sync([
      edit(measured, { actual: '260' }),
      edit(noted, { note: 'fonte: Infocamere' }),
      edit(targeted, { target: '21%' }),
    ]);
    expect(outcomes(result)).toEqual([
      ['REJECTED', ['actual:PERIOD_LOCKED']],
      ['REJECTED', ['note:PERIOD_LOCKED']],
      ['UPDATED', []],
    ]);
    expect(result.rows[0].errors[0].message).toContain('Relazione approvata');
    expect(result.rows[0].errors[0].messageIt).toContain('Relazione approvata');
    expect((await sheet.row('indicator', '1.5.1')).actual).toBeNull();
    // the half-year checkpoint is not locked
    const midYearRow = (await sheet.read({ checkpoint: 'MID_YEAR' })).rows.find((r) => r.rowId === measured.rowId)!;
    const midYear = await sheet.sync([{ rowId: measured.rowId, rowVersion: midYearRow.rowVersion, actual: '120' }], {
      checkpoint: 'MID_YEAR',
    });
    expect(midYear.rows[0]).toMatchObject({ status: 'UPDATED', errors: [] });

    expect(
      ok(
        await server.gql(`mutation($p: ID!) { unlockCheckpoint(planId: $p, year: 2022, checkpoint: YEAR_END) }`, {
          p: plan.planId,
        }),
      ).unlockCheckpoint,
    ).toBe(true);
    const now = await sheet.row('indicator', '1.5.1');
    const unlocked = await sheet.sync([{ rowId: measured.rowId, rowVersion: now.rowVersion, actual: '260' }]);
    expect(unlocked.rows[0]).toMatchObject({ status: 'UPDATED', errors: [] });
    expect((await sheet.row('indicator', '1.5.1')).actual?.raw).toBe('260');
  });
});

describeOnSondrio('sheet sync: an approved plan (%s)', (sondrio) => {
  it('keeps its structure, appends a target change as a revised target, and still takes actual values', async () => {
    const { server, plan, sheet } = sondrio;
    const approved = ok(
      await server.gql(`mutation($p: ID!) { approvePlanVersion(id: $p) { status } }`, { p: plan.planId }),
    );
    expect(approved.approvePlanVersion.status).toBe('APPROVED');
    const [titled, targeted, weighted, measured, removed] = ['1.1.1', '1.1.3', '1.3.2', '1.3.3', '1.4.2'].map((code) =>
      plan.indicator(code),
    );
    const before = await sheet.read();
    const result = await sheet.sync([
      edit(titled, { title: 'Un altro titolo' }),
      edit(targeted, { target: '110' }),
      edit(weighted, { weight: '30%' }),
      edit(measured, { actual: '97%' }),
      edit(removed, { delete: true }),
      newAction('N', plan.operational('1.1').rowId, '1.1.9', '1'),
    ]);
    expect(outcomes(result)).toEqual([
      ['REJECTED', ['title:PLAN_LOCKED']],
      ['UPDATED', []],
      ['REJECTED', ['weight:PLAN_LOCKED']],
      ['UPDATED', []],
      ['REJECTED', ['delete:PLAN_LOCKED']],
      ['REJECTED', ['rowId:PLAN_LOCKED']],
    ]);
    expect(result.rows[0].errors[0].message).toContain('approved');

    const targets = ok(
      await server.gql(
        `query($i: ID!) { indicator(id: $i) { targets(year: 2022) { revisions { seq kind value { raw } } effective { value { raw } } } } }`,
        { i: targeted.rowId },
      ),
    );
    expect(targets.indicator.targets).toEqual([
      {
        revisions: [
          { seq: 0, kind: 'ORIGINAL', value: { raw: '100' } },
          { seq: 1, kind: 'REVISED', value: { raw: '110' } },
        ],
        effective: { value: { raw: '110' } },
      },
    ]);
    const after = await sheet.read();
    expect(after.rows.find((r) => r.rowId === targeted.rowId)).toMatchObject({
      target: { raw: '110' },
      originalTarget: { raw: '100' },
    });
    expect(after.rows.find((r) => r.rowId === measured.rowId)).toMatchObject({ actual: { raw: '97%' } });
    expect(changedRows(before.rows, after.rows, [targeted.rowId, measured.rowId])).toEqual([]);
  });
});

describeOnSondrio('sheet sync: SQL statements per batch (%s)', (sondrio) => {
  it('does not grow with the number of rows: 10 and 40 actual updates cost the same statements', async () => {
    const { server, plan, sheet } = sondrio;
    const indicators = plan.rows.filter((r) => r.level === 'INDICATOR');
    expect(indicators.length).toBeGreaterThanOrEqual(40);
    // every indicator gets a measurement first, so both batches below update existing rows
    const primed = await sheet.sync(indicators.map((r) => edit(r, { actual: '1' })));
    expect(primed.rows.every((r) => r.status === 'UPDATED')).toBe(true);
    // each batch sends the versions the one before it answered, as the add-in keeps them
    const versions = new Map(primed.rows.map((r) => [r.rowId!, r.rowVersion!]));

    const statementsFor = async (count: number, value: string) => {
      server.statements.length = 0;
      const result = await sheet.sync(
        indicators.slice(0, count).map((r) => ({ rowId: r.rowId, rowVersion: versions.get(r.rowId), actual: value })),
      );
      expect(result.rows.filter((r) => r.status === 'UPDATED')).toHaveLength(count);
      for (const r of result.rows) versions.set(r.rowId!, r.rowVersion!);
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
    const { server, plan, sheet } = sondrio;
    const parent = plan.operational('1.1').rowId;
    const rows: SheetRowIn[] = Array.from({ length: 5000 }, (_, n) => ({
      level: 'indicator',
      code: `B.${n}`,
      title: `Azione ${n}`,
      parentRef: parent,
      weight: '1',
      target: String(100 + (n % 7)),
      thresholds: [{ score: 0.8, value: '80' }],
      actual: String(90 + (n % 20)),
      responsibleUnit: n % 2 ? 'U.O. "Nuova di prova"' : 'U.O. "Altra di prova"',
    }));
    const before = await tableCounts(server);
    server.statements.length = 0;
    const result = await sheet.sync(rows, { batchKey: 'five-thousand' });
    const statements = dataStatements(server.statements);
    expect(result.rows.filter((r) => r.status === 'CREATED')).toHaveLength(5000);
    // written table by table in multi-row statements: a per-row write would be thousands
    expect(statements.length).toBeLessThanOrEqual(60);
    // PostgreSQL takes at most 65,535 bound values per statement, so a wide table goes in several: since the audit
    // event has its batch key (undo of a send), its 20,000 events take 11 statements, 31 writes in all
    expect(writes(server.statements).length).toBeLessThanOrEqual(32);
    // scored from memory as the database now has them: each new row's version and score are what a read gives
    const after = await sheet.read();
    const byId = new Map(after.rows.map((r) => [r.rowId, r]));
    for (const [n, r] of result.rows.entries()) {
      const stored = byId.get(r.rowId!)!;
      expect([stored.code, stored.rowVersion, stored.target?.raw, stored.actual?.raw]).toEqual([
        `B.${n}`,
        r.rowVersion,
        rows[n].target,
        rows[n].actual,
      ]);
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
  });
});
