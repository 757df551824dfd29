/**
 * Issue 18, item 8, on the port: ExcelWorkbook.shapeRows and upsertChart against the faithful double, which holds
 * what Excel holds (each row's outline level and hidden state, each cell's bold and indent, each chart series' type
 * and each point's fill), so these tests look at the effect, not at the calls.
 */
import { ExcelWorkbook } from '../../addin/src/excel/excel-workbook';
import type { PlanTable } from '../../addin/src/sync/columns';
import { LIGHT_COLOURS, lightColour, planOutline } from '../../addin/src/sync/visuals';
import { outlineRuns } from '../../addin/src/workbook/outline';
import type { ColumnSetup, PlanOutline } from '../../addin/src/workbook/port';
import { createFaithfulExcel } from './excel-faithful';
import { levelOf, showOutlineLevels } from './excel-faithful/outline';

const columns: ColumnSetup[] = [
  { header: 'Livello', numberFormat: '@' },
  { header: 'Cod.', numberFormat: '@' },
  { header: 'Titolo', numberFormat: '@' },
  { header: '% Realizzazione', numberFormat: '0%' },
];
// P1 > S1 > O1 > I1, I2; S2 > I3; P2 > S3
const levels = ['perspective', 'strategic', 'operational', 'indicator', 'indicator', 'strategic', 'indicator'];
const DEPTH: Record<string, number> = { perspective: 0, strategic: 1, operational: 2, indicator: 3 };
const plan = [...levels, 'perspective', 'strategic'];
const rows = plan.map((level, i) => [level, `c${i}`, `titolo ${i}`, 0.5]);
const outlineOf = (ls: string[]): PlanOutline => ({
  titleColumn: 'Titolo',
  rows: ls.map((l) => ({ depth: DEPTH[l], bold: l !== 'indicator' })),
});

function setup(excelApi = '1.17') {
  const excel = createFaithfulExcel({ platform: 'web', locale: 'it-IT', excelApi });
  const workbook = new ExcelWorkbook({
    excel: excel.Excel,
    supports: (v) => excel.Office.context.requirements.isSetSupported('ExcelApi', v),
  });
  const sheet = () => excel.model.sheet('Piano')!;
  // body row i is sheet row i + 1; the title is column 2
  const look = () =>
    plan.map((_, i) => ({
      level: levelOf(sheet(), i + 1),
      hidden: sheet().hiddenRows.has(i + 1),
      bold: sheet().cell(i + 1, 2)?.bold ?? false,
      indent: sheet().cell(i + 1, 2)?.indent ?? 0,
    }));
  return { excel, workbook, sheet, look };
}

describe('the plan sheet reads like a plan (issue 18, item 8)', () => {
  it('works out one range action per run of rows alike, outer levels first', () => {
    const runs = outlineRuns(outlineOf(plan), plan.length);
    expect(runs.groups).toEqual([
      [1, 6, 1],
      [8, 1, 1],
      [2, 3, 2],
      [6, 1, 2],
      [3, 2, 3],
      // depth is the level, not the place in the tree: an indicator right under a strategic objective is at 3
      [6, 1, 3],
    ]);
    expect(runs.depth).toBe(3);
    expect(runs.indents[0]).toEqual([0, 1, 0]);
    // a row beyond the table's body is not shaped
    expect(outlineRuns(outlineOf(plan), 3).groups).toEqual([
      [1, 2, 1],
      [2, 1, 2],
    ]);
  });

  it("reads each row's depth from its level cell as typed; a blank or unknown level stays outside the groups", () => {
    // each level cell as typed, beside the outline row it gives
    const typed: Array<[string, PlanOutline['rows'][number]]> = [
      ['Prospettiva', { depth: 0, bold: true }],
      ['obiettivo strategico', { depth: 1, bold: true }],
      ['OBIETTIVO OPERATIVO', { depth: 2, bold: true }],
      ['azione', { depth: 3, bold: false }],
      ['', { depth: 0, bold: false }],
      ['boh', { depth: 0, bold: false }],
    ];
    // the lines as the sync reads them, out of order: the outline goes by position
    const table = {
      headers: { title: 'Titolo' },
      lines: typed.map(([level], position) => ({ position, inputs: { level } })).reverse(),
    } as unknown as PlanTable;
    expect(planOutline(table)).toEqual({ titleColumn: 'Titolo', rows: typed.map(([, row]) => row) });
    const lights = { green: 0.8, yellow: 0.6 };
    expect([0.8, 0.79, 0.6, 0.1, null].map((v) => lightColour(v, lights))).toEqual([
      LIGHT_COLOURS.green,
      LIGHT_COLOURS.yellow,
      LIGHT_COLOURS.yellow,
      LIGHT_COLOURS.red,
      null,
    ]);
  });

  it('groups rows by depth, indents titles and bolds objectives; a second shape replaces the first', async () => {
    const { workbook, look, excel } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    await workbook.shapeRows('Cruscotto', outlineOf(plan));
    expect(look()).toEqual(
      plan.map((l) => ({ level: DEPTH[l], hidden: false, bold: l !== 'indicator', indent: DEPTH[l] })),
    );
    expect(look().map((r) => r.level)).toEqual([0, 1, 2, 3, 3, 1, 3, 0, 1]);

    // the plan changed (an operational objective became an indicator): the outline is redone, not stacked
    const changed = [...plan];
    changed[2] = 'indicator';
    await workbook.shapeRows('Cruscotto', outlineOf(changed));
    expect(look().map((r) => r.level)).toEqual([0, 1, 3, 3, 3, 1, 3, 0, 1]);
    expect(look()[2]).toMatchObject({ bold: false, indent: 3 });
    expect(JSON.parse(String(excel.model.settings.get('outline:Cruscotto')))).toMatchObject({
      depth: 3,
      rows: plan.length,
    });
  });

  it('collapses with the outline buttons, and a reshape leaves collapsed rows collapsed', async () => {
    const { workbook, look, sheet } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    await workbook.shapeRows('Cruscotto', outlineOf(plan));
    // button "2": perspectives and strategic objectives only
    showOutlineLevels(sheet(), 2);
    expect(look().map((r) => r.hidden)).toEqual(plan.map((l) => DEPTH[l] >= 2));
    // a changed outline (the first perspective no longer bold) is ungrouped and grouped again: the fold stays
    const changed = outlineOf(plan);
    changed.rows[0] = { depth: 0, bold: false };
    await workbook.shapeRows('Cruscotto', changed);
    expect(look().map((r) => r.hidden)).toEqual(plan.map((l) => DEPTH[l] >= 2));
    expect(look().map((r) => r.level)).toEqual([0, 1, 2, 3, 3, 1, 3, 0, 1]);
    showOutlineLevels(sheet(), 4);
    expect(look().every((r) => !r.hidden)).toBe(true);
  });

  it('shapes a protected sheet and protects it again; the same outline again is left alone', async () => {
    const { workbook, look, sheet, excel } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    await workbook.protectTable('Cruscotto', ['% Realizzazione']);
    await workbook.shapeRows('Cruscotto', outlineOf(plan));
    expect(look().map((r) => r.level)).toEqual([0, 1, 2, 3, 3, 1, 3, 0, 1]);
    expect(sheet().protection.protected).toBe(true);
    // the same outline again: only the table is looked for, with the outline remembered (1 request); events are
    // never switched off and the protection is never lifted, so a user who lifted it meanwhile is not overruled
    const before = excel.syncs.length;
    await workbook.shapeRows('Cruscotto', outlineOf(plan));
    expect(excel.syncs.length - before).toBe(1);
    // and there, as in Excel, the outline buttons are refused: protection has no option for outlining
    expect(() => showOutlineLevels(sheet(), 2)).toThrow(/cannot perform/);
  });

  it('folds the protected sheet to a level for the user, whose own outline buttons Excel refuses there', async () => {
    const { workbook, look, sheet } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    await workbook.protectTable('Cruscotto', ['% Realizzazione']);
    await workbook.shapeRows('Cruscotto', outlineOf(plan));
    const options = { ...sheet().protection };
    // Excel's own button "2" on the protected sheet: refused, whatever the protection options
    expect(() => showOutlineLevels(sheet(), 2)).toThrow(/cannot perform/);
    // the pane's "Obiettivi strategici": the same fold, and the sheet protected again as it was
    await workbook.showLevels('Cruscotto', 2);
    expect(look().map((r) => r.hidden)).toEqual(plan.map((l) => DEPTH[l] >= 2));
    expect(sheet().protection).toEqual(options);
    await workbook.showLevels('Cruscotto', 4);
    expect(look().some((r) => r.hidden)).toBe(false);
    expect(sheet().protection.protected).toBe(true);
  });

  it('on an Excel before ExcelApi 1.9 only bolds: no outline, no indent, no request it cannot answer', async () => {
    const { workbook, look, excel } = setup('1.8');
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    await workbook.shapeRows('Cruscotto', outlineOf(plan));
    expect(look()).toEqual(plan.map((l) => ({ level: 0, hidden: false, bold: l !== 'indicator', indent: 0 })));
    expect(excel.model.settings.has('outline:Cruscotto')).toBe(false);
  });

  it('colours each bar by its traffic light and draws the pass mark as a line; a bar chart becomes columns', async () => {
    const { workbook, excel } = setup();
    const spec = {
      name: 'Realizzazione',
      sheet: 'Grafico',
      title: 'Per obiettivo',
      categories: ['1', '2', '3'],
      values: [0.9, null, 0.4],
      colors: ['#00B050', null, '#C00000'],
      passMark: { label: 'Soglia', value: 0.8 },
    };
    // a chart an earlier version drew: horizontal bars over A:B
    await workbook.upsertChart({ ...spec, colors: undefined, passMark: undefined });
    excel.model.sheet('Grafico')!.decorations.charts[0].type = 'BarClustered';
    await workbook.upsertChart(spec);
    const chartSheet = excel.model.sheet('Grafico')!;
    expect(chartSheet.decorations.charts).toHaveLength(1);
    const chart = chartSheet.decorations.charts[0];
    expect(chart).toMatchObject({ type: 'ColumnClustered', legendVisible: true, data: { rows: 4, columns: 3 } });
    expect(chart.series.map((s) => s.chartType)).toEqual(['ColumnClustered', 'Line']);
    expect(chart.series[0].points.map((p) => p.fill)).toEqual(['#00B050', null, '#C00000']);
    expect([0, 1, 2, 3].map((r) => chartSheet.value(r, 2))).toEqual(['Soglia', 0.8, 0.8, 0.8]);

    // a light that changes repaints its bar; a bar with no value loses its colour
    await workbook.upsertChart({ ...spec, values: [0.5, 0.9, null], colors: ['#FFC000', '#00B050', null] });
    expect(chartSheet.decorations.charts[0].series[0].points.map((p) => p.fill)).toEqual(['#FFC000', '#00B050', null]);
  });
});
