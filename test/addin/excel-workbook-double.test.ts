/**
 * ExcelWorkbook against the faithful Excel double: what the port does to a workbook (tables, formats, dropdowns,
 * hidden columns, fills, lights, chart, settings, change hints), with Office's batching rules enforced by the double.
 */
import { ExcelWorkbook } from '../../addin/src/excel/excel-workbook';
import { a1 } from '../../addin/src/workbook/address';
import type { ColumnSetup } from '../../addin/src/workbook/port';
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import { createFaithfulExcel } from './excel-faithful';

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

function setup(excelApi = '1.17') {
  const excel = createFaithfulExcel({ platform: 'web', locale: 'it-IT', excelApi });
  const workbook = new ExcelWorkbook({
    excel: excel.Excel,
    supports: (v) => excel.Office.context.requirements.isSetSupported('ExcelApi', v),
  });
  // a body cell of the table "Cruscotto" at A1 on "Piano", by row and header, as the grid shows it
  const cell = (row: number, header: string) => {
    const column = columns.findIndex((c) => c.header === header);
    const shown = excel.user.cell(`Piano!${a1(row + 1, column, 1, 1)}`);
    const sheet = excel.model.sheet('Piano')!;
    return {
      ...shown,
      fill: sheet.cell(row + 1, column)?.fill ?? null,
      hidden: sheet.decorations.hiddenColumns.includes(column),
    };
  };
  return { excel, workbook, cell };
}

describe('ExcelWorkbook on the faithful Excel double', () => {
  it('creates a table that reads back exactly as written, text cells kept as typed', async () => {
    const { excel, workbook, cell } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    const data = await workbook.readTable('Cruscotto');
    expect(data).toMatchObject({
      name: 'Cruscotto',
      sheet: 'Piano',
      headers: columns.map((c) => c.header),
      rowCount: 3,
      rows,
    });
    expect(data!.texts[0]).toEqual(['1.1.1', 'maggiore', '3,25%', '80,00%', 'a']);
    // "11" in a text column stays the text "11": the server parses what the user typed
    expect(cell(1, 'Valore ottenuto')).toMatchObject({ value: '11', numberFormat: '@' });
    expect(cell(0, '% Realizzazione')).toMatchObject({ value: 0.8, numberFormat: '0.00%', text: '80,00%' });
    expect(cell(0, 'ID riga').hidden).toBe(true);
    expect(cell(0, 'Cod.').hidden).toBe(false);
    const sheet = excel.model.sheet('Piano')!;
    expect(sheet.decorations.validations).toHaveLength(1);
    expect(sheet.decorations.validations[0]).toMatchObject({
      rect: { row: 1, column: 1, rows: 3, columns: 1 },
      rule: { list: { inCellDropDown: true, source: 'maggiore,minore' } },
    });
    expect(sheet.decorations.frozenRows).toBe(1);
    expect(await workbook.listTables()).toEqual([
      { name: 'Cruscotto', sheet: 'Piano', headers: columns.map((c) => c.header), rowCount: 3 },
    ]);
    expect(await workbook.readTable('Nessuna')).toBeNull();
  });

  it('skips data validation below ExcelApi 1.8 and still loads the table', async () => {
    const { excel, workbook } = setup('1.7');
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    expect(excel.model.sheet('Piano')!.decorations.validations).toHaveLength(0);
    expect((await workbook.readTable('Cruscotto'))!.rows).toEqual(rows);
  });

  it('writes columns at scattered rows without touching the others, with events off', async () => {
    const { excel, workbook } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    const hints: Array<number[] | 'unknown'> = [];
    await workbook.onRowsChanged('Cruscotto', (r) => hints.push(r));
    const raised = excel.events.raised.length;
    await workbook.writeColumns('Cruscotto', [2, 0], { '% Realizzazione': [0.6, 1], 'ID riga': ['c', 'a2'] });
    const data = await workbook.readTable('Cruscotto');
    expect(data!.rows.map((r) => [r[3], r[4]])).toEqual([
      [1, 'a2'],
      ['', 'b'],
      [0.6, 'c'],
    ]);
    // the port's own writes raise nothing (events off while writing) and events are back on afterwards
    await excel.settle();
    expect(excel.events.raised.slice(raised)).toEqual([]);
    expect(excel.model.eventsEnabled).toBe(true);
    expect(hints).toEqual([]);
  });

  it('turns a user edit into a change hint naming the body row', async () => {
    const { excel, workbook } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    const hints: Array<number[] | 'unknown'> = [];
    const off = await workbook.onRowsChanged('Cruscotto', (r) => hints.push(r));
    excel.user.type('Piano!C4', '12');
    await excel.settle();
    excel.user.insertRows('Cruscotto', 3);
    await excel.settle();
    expect(hints).toEqual([[2], 'unknown']);
    await off();
    excel.user.type('Piano!C2', '1');
    await excel.settle();
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

  it('adds columns at the right end of a protected table: text-formatted, hidden and with dropdowns, new ids', async () => {
    const { excel, workbook } = setup();
    const ids = await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    // a cell beside the table, on one of its rows: Excel moves it right with the inserted column
    excel.user.type('Piano!F2', 'mio');
    await workbook.protectTable('Cruscotto', ['Valore ottenuto']);
    const added = await workbook.addColumns('Cruscotto', [
      { header: 'Cruscotto', numberFormat: '@', width: 30 },
      { header: 'Livello nel cruscotto', numberFormat: '@', list: ['strategico', 'operativo'], hidden: true },
    ]);
    expect(added).toHaveLength(2);
    expect(new Set([...ids, ...added]).size).toBe(ids.length + 2);
    await workbook.writeColumns('Cruscotto', [0, 1], { Cruscotto: ['1,5', 'SG'] });
    const data = await workbook.readTable('Cruscotto');
    expect(data!.headers).toEqual([...columns.map((c) => c.header), 'Cruscotto', 'Livello nel cruscotto']);
    expect(data!.columnIds).toEqual([...ids, ...added]);
    // formatted as text before the write: "1,5" stays as typed, never the number 1.5
    expect(data!.rows.map((r) => r[5])).toEqual(['1,5', 'SG', '']);
    expect(excel.user.cell('Piano!H2')).toMatchObject({ value: 'mio' });
    expect(excel.model.sheet('Piano')!.decorations.hiddenColumns).toContain(6);
    expect(excel.model.sheet('Piano')!.protection.protected).toBe(true);
  });

  it('marks and clears cells, selects a cell, sets lights, chart and settings', async () => {
    const { excel, workbook, cell } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    await workbook.markCells('Cruscotto', [{ row: 1, column: 'Valore ottenuto', fill: '#FFC7CE' }]);
    expect(cell(1, 'Valore ottenuto').fill).toBe('#FFC7CE');
    await workbook.markCells('Cruscotto', [{ row: 1, column: 'Valore ottenuto', fill: null }]);
    expect(cell(1, 'Valore ottenuto').fill).toBeNull();

    await workbook.selectCell('Cruscotto', 2, 'Polarità');
    expect(excel.model.selection).toEqual({ sheet: 'Piano', rect: { row: 3, column: 1, rows: 1, columns: 1 } });

    await workbook.setTrafficLights('Cruscotto', { column: '% Realizzazione', green: 1, yellow: 0.6 });
    await workbook.setTrafficLights('Cruscotto', { column: '% Realizzazione', green: 0.9, yellow: 0.5 });
    const formats = excel.model.sheet('Piano')!.decorations.conditionalFormats;
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
    const chartSheet = excel.model.sheet('Grafico')!;
    expect(chartSheet.decorations.charts).toHaveLength(1);
    expect(chartSheet.decorations.charts[0]).toMatchObject({
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
    const { excel, workbook } = setup();
    const sheet = excel.model.sheets[0];
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
    expect(read).toMatchObject({
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

  it('deletes a very hidden sheet with its table, as the memory twin does; Excel itself refuses a very hidden one', async () => {
    const { excel, workbook } = setup();
    const twin = new MemoryWorkbook();
    for (const port of [workbook, twin]) {
      await port.createTable('Piano', 'Cruscotto', columns, rows);
      await port.createTable('Base Cruscotto', 'Cruscotto_Base', columns, rows);
      await port.hideSheet('Base Cruscotto', 'Piano');
      await port.deleteSheet('Base Cruscotto');
      // a sheet that is not there: nothing to do, no error
      await port.deleteSheet('Base Cruscotto');
      expect((await port.listTables()).map((t) => t.name)).toEqual(['Cruscotto']);
      expect(await port.readSheet('Base Cruscotto')).toBeNull();
    }
    expect(excel.model.sheet('Base Cruscotto')).toBeUndefined();
    // the double holds Excel's rule that the port works around (visibility to Hidden first)
    excel.model.addSheet('Nascosto').visibility = 'VeryHidden';
    await expect(
      excel.Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Nascosto').delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});
