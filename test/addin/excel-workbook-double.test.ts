/**
 * ExcelWorkbook against the Excel double: what the port does to a workbook (tables, formats, dropdowns, hidden
 * columns, fills, lights, chart, settings, change hints), with Office's batching rules enforced by the double.
 */
import { ExcelWorkbook } from '../../addin/src/excel/excel-workbook';
import type { ColumnSetup } from '../../addin/src/workbook/port';
import { createExcelDouble } from './excel-double';

const columns: ColumnSetup[] = [
  { header: 'Cod.', numberFormat: '@', width: 9 },
  { header: 'Polarità', numberFormat: '@', list: ['maggiore', 'minore'] },
  { header: 'Valore ottenuto', numberFormat: '@' },
  { header: '% Realizzazione', numberFormat: '0.00%' },
  { header: 'ID riga', numberFormat: '@', hidden: true },
];
const rows = [
  ['1.1.1', 'maggiore', '3,25%', 0.8, 'a'],
  ['1.1.2', 'minore', '11', '', 'b'],
  ['1.1.3', 'maggiore', '', '', ''],
];

function setup(apiVersion = '1.17') {
  const double = createExcelDouble({ apiVersion });
  const workbook = new ExcelWorkbook({
    excel: double.Excel,
    supports: (v) => double.Office.context.requirements.isSetSupported('ExcelApi', v),
  });
  return { double, workbook };
}

describe('ExcelWorkbook on the Excel double', () => {
  it('creates a table that reads back exactly as written, text cells kept as typed', async () => {
    const { double, workbook } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    const data = await workbook.readTable('Cruscotto');
    expect(data).toEqual({
      name: 'Cruscotto',
      sheet: 'Piano',
      headers: columns.map((c) => c.header),
      rowCount: 3,
      rows,
    });
    // "11" in a text column stays the text "11": the server parses what the user typed
    expect(double.user.cell('Cruscotto', 1, 'Valore ottenuto')).toMatchObject({ value: '11', numberFormat: '@' });
    expect(double.user.cell('Cruscotto', 0, '% Realizzazione')).toMatchObject({ value: 0.8, numberFormat: '0.00%' });
    expect(double.user.cell('Cruscotto', 0, 'ID riga').hidden).toBe(true);
    expect(double.user.cell('Cruscotto', 0, 'Cod.').hidden).toBe(false);
    const sheet = double.model.sheet('Piano')!;
    expect(sheet.validations).toHaveLength(1);
    expect(sheet.validations[0]).toMatchObject({
      rect: { row: 1, column: 1, rows: 3, columns: 1 },
      rule: { list: { inCellDropDown: true, source: 'maggiore,minore' } },
    });
    expect(sheet.frozenRows).toBe(1);
    expect(await workbook.listTables()).toEqual([
      { name: 'Cruscotto', sheet: 'Piano', headers: columns.map((c) => c.header), rowCount: 3 },
    ]);
    expect(await workbook.readTable('Nessuna')).toBeNull();
  });

  it('skips data validation below ExcelApi 1.8 and still loads the table', async () => {
    const { double, workbook } = setup('1.7');
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    expect(double.model.sheet('Piano')!.validations).toHaveLength(0);
    expect((await workbook.readTable('Cruscotto'))!.rows).toEqual(rows);
  });

  it('writes columns at scattered rows without touching the others, with events off', async () => {
    const { double, workbook } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    const hints: Array<number[] | 'unknown'> = [];
    await workbook.onRowsChanged('Cruscotto', (r) => hints.push(r));
    double.stats.reset();
    await workbook.writeColumns('Cruscotto', [2, 0], { '% Realizzazione': [0.6, 1], 'ID riga': ['c', 'a2'] });
    const data = await workbook.readTable('Cruscotto');
    expect(data!.rows.map((r) => [r[3], r[4]])).toEqual([
      [1, 'a2'],
      ['', 'b'],
      [0.6, 'c'],
    ]);
    expect(double.stats.eventsFromApi).toBe(0);
    expect(double.stats.writesWithEventsOff).toBeGreaterThan(0);
    expect(double.model.eventsEnabled).toBe(true);
    await double.eventsHandled();
    expect(hints).toEqual([]);
  });

  it('turns a user edit into a change hint naming the body row', async () => {
    const { double, workbook } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    const hints: Array<number[] | 'unknown'> = [];
    const off = await workbook.onRowsChanged('Cruscotto', (r) => hints.push(r));
    double.user.type('Cruscotto', 2, 'Valore ottenuto', '12');
    await double.eventsHandled();
    double.user.appendRow('Cruscotto', { 'Cod.': '1.1.4' });
    await double.eventsHandled();
    expect(hints).toEqual([[2], 'unknown']);
    await off();
    double.user.type('Cruscotto', 0, 'Valore ottenuto', '1');
    await double.eventsHandled();
    expect(hints).toHaveLength(2);
  });

  it('rejects a write of a column the table does not have, before sending anything', async () => {
    const { workbook } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    await expect(workbook.writeColumns('Cruscotto', [0], { Peso: ['10'] })).rejects.toThrow('has no column "Peso"');
    await expect(workbook.writeColumns('Cruscotto', [0, 1], { 'Cod.': ['x'] })).rejects.toThrow('1 values for 2 rows');
  });

  it('appends and deletes rows, highest first so positions stay valid', async () => {
    const { workbook } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    await workbook.appendRows('Cruscotto', [['1.1.4', 'minore', '5', '', '']]);
    await workbook.deleteRows('Cruscotto', [0, 2]);
    const data = await workbook.readTable('Cruscotto');
    expect(data!.rows.map((r) => r[0])).toEqual(['1.1.2', '1.1.4']);
    expect(data!.rowCount).toBe(2);
  });

  it('marks and clears cells, selects a cell, sets lights, chart and settings', async () => {
    const { double, workbook } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    await workbook.markCells('Cruscotto', [{ row: 1, column: 'Valore ottenuto', fill: '#FFC7CE' }]);
    expect(double.user.cell('Cruscotto', 1, 'Valore ottenuto').fill).toBe('#FFC7CE');
    await workbook.markCells('Cruscotto', [{ row: 1, column: 'Valore ottenuto', fill: null }]);
    expect(double.user.cell('Cruscotto', 1, 'Valore ottenuto').fill).toBeNull();

    await workbook.selectCell('Cruscotto', 2, 'Polarità');
    expect(double.model.selection).toEqual({ sheet: 'Piano', rect: { row: 3, column: 1, rows: 1, columns: 1 } });

    await workbook.setTrafficLights('Cruscotto', { column: '% Realizzazione', green: 1, yellow: 0.6 });
    await workbook.setTrafficLights('Cruscotto', { column: '% Realizzazione', green: 0.9, yellow: 0.5 });
    const formats = double.model.sheet('Piano')!.conditionalFormats;
    expect(formats).toHaveLength(1);
    expect(formats[0]).toMatchObject({
      type: 'IconSet',
      iconStyle: 'ThreeTrafficLights1',
      rect: { row: 1, column: 3, rows: 3, columns: 1 },
    });
    expect(formats[0].criteria.slice(1)).toEqual([
      { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=0.5' },
      { type: 'Number', operator: 'GreaterThanOrEqual', formula: '=0.9' },
    ]);

    await workbook.upsertChart({
      name: 'Realizzazione',
      sheet: 'Grafico',
      title: 'Per obiettivo',
      categories: ['1', '2', '3'],
      values: [0.8, null, 1],
    });
    await workbook.upsertChart({
      name: 'Realizzazione',
      sheet: 'Grafico',
      title: 'Per obiettivo',
      categories: ['1', '2'],
      values: [0.9, 0.7],
    });
    const chartSheet = double.model.sheet('Grafico')!;
    expect(chartSheet.charts).toHaveLength(1);
    expect(chartSheet.charts[0]).toMatchObject({
      name: 'Realizzazione',
      title: 'Per obiettivo',
      data: { row: 0, column: 0, rows: 3, columns: 2 },
    });
    expect([0, 1, 2, 3].map((r) => [chartSheet.value(r, 0), chartSheet.value(r, 1)])).toEqual([
      ['Per obiettivo', '%'],
      ['1', 0.9],
      ['2', 0.7],
      ['', ''],
    ]);

    expect(await workbook.getSetting('binding')).toBeNull();
    await workbook.setSetting('binding', '{"planId":"p"}');
    expect(await workbook.getSetting('binding')).toBe('{"planId":"p"}');
    await workbook.setSetting('binding', null);
    expect(await workbook.getSetting('binding')).toBeNull();
    await workbook.setSetting('binding', null);
  });

  it('reads a seed-shaped sheet that is not a table yet and converts it', async () => {
    const { double, workbook } = setup();
    const sheet = double.model.sheets[0];
    const grid = [
      ['', '', ''],
      ['', 'Cod.', 'Peso'],
      ['', '1.1', '20%'],
      ['', '1.2', '80%'],
    ];
    grid.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value) sheet.touch(r, c).value = value;
      }),
    );
    const read = await workbook.readSheet(sheet.name);
    expect(read).toEqual({
      address: 'B2:C4',
      values: [
        ['Cod.', 'Peso'],
        ['1.1', '20%'],
        ['1.2', '80%'],
      ],
    });
    await workbook.convertToTable(sheet.name, read!.address, 'Piano');
    expect(await workbook.readTable('Piano')).toMatchObject({
      headers: ['Cod.', 'Peso'],
      rows: [
        ['1.1', '20%'],
        ['1.2', '80%'],
      ],
    });
    // the pane names rows as Excel does: this body starts on the sheet's third row (index 2), under a header on row 2
    expect(await workbook.firstBodyRow('Piano')).toBe(2);
    expect(await workbook.firstBodyRow('Nessuna')).toBeNull();
    expect(await workbook.readSheet('Nessuno')).toBeNull();
  });
});
