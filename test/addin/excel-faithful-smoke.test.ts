/**
 * The add-in's ExcelWorkbook against the faithful double: proof that the double implements the Office.js surface the
 * add-in uses, and a first look at what typed cells change for it.
 */
import { ExcelWorkbook } from '../../addin/src/excel/excel-workbook';
import type { ColumnSetup } from '../../addin/src/workbook/port';
import { seenValues } from '../../addin/src/sync/seen';
import { createFaithfulExcel, reopenFaithfulExcel } from './excel-faithful';

const columns: ColumnSetup[] = [
  { header: 'Cod.', numberFormat: '@', width: 9 },
  { header: 'Polarità', numberFormat: '@', list: ['maggiore', 'minore'] },
  { header: 'Valore ottenuto', numberFormat: '@' },
  { header: '% Realizzazione', numberFormat: '0.00%' },
];
const rows = [
  ['1.1.1', 'maggiore', '3,25%', 0.8],
  ['1.1.2', 'minore', '11', ''],
];

function setup() {
  const excel = createFaithfulExcel({ platform: 'web', locale: 'it-IT' });
  const workbook = new ExcelWorkbook({
    excel: excel.Excel,
    supports: (v) => excel.Office.context.requirements.isSetSupported('ExcelApi', v),
  });
  return { excel, workbook };
}

describe('ExcelWorkbook on the faithful double', () => {
  it('creates a table and reads it back with typed values, text columns kept as typed', async () => {
    const { excel, workbook } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    expect(await workbook.readTable('Cruscotto')).toEqual({
      name: 'Cruscotto',
      sheet: 'Piano',
      headers: columns.map((c) => c.header),
      columnIds: ['1', '2', '3', '4'],
      rowCount: 2,
      rows,
      // each cell's format, and what the grid shows in an Italian Excel
      formats: [
        ['@', '@', '@', '0.00%'],
        ['@', '@', '@', '0.00%'],
      ],
      texts: [
        ['1.1.1', 'maggiore', '3,25%', '80,00%'],
        ['1.1.2', 'minore', '11', ''],
      ],
    });
    expect(await workbook.listTables()).toEqual([
      { name: 'Cruscotto', sheet: 'Piano', headers: columns.map((c) => c.header), rowCount: 2 },
    ]);
    // the text columns were formatted "@" before the values arrived, so "3,25%" and "11" stayed strings
    expect(excel.user.cell('Piano!C2')).toMatchObject({ value: '3,25%', numberFormat: '@' });
    expect(excel.user.cell('Piano!D2')).toMatchObject({ value: 0.8, text: '80,00%' });
    expect(await workbook.readTable('Nessuna')).toBeNull();
  });

  it("keeps each column's TableColumn.id through a rename, a move, a deletion and a save and reopen", async () => {
    const { excel, workbook } = setup();
    expect(await workbook.createTable('Piano', 'Cruscotto', columns, rows)).toEqual(['1', '2', '3', '4']);
    excel.user.renameHeader('Cruscotto', 'Valore ottenuto', 'Consuntivo');
    excel.user.moveColumn('Cruscotto', 'Consuntivo', 0);
    excel.user.deleteColumn('Cruscotto', 'Polarità');
    const read = await workbook.readTable('Cruscotto');
    expect(read?.headers).toEqual(['Consuntivo', 'Cod.', '% Realizzazione']);
    expect(read?.columnIds).toEqual(['3', '1', '4']);
    // the moved column's cells went with it, typed values and formats included
    expect(read?.rows[0]).toEqual(['3,25%', '1.1.1', 0.8]);
    const reopened = new ExcelWorkbook({
      excel: reopenFaithfulExcel(excel.save()).Excel,
      supports: () => true,
    });
    expect((await reopened.readTable('Cruscotto'))?.columnIds).toEqual(['3', '1', '4']);
  });

  it('appends, writes, deletes rows and keeps settings; a user edit reaches onRowsChanged', async () => {
    const { excel, workbook } = setup();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    await workbook.appendRows('Cruscotto', [['1.1.3', 'maggiore', '7', 0.5]]);
    await workbook.writeColumns('Cruscotto', [0], { '% Realizzazione': [1] });
    await workbook.deleteRows('Cruscotto', [1]);
    expect((await workbook.readTable('Cruscotto'))!.rows).toEqual([
      ['1.1.1', 'maggiore', '3,25%', 1],
      ['1.1.3', 'maggiore', '7', 0.5],
    ]);
    await workbook.setSetting('cruscotto.piano', '42');
    expect(await workbook.getSetting('cruscotto.piano')).toBe('42');
    const hints: Array<number[] | 'unknown'> = [];
    const stop = await workbook.onRowsChanged('Cruscotto', (r) => hints.push(r));
    excel.user.type('Piano!C3', '9');
    await excel.settle();
    expect(hints).toEqual([[1]]);
    await stop();
    excel.user.type('Piano!C3', '10');
    await excel.settle();
    expect(hints).toEqual([[1]]);
  });

  it('reads a sheet through its used range and converts a range to a table', async () => {
    const { excel, workbook } = setup();
    excel.user.type('Foglio1!B2', 'Anno');
    excel.user.type('Foglio1!C2', 'Valore');
    excel.user.type('Foglio1!B3', '2022');
    excel.user.type('Foglio1!C3', '3,4%');
    const read = await workbook.readSheet('Foglio1');
    expect(read).toEqual({
      address: 'B2:C3',
      values: [
        ['Anno', 'Valore'],
        [2022, 0.034],
      ],
      // the typed percent got a percent format, and shows as one
      formats: [
        ['General', 'General'],
        ['General', '0.00%'],
      ],
      texts: [
        ['Anno', 'Valore'],
        ['2022', '3,40%'],
      ],
    });
    // what binding this sheet reads: the cells as the user sees them
    expect(seenValues(read!)).toEqual([
      ['Anno', 'Valore'],
      ['2022', '3,4%'],
    ]);
    await workbook.convertToTable('Foglio1', 'B2:C3', 'Dati');
    expect(await workbook.readTable('Dati')).toMatchObject({ headers: ['Anno', 'Valore'], rows: [[2022, 0.034]] });
  });
});
