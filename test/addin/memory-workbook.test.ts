/**
 * The in-memory twin of the workbook port behaves like Excel where the sync logic can tell: what a cell holds,
 * fills travelling with their rows, events only for the user's edits, what survives closing the file, and the
 * context.sync() bill of every operation.
 */
import { MemoryWorkbook } from '../../addin/src/workbook/memory';

async function plan(wb = new MemoryWorkbook()) {
  await wb.createTable(
    'Piano',
    'T',
    [
      { header: 'Cod.', numberFormat: '@' },
      { header: 'Valore', numberFormat: '@' },
      { header: 'Punteggio', numberFormat: '0.00%' },
      { header: 'ID', numberFormat: '@', hidden: true },
    ],
    [
      ['1.1', '10', 0.5, 'a'],
      ['1.2', '', null, 'b'],
      ['1.3', '7', 1, 'c'],
    ],
  );
  return wb;
}

test('cells hold what Excel holds: text stays text in a text column, null writes an empty cell', async () => {
  const wb = await plan();
  expect(wb.cell('T', 1, 'Punteggio')).toBe('');
  wb.editCell('T', 1, 'Valore', 12);
  expect(wb.cell('T', 1, 'Valore')).toBe('12');
  wb.editCell('T', 1, 'Punteggio', '0.75');
  expect(wb.cell('T', 1, 'Punteggio')).toBe(0.75);
  await wb.writeColumns('T', [0, 2], { Punteggio: [null, 0.3] });
  expect(wb.column('T', 'Punteggio')).toEqual(['', 0.75, 0.3]);
  await expect(wb.writeColumns('T', [0], { Nessuna: [1] })).rejects.toThrow(/no column "Nessuna"/);
  await expect(wb.writeColumns('T', [9], { Valore: ['x'] })).rejects.toThrow(/no body row 9/);
});

test('sorting, inserting and deleting move whole rows with their fills, and raise change hints', async () => {
  const wb = await plan();
  const hints: Array<number[] | 'unknown'> = [];
  const stop = await wb.onRowsChanged('T', (rows) => hints.push(rows));
  await wb.markCells('T', [{ row: 0, column: 'Valore', fill: '#FFC7CE' }]);
  await wb.writeColumns('T', [1], { Valore: ['x'] });
  expect(hints).toEqual([]); // the add-in's own writes raise no events
  wb.sortBy('T', 'Cod.', true);
  expect(wb.column('T', 'Cod.')).toEqual(['1.3', '1.2', '1.1']);
  expect(wb.fill('T', 2, 'Valore')).toBe('#FFC7CE');
  wb.insertRowAt('T', 1, { 'Cod.': '1.9' });
  wb.deleteRowAt('T', 0);
  expect(wb.column('T', 'Cod.')).toEqual(['1.9', '1.2', '1.1']);
  wb.editCell('T', 2, 'Valore', '11');
  expect(hints).toEqual(['unknown', 'unknown', 'unknown', [2]]);
  await stop();
  wb.editCell('T', 2, 'Valore', '12');
  expect(hints).toHaveLength(4);
});

test('closing and reopening keeps content, formats and settings, not listeners', async () => {
  const wb = await plan();
  await wb.setSetting('cruscotto.binding', '{"planId":"p"}');
  await wb.setTrafficLights('T', { column: 'Punteggio', green: 1, yellow: 0.6 });
  await wb.onRowsChanged('T', () => undefined);
  const again = MemoryWorkbook.deserialize(wb.serialize());
  expect(again.table('T')).toEqual(wb.table('T'));
  expect(await again.getSetting('cruscotto.binding')).toBe('{"planId":"p"}');
  expect(again.columnSetup('T', 'ID')).toMatchObject({ hidden: true });
  expect(again.lights('T')).toEqual({ column: 'Punteggio', green: 1, yellow: 0.6 });
  expect(again.listenerCount()).toBe(0);
});

test('a sheet range becomes a table, and the sheet reads with the table in place', async () => {
  const wb = new MemoryWorkbook();
  wb.putSheet('Seed', [[], ['', 'Cod.', 'Peso'], ['', '1.1', '20%'], ['', '1.2', '30%']]);
  expect(await wb.readSheet('Seed')).toEqual({
    address: 'B2:C4',
    values: [
      ['Cod.', 'Peso'],
      ['1.1', '20%'],
      ['1.2', '30%'],
    ],
    // a sheet put in by a test is General throughout, and shows its text as typed
    formats: [
      ['General', 'General'],
      ['General', 'General'],
      ['General', 'General'],
    ],
    texts: [
      ['Cod.', 'Peso'],
      ['1.1', '20%'],
      ['1.2', '30%'],
    ],
  });
  await wb.convertToTable('Seed', 'B2:C4', 'Seme');
  expect(wb.table('Seme')).toMatchObject({
    headers: ['Cod.', 'Peso'],
    rows: [
      ['1.1', '20%'],
      ['1.2', '30%'],
    ],
  });
  expect((await wb.readSheet('Seed'))!.values).toEqual([
    ['Cod.', 'Peso'],
    ['1.1', '20%'],
    ['1.2', '30%'],
  ]);
});

test('every operation costs a constant plus one sync per chunk of the budget', async () => {
  const wb = new MemoryWorkbook({ budgetBytes: 10_000 });
  await plan(wb);
  const before = wb.syncs;
  await wb.writeColumns('T', [0, 1, 2], { Valore: ['a', 'b', 'c'] });
  expect(wb.syncs - before).toBe(1 + 1 + 1); // the table found, one chunk, events back on
  const rows = Array.from({ length: 300 }, (_, i) => [`${i}`, 'x'.repeat(90), i, `id${i}`]);
  const mark = wb.syncs;
  await wb.appendRows('T', rows);
  const appended = wb.syncs - mark;
  // 300 rows of ~110 bytes in 10 kB requests: 4 chunks
  expect(appended).toBe(1 + 4 + 1);
  // reads: the first asks for 1,000 rows (row widths are unknown yet), the next ones are sized from the widest row
  let read = wb.syncs;
  await wb.readTable('T');
  expect(wb.syncs - read).toBe(2 + 1);
  await wb.appendRows(
    'T',
    Array.from({ length: 1200 }, (_, i) => [`${i}`, 'x'.repeat(90), i, `id${i}`]),
  );
  read = wb.syncs;
  await wb.readTable('T');
  // 1,000 rows, then the remaining ~500 rows in reads sized to 10 kB (with 25% headroom); a row weighs its values
  // (~110 bytes), its formats (4 × "General" or "@") and its displayed text (about the values again): ~260 bytes
  const after = wb.syncs - read;
  expect(after).toBeGreaterThan(2 + 1 + Math.floor((503 * 230 * 1.25) / 10_000));
  expect(after).toBeLessThanOrEqual(2 + 1 + Math.ceil((503 * 270 * 1.25) / 10_000) + 1);
  expect(wb.calls.slice(-4)).toEqual(['appendRows', 'readTable', 'appendRows', 'readTable']);
});

test("columns keep Excel's TableColumn.id through a rename and a move, and after reopening", async () => {
  const wb = await plan();
  expect((await wb.readTable('T'))?.columnIds).toEqual(['1', '2', '3', '4']);
  wb.renameHeader('T', 'Valore', 'Consuntivo');
  wb.moveColumn('T', 'Consuntivo', 0);
  const read = await wb.readTable('T');
  expect(read?.headers).toEqual(['Consuntivo', 'Cod.', 'Punteggio', 'ID']);
  expect(read?.columnIds).toEqual(['2', '1', '3', '4']);
  expect(read?.rows[0]).toEqual(['10', '1.1', 0.5, 'a']);
  // the renamed column keeps its text format: "12" typed there stays text
  wb.editCell('T', 1, 'Consuntivo', '12');
  expect(wb.cell('T', 1, 'Consuntivo')).toBe('12');
  expect((await MemoryWorkbook.deserialize(wb.serialize()).readTable('T'))?.columnIds).toEqual(['2', '1', '3', '4']);
});

test('shapeRows keeps the outline by body row, costs one request for its runs, and is kept in the file', async () => {
  const wb = await plan();
  const before = wb.syncs;
  const outline = {
    titleColumn: 'Cod.',
    rows: [
      { depth: 1, bold: true },
      { depth: 3, bold: false },
      { depth: 3, bold: false },
      { depth: 0, bold: true },
    ],
  };
  await wb.shapeRows('T', outline);
  // the table found 1 + one request for the groups, bold, indents and the remembered depth + events 1
  expect(wb.syncs - before).toBe(3);
  // the table has 3 body rows: a fourth entry is not kept
  expect(wb.outline('T')).toEqual({ titleColumn: 'Cod.', rows: outline.rows.slice(0, 3) });
  expect(JSON.parse(String(await wb.getSetting('outline:T')))).toMatchObject({ depth: 3, rows: 3 });
  // the same outline again costs only finding the table: events are never switched off
  const again = wb.syncs;
  await wb.shapeRows('T', outline);
  expect(wb.syncs - again).toBe(1);
  expect(MemoryWorkbook.deserialize(wb.serialize()).outline('T')).toEqual(wb.outline('T'));
  await expect(wb.shapeRows('T', { ...outline, titleColumn: 'Titolo' })).rejects.toThrow(/no column "Titolo"/);
});
