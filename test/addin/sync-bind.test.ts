/**
 * Binding a sheet shaped like the seeds: the Sondrio table as the organisation keeps it (four header rows, column
 * groups per level, thresholds in two columns), plus a "Valore ottenuto" column the controller filled in. Its headers
 * are recognised, the rows matched to the plan's, and a Sync sends what the sheet says differently from the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Cell } from '../../addin/src/workbook/port';
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import { H, openSession, rowOf } from '../helpers/addin-session';
import { SEEDS } from '../helpers/seeds';
import { withSondrioServer } from '../helpers/sondrio-server';
import { changedRows, readRows } from '../helpers/sync';
import { sondrioSheet as sondrioSheetSeed } from '../fixtures/seed-sheets';

const sondrio = withSondrioServer();

/** the first table of the Sondrio seed (text lines 3–14) as sheet cells, with an actual column added */
function sondrioSheet(): Cell[][] {
  const dir = SEEDS;
  const file = fs.readdirSync(dir).find((f) => f.startsWith('004_'))!;
  const lines = fs
    .readFileSync(path.join(dir, file), 'utf8')
    .split('\n')
    .slice(2, 14)
    .map((l) => l.replace(/\r$/, '').split('\t'));
  const width = 21;
  const grid: Cell[][] = lines.map((l) => Array.from({ length: width }, (_, i) => l[i] ?? ''));
  grid.forEach((row, i) => row.push(i === 0 ? 'Valore ottenuto' : ''));
  const row112 = grid.findIndex((r) => r[11] === '1.1.2');
  grid[row112][width] = '11';
  return grid;
}

test('a seed-shaped sheet is recognised, matched to the plan and synced without retyping', async () => {
  const wb = new MemoryWorkbook();
  wb.putSheet('Piano 2022', sondrioSheet());
  const session = await openSession(sondrio.server, wb);
  const proposal = await session.proposeMapping('Piano 2022');
  expect(proposal.headerRow).toBe(0);
  expect(proposal.headerRows).toBeGreaterThanOrEqual(3);
  expect(Object.keys(proposal.mapping)).toEqual(
    expect.arrayContaining(['code', 'title', 'weight', 'kpi', 'target', 'thresholds', 'actual', 'responsibleUnit']),
  );
  expect(proposal.mapping.actual).toBe('Valore ottenuto');

  const before = (await readRows(sondrio.server, sondrio.plan.planId)).rows;
  const bound = await session.bindExistingSheet(
    'Piano 2022',
    proposal.matches,
    { planId: sondrio.plan.planId, year: 2022, checkpoint: 'YEAR_END' },
    proposal,
  );
  expect(bound.newRows).toBe(0);
  expect(bound.matched).toBe(bound.rows);
  expect(bound.rows).toBeGreaterThan(10);
  const table = bound.table;
  const r = rowOf(wb, table, '1.1.2');
  expect(wb.cell(table, r, H.rowId)).toBe(sondrio.plan.indicator('1.1.2').rowId);
  expect(wb.cell(table, r, H.actual)).toBe('11');
  expect(wb.cell(table, r, H.syncStatus)).toBe('MODIFICATA');
  expect(wb.cell(table, rowOf(wb, table, '1.1.1'), H.thresholds)).toBe('80%: 3,00%; 60%: 2,85%');
  // the original sheet is left as it was
  expect((await wb.readSheet('Piano 2022'))!.values[0][0]).toBe('Prospettiva');

  const summary = await session.sync();
  expect(summary).toMatchObject({ rejected: 0, conflicts: 0, created: 0, updated: 1 });
  const after = (await readRows(sondrio.server, sondrio.plan.planId)).rows;
  expect(after.find((x) => x.rowId === sondrio.plan.indicator('1.1.2').rowId)!.actual!.raw).toBe('11');
  // "25%" in the seed and 25 on the server are the same weight: nothing else changed
  expect(changedRows(before, after, [sondrio.plan.indicator('1.1.2').rowId])).toEqual([]);
  expect(wb.cell(table, r, H.realization)).toBe(0.8);
  expect((await session.sync()).sent).toBe(0);
});

test('a mapping the user corrected is the one used', async () => {
  const wb = new MemoryWorkbook();
  wb.putSheet('Foglio', [
    ['Cod.', 'Descrizione', 'Colonna mia', 'Risultato Atteso', 'Valore ottenuto'],
    ['1.1.3', 'Grado di adesione', '80', '100', '77'],
  ]);
  const session = await openSession(sondrio.server, wb);
  const proposal = await session.proposeMapping('Foglio');
  expect(proposal.unmatched).toEqual(['Colonna mia']);
  // the user says the actual is in "Colonna mia", not in "Valore ottenuto"
  const mapping = { ...proposal.mapping, actual: 'Colonna mia' };
  const bound = await session.bindExistingSheet('Foglio', mapping, {
    planId: sondrio.plan.planId,
    year: 2022,
    checkpoint: 'YEAR_END',
  });
  expect(bound).toMatchObject({ rows: 1, matched: 1, newRows: 0 });
  expect(wb.cell(bound.table, 0, H.actual)).toBe('80');
  expect(wb.cell(bound.table, 0, H.title)).toBe('Grado di adesione');
});

test('a sheet with part of the plan, its rows under the wrong block, keeps the server parents', async () => {
  const wb = new MemoryWorkbook();
  // lines 3–21 of the seed: 2.1 is printed inside strategic objective 1's block, and objective 2 is not there
  wb.putSheet('Piano', sondrioSheetSeed());
  const session = await openSession(sondrio.server, wb);
  const proposal = await session.proposeMapping('Piano');
  const before = (await readRows(sondrio.server, sondrio.plan.planId)).rows;
  await session.bindExistingSheet(
    'Piano',
    proposal.matches,
    { planId: sondrio.plan.planId, year: 2022, checkpoint: 'YEAR_END' },
    proposal,
  );
  expect(await session.sync()).toMatchObject({ rejected: 0, conflicts: 0 });
  const after = (await readRows(sondrio.server, sondrio.plan.planId)).rows;
  for (const row of after) expect(row.parentId).toBe(before.find((b) => b.rowId === row.rowId)!.parentId);
  expect((await session.sync()).sent).toBe(0);
});
