/**
 * Sheet protection through the workbook port (issue 12, item 4), on the faithful Excel double: what the port locks,
 * that a person can type only in the open columns, and that the add-in's own writes still land on the protected
 * sheet (Excel refuses the API's writes to locked cells too, so the port lifts protection for them and puts it
 * back). MemoryWorkbook, the in-memory twin, keeps the same rules.
 */
import { ExcelWorkbook } from '../../addin/src/excel/excel-workbook';
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import type { ColumnSetup } from '../../addin/src/workbook/port';
import { createFaithfulExcel } from './excel-faithful';

const columns: ColumnSetup[] = [
  { header: 'Cod.', numberFormat: '@' },
  { header: 'Valore ottenuto', numberFormat: '@' },
  { header: '% Realizzazione', numberFormat: '0.00%' },
  { header: 'Stato sync', numberFormat: '@' },
];
const rows = [
  ['1.1.1', '11', 0.8, 'OK'],
  ['1.1.2', '7', 0.5, 'OK'],
];
const OPEN = ['Cod.', 'Valore ottenuto'];

/** Excel's answer to typing into a locked cell of a protected sheet */
function expectRefused(typing: () => void): void {
  let error: unknown = null;
  try {
    typing();
  } catch (e) {
    error = e;
  }
  expect(error).toMatchObject({ code: 'AccessDenied' });
}

async function protectedSheet() {
  const excel = createFaithfulExcel({ platform: 'web', locale: 'it-IT' });
  const workbook = new ExcelWorkbook({
    excel: excel.Excel,
    supports: (v) => excel.Office.context.requirements.isSetSupported('ExcelApi', v),
  });
  await workbook.createTable('Piano', 'Cruscotto', columns, rows);
  await workbook.protectTable('Cruscotto', OPEN);
  return { excel, workbook };
}

describe('sheet protection on the faithful Excel double', () => {
  it('locks the computed columns and the header, leaves the input columns open to typing', async () => {
    const { excel } = await protectedSheet();
    expect(excel.model.sheet('Piano')!.protection.protected).toBe(true);
    expectRefused(() => excel.user.type('Piano!C2', '100%'));
    expectRefused(() => excel.user.type('Piano!D3', 'fatto'));
    expectRefused(() => excel.user.type('Piano!A1', 'Codice'));
    excel.user.type('Piano!B2', '12');
    expect(excel.user.cell('Piano!B2').value).toBe('12');
    expect(excel.user.cell('Piano!C2').value).toBe(0.8);
  });

  it('refuses, as Excel does, an API write to a locked cell made without lifting the protection', async () => {
    const { excel } = await protectedSheet();
    await expect(
      excel.Excel.run(async (context: any) => {
        context.workbook.worksheets.getItem('Piano').getRange('C2').values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('still writes, appends, marks and deletes through the port, and leaves the sheet protected as it was', async () => {
    const { excel, workbook } = await protectedSheet();
    await workbook.writeColumns('Cruscotto', [0, 1], { '% Realizzazione': [1, 0.25], 'Stato sync': ['OK', 'OK'] });
    await workbook.markCells('Cruscotto', [{ row: 0, column: 'Valore ottenuto', fill: '#FFC7CE' }]);
    await workbook.appendRows('Cruscotto', [['1.1.3', '4', 0.1, 'OK']]);
    await workbook.deleteRows('Cruscotto', [1]);
    expect((await workbook.readTable('Cruscotto'))!.rows).toEqual([
      ['1.1.1', '11', 1, 'OK'],
      ['1.1.3', '4', 0.1, 'OK'],
    ]);
    const sheet = excel.model.sheet('Piano')!;
    expect(sheet.protection).toMatchObject({ protected: true, allowAutoFilter: true, allowSort: true });
    expect(sheet.protection.allowFormatCells).toBe(false);
    // the appended row is locked where the rows above are: "% Realizzazione" refuses, "Valore ottenuto" takes it
    expectRefused(() => excel.user.type('Piano!C3', '50%'));
    excel.user.type('Piano!B3', '5');
    expect(excel.user.cell('Piano!B3').value).toBe('5');
  });

  it('protects again with other open columns, and lifts the protection with null', async () => {
    const { excel, workbook } = await protectedSheet();
    await workbook.protectTable('Cruscotto', []);
    expectRefused(() => excel.user.type('Piano!B2', '12'));
    await workbook.protectTable('Cruscotto', null);
    expect(excel.model.sheet('Piano')!.protection.protected).toBe(false);
    excel.user.type('Piano!C2', '100%');
    expect(excel.user.cell('Piano!C2').value).toBe(1);
  });

  it('costs one request more per write only while the sheet is protected', async () => {
    const { excel, workbook } = await protectedSheet();
    const before = excel.syncs.length;
    await workbook.writeColumns('Cruscotto', [0], { 'Stato sync': ['OK'] });
    const whileProtected = excel.syncs.length - before;
    await workbook.protectTable('Cruscotto', null);
    const lifted = excel.syncs.length;
    await workbook.writeColumns('Cruscotto', [0], { 'Stato sync': ['OK'] });
    expect(whileProtected).toBe(excel.syncs.length - lifted + 1);
  });
});

describe('sheet protection on MemoryWorkbook', () => {
  it('keeps the open columns, refuses typing elsewhere and row changes, and takes the port own writes', async () => {
    const workbook = new MemoryWorkbook();
    await workbook.createTable('Piano', 'Cruscotto', columns, rows);
    await workbook.protectTable('Cruscotto', OPEN);
    expect(workbook.editableColumns('Cruscotto')).toEqual(OPEN);
    expect(() => workbook.editCell('Cruscotto', 0, '% Realizzazione', '100%')).toThrow(/protected/);
    expect(() => workbook.addRow('Cruscotto', { 'Cod.': '1.1.9' })).toThrow(/protected/);
    expect(() => workbook.sortBy('Cruscotto', 'Cod.')).toThrow(/protected/);
    workbook.editCell('Cruscotto', 0, 'Valore ottenuto', '12');
    await workbook.writeColumns('Cruscotto', [0], { '% Realizzazione': [1] });
    expect(workbook.cell('Cruscotto', 0, '% Realizzazione')).toBe(1);
    await workbook.protectTable('Cruscotto', null);
    expect(workbook.editableColumns('Cruscotto')).toBeNull();
    workbook.editCell('Cruscotto', 0, '% Realizzazione', 0.3);
  });
});
