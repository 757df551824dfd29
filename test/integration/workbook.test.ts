/**
 * The plan workbook over HTTP: export in the canonical layout, import back (same plan and a fresh database) as an
 * identity, bad cells reported with row, column and reason while good rows land, and uploads refused clearly.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { PLAN_LAYOUT } from '@core/sheet/layout';
import { getFile, loadXlsx, postWorkbook } from '../helpers/files';
import { seedPath } from '../helpers/seeds';
import { startServer, type TestServer } from '../helpers/server';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { edit, ok, readRows, type SheetRow, type SondrioPlan, sondrioPlan, sync } from '../helpers/sync';
import { createEmptyPlan } from '../helpers/other-plan';

const header = (key: string) => PLAN_LAYOUT.find((c) => c.key === key)!.it;
const columnOf = (key: string) => PLAN_LAYOUT.findIndex((c) => c.key === key) + 1;

/** A row as it must survive the round trip: every field, with the parent named by its level and code. */
function comparable(rows: SheetRow[]) {
  const byId = new Map(rows.map((r) => [r.rowId, r]));
  return rows.map(({ rowId: _id, rowVersion: _v, updatedAt: _u, parentId, ...rest }) => {
    const parent = parentId ? byId.get(parentId) : undefined;
    // responsible units are a set: the server lists them in link order, not in the order they were typed
    return {
      ...rest,
      responsibleUnits: [...rest.responsibleUnits].sort(),
      parent: parent ? `${parent.level} ${parent.code ?? parent.title}` : null,
    };
  });
}

async function withActuals(server: TestServer, plan: SondrioPlan): Promise<void> {
  const rows = [
    edit(plan.indicator('1.1.1'), { actual: '3,10%' }),
    edit(plan.indicator('1.1.2'), { actual: '11', note: 'dato da verificare', dataSource: 'Controllo di gestione' }),
    edit(plan.indicator('1.1.3'), { actual: '', neutralised: 'SI', neutralisationReason: 'emergenza sanitaria' }),
    edit(plan.indicator('3.1.1'), { actual: '22' }),
  ];
  const result = await sync(server, { planId: plan.planId, rows });
  expect(result.rows.map((r) => r.status)).toEqual(['UPDATED', 'UPDATED', 'UPDATED', 'UPDATED']);
}

describeOnSondrio('plan workbook export and import (%s)', (sondrio, dialect) => {
  let fresh: TestServer;
  let exported: Buffer;
  /** when the export was asked for and answered: its serverTime lies between, whatever the machine's speed */
  let exportWindow: { asked: number; answered: number };

  beforeAll(async () => {
    fresh = await startServer(dialect);
    await withActuals(sondrio.server, sondrio.plan);
    // the rows as they are now, with the versions the actuals gave them
    sondrio.plan = await sondrioPlan(sondrio.server);
    const asked = Date.now();
    const file = await getFile(sondrio.server, `/export/plan.xlsx?planId=${sondrio.plan.planId}&year=2022`);
    exportWindow = { asked, answered: Date.now() };
    expect(file.status).toBe(200);
    exported = file.body;
  });
  afterAll(() => fresh?.close());

  it('writes the canonical table: an Excel table, hidden id/version columns, dropdowns, text formats, the binding in a very hidden sheet', async () => {
    const wb = await loadXlsx(exported);
    const ws = wb.getWorksheet('Piano')!;
    const table = (ws as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables
      .Piano_2022_31_12;
    expect(table.table.tableRef).toBe(`A1:X${sondrio.plan.rows.length + 1}`);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(PLAN_LAYOUT.map((c) => c.it));
    expect(ws.getColumn(columnOf('rowId')).hidden).toBe(true);
    expect(ws.getColumn(columnOf('rowVersion')).hidden).toBe(true);
    expect(ws.getColumn(columnOf('title')).hidden).toBe(false);
    expect(ws.getCell(2, columnOf('level')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"prospettiva,obiettivo strategico,obiettivo operativo,azione"'],
    });
    expect(ws.getCell(2, columnOf('target')).numFmt).toBe('@');
    const settings = wb.getWorksheet('Cruscotto')!;
    expect(settings.state).toBe('veryHidden');
    const binding = JSON.parse(String(settings.getRow(settings.rowCount).getCell(2).value));
    expect(binding).toMatchObject({
      planId: sondrio.plan.planId,
      year: 2022,
      checkpoint: 'YEAR_END',
      table: 'Piano_2022_31_12',
      sheet: 'Piano',
      language: 'it',
    });
    expect(Date.parse(binding.serverTime)).toBeGreaterThanOrEqual(exportWindow.asked);
    expect(Date.parse(binding.serverTime)).toBeLessThanOrEqual(exportWindow.answered);
    // the realization column is the API's score for the row
    const row = sondrio.plan.indicator('1.1.2');
    const line = ws.getColumn(columnOf('rowId')).values.findIndex((v) => v === row.rowId);
    const api = ok(
      await sondrio.server.gql(`query($id: ID!) { indicator(id: $id) { realization(year: 2022) { score } } }`, {
        id: row.rowId,
      }),
    ).indicator.realization.score;
    expect(ws.getCell(line, columnOf('realization')).value).toBe(api);
    expect(ws.getCell(line, columnOf('actual')).value).toBe('11');
    expect(ws.getCell(line, columnOf('dataSource')).value).toBe('Controllo di gestione');
  });

  it('imported into the same plan, changes nothing: every row UNCHANGED and sheetRows identical', async () => {
    const before = await readRows(sondrio.server, sondrio.plan.planId);
    const { status, json } = await postWorkbook(sondrio.server, `planId=${sondrio.plan.planId}`, exported);
    expect(status).toBe(200);
    expect(json.format).toBe('canonical');
    expect(json.samePlan).toBe(true);
    expect(json.rows.filter((r: any) => r.status !== 'unchanged')).toEqual([]);
    expect(json.applied).toBe(0);
    const after = await readRows(sondrio.server, sondrio.plan.planId);
    expect(after.rows).toEqual(before.rows);
  });

  it("an English workbook without its binding sheet, with a column of the user's own, still matches rows by id", async () => {
    const file = await getFile(sondrio.server, `/export/plan.xlsx?planId=${sondrio.plan.planId}&year=2022&language=en`);
    const wb = await loadXlsx(file.body);
    wb.removeWorksheet(wb.getWorksheet('Cruscotto')!.id);
    const ws = wb.getWorksheet('Plan')!;
    expect(ws.getCell(1, 1).value).toBe('Level');
    const extra = PLAN_LAYOUT.length + 2;
    ws.getCell(1, extra).value = 'Commenti miei';
    ws.getCell(3, extra).value = 'da rivedere';
    const { status, json } = await postWorkbook(
      sondrio.server,
      `planId=${sondrio.plan.planId}&year=2022`,
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(status).toBe(200);
    expect(json).toMatchObject({ format: 'canonical', samePlan: true, applied: 0 });
    expect(json.rows.filter((r: any) => r.status !== 'unchanged')).toEqual([]);
    expect(json.unplaced).toEqual([
      {
        row: 3,
        column: extra,
        header: 'Commenti miei',
        value: 'da rivedere',
        reason: '"Commenti miei" is not a column of the plan table: not imported',
      },
    ]);
  });

  it('imported into a fresh database, gives the same plan: sheetRows equal field by field', async () => {
    const target = await createEmptyPlan(
      fresh,
      { code: 'CCIAA-SO', name: 'Camera di Commercio di Sondrio' },
      'Piano importato',
    );
    const { status, json } = await postWorkbook(fresh, `planId=${target.planId}&fileName=piano.xlsx`, exported);
    expect(status).toBe(200);
    expect(json.samePlan).toBe(false);
    expect(json.rows.filter((r: any) => r.status !== 'created')).toEqual([]);
    expect(json.counts.created).toBe(sondrio.plan.rows.length);
    const source = await readRows(sondrio.server, sondrio.plan.planId);
    const copy = await readRows(fresh, target.planId);
    expect(comparable(copy.rows)).toEqual(comparable(source.rows));
    // the indicator's data source ("Fonte del dato") came with it
    const sources = async (server: TestServer, planId: string) =>
      ok(
        await server.gql(`query($p: ID!) { sheetRows(planId: $p, year: 2022) { rows { code dataSource } } }`, {
          p: planId,
        }),
      ).sheetRows.rows.filter((r: { dataSource: string | null }) => r.dataSource);
    expect(await sources(fresh, target.planId)).toEqual([{ code: '1.1.2', dataSource: 'Controllo di gestione' }]);
    expect(await sources(fresh, target.planId)).toEqual(await sources(sondrio.server, sondrio.plan.planId));
    // and the copy scores the same
    const q = `query($p: ID!) { report(planId: $p, year: 2022) { rows { code realization } total { realization } } }`;
    const a = ok(await sondrio.server.gql(q, { p: sondrio.plan.planId })).report;
    const b = ok(await fresh.gql(q, { p: target.planId })).report;
    expect(b.rows.map((r: any) => [r.code, r.realization])).toEqual(a.rows.map((r: any) => [r.code, r.realization]));
  });

  it('a workbook with bad cells keeps the good rows and reports row, column and reason', async () => {
    const wb = await loadXlsx(exported);
    const ws = wb.getWorksheet('Piano')!;
    const lineOf = (code: string) =>
      ws
        .getColumn(columnOf('code'))
        .values.findIndex((v, i) => i > 1 && v === code && ws.getCell(i, columnOf('level')).value === 'azione');
    const good = lineOf('1.3.1');
    const textInNumber = lineOf('1.3.2');
    const formula = lineOf('1.3.3');
    const badThresholds = lineOf('1.3.4');
    ws.getCell(good, columnOf('actual')).value = '14%';
    ws.getCell(textInNumber, columnOf('weight')).value = 'venticinque';
    ws.getCell(textInNumber, columnOf('actual')).value = '30%';
    ws.getCell(formula, columnOf('target')).value = { formula: 'N5*2', result: 200 } as ExcelJS.CellFormulaValue;
    ws.getCell(badThresholds, columnOf('thresholds')).value = '80 per cento: 95%';
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await readRows(sondrio.server, sondrio.plan.planId);
    const { status, json } = await postWorkbook(sondrio.server, `planId=${sondrio.plan.planId}`, body);
    expect(status).toBe(200);
    const byRow = new Map(json.rows.map((r: any) => [r.row, r]));
    expect(byRow.get(good)).toMatchObject({ status: 'updated', errors: [] });
    // a refused cell is named by its row, its column's number and header, and the code
    const refused = (row: number, key: string, code: string) => ({
      row,
      column: columnOf(key),
      header: header(key),
      code,
    });
    expect(byRow.get(textInNumber)).toMatchObject({
      status: 'rejected',
      errors: [{ ...refused(textInNumber, 'weight', 'NOT_A_NUMBER'), message: '"venticinque" is not a number' }],
    });
    expect(byRow.get(formula)).toMatchObject({
      status: 'rejected',
      errors: [
        {
          ...refused(formula, 'target', 'FORMULA_NOT_ALLOWED'),
          evidence: 'formula =N5*2, last computed by Excel as "200"',
        },
      ],
    });
    const t = byRow.get(badThresholds) as any;
    expect(t.status).toBe('rejected');
    expect(t.errors[0]).toMatchObject({ column: columnOf('thresholds'), code: 'NOT_A_THRESHOLD' });
    expect(t.errors[0].message).toMatch(/80 per cento/);
    expect(json.counts).toMatchObject({ updated: 1, rejected: 3 });
    // nothing else moved; the refused rows kept their values
    const after = await readRows(sondrio.server, sondrio.plan.planId);
    const changed = after.rows
      .filter((r, i) => JSON.stringify(r) !== JSON.stringify(before.rows[i]))
      .map((r) => r.code);
    expect(changed.filter((c) => c !== '1.3.1' && c !== '1.3' && c !== '1')).toEqual([]);
    expect(after.rows.find((r) => r.code === '1.3.1')!.actual!.raw).toBe('14%');
    expect(after.rows.find((r) => r.code === '1.3.2')!.actual).toBeNull();
  });

  it('a seed-shaped workbook (the Sondrio table) imports through header recognition, reporting what has no place', async () => {
    const lines = readFileSync(seedPath('004_fa97ad9e72b5b7ce.txt'), 'utf8').split('\n').slice(2, 21);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Obiettivi 2022');
    for (const line of lines) ws.addRow(line.replace(/\r$/, '').split('\t'));
    const target = await createEmptyPlan(fresh, { code: 'SO-2', name: 'Sondrio (tabella)' }, 'Piano da tabella');
    const { status, json } = await postWorkbook(
      fresh,
      `planId=${target.planId}&year=2022`,
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(status).toBe(200);
    expect(json.format).toBe('mapped');
    expect(json.rows.filter((r: any) => r.status !== 'created')).toEqual([]);
    expect(json.counts.created).toBe(1 + 1 + 5 + 14);
    // the strategic objective's 80% targets (a pass mark) have no column in the plan table: reported, with row and column
    expect(json.unplaced.filter((u: any) => u.row === 5).map((u: any) => [u.column, u.value])).toEqual([
      [5, '80%'],
      [6, '80%'],
      [7, '80%'],
    ]);
    // OO 2.1 is printed under OS 1 (OS 2's line comes later, damaged): attached, and flagged for review
    expect(json.inferred.some((i: any) => /code "2\.1" does not start with its parent's code/.test(i.message))).toBe(
      true,
    );
    const rows = (await readRows(fresh, target.planId)).rows;
    const a111 = rows.find((r) => r.code === '1.1.1')!;
    expect(a111.target!.raw).toBe('3,25%');
    expect(a111.thresholds.map((t) => [t.score, t.value.raw])).toEqual([
      [0.8, '3,00%'],
      [0.6, '2,85%'],
    ]);
    expect(a111.futureTargets.map((f) => [f.year, f.value.raw])).toEqual([
      [2023, '3,5%'],
      [2024, '3,8%'],
    ]);
    expect(a111.responsibleUnits).toEqual(['U.O. "Relazioni con il Pubblico"']);
    expect(rows.find((r) => r.code === '1.1')!.weight).toBe(20);
  });

  it('refuses an oversized upload, too many rows and a file that is not a workbook, with a clear reason', async () => {
    const huge = Buffer.alloc(6 * 1024 * 1024, 1);
    const tooBig = await postWorkbook(sondrio.server, `planId=${sondrio.plan.planId}&year=2022`, huge);
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.errors[0].message).toMatch(/larger than 5 MB/);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Piano');
    ws.addRow(PLAN_LAYOUT.map((c) => c.it));
    for (let i = 0; i < 5100; i++) ws.addRow(['azione', `9.9.${i}`, 'x']);
    const many = await postWorkbook(
      sondrio.server,
      `planId=${sondrio.plan.planId}&year=2022`,
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(many.status).toBe(400);
    expect(many.json.errors[0].extensions.problems[0]).toMatchObject({ field: 'file', code: 'TOO_MANY_ROWS' });
    expect(many.json.errors[0].message).toMatch(/5101 rows; at most 5010/);

    const text = await postWorkbook(
      sondrio.server,
      `planId=${sondrio.plan.planId}&year=2022`,
      Buffer.from('Cod.;Titolo\n1;x\n'),
    );
    expect(text.status).toBe(400);
    expect(text.json.errors[0].extensions.problems[0].code).toBe('NOT_XLSX');
  });

  it('asks for a token like /graphql does', async () => {
    const response = await fetch(`${sondrio.server.url}/export/plan.xlsx?planId=${sondrio.plan.planId}&year=2022`);
    expect(response.status).toBe(401);
    const upload = await fetch(`${sondrio.server.url}/import/workbook?planId=${sondrio.plan.planId}`, {
      method: 'POST',
      body: new Blob([new Uint8Array(exported)]),
    });
    expect(upload.status).toBe(401);
  });
});
