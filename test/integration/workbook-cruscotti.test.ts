/**
 * Issue 14, item 5, through the workbook import: a Bergamo-shaped table a person types (the plan once, then each
 * cruscotto repeating the codes it lists) is read by header recognition, in Italian, and lands in one upload: no
 * DUPLICATE_CODE, the cruscotti and their entries as typed, a bad order refused with its row and column.
 */
import ExcelJS from 'exceljs';
import { postWorkbook } from '../helpers/files';
import { withServer } from '../helpers/server';
import { ok } from '../helpers/sync';
import { createEmptyPlan } from '../helpers/other-plan';

const HEADERS = [
  'Livello',
  'Cod.',
  'Titolo',
  'Cod. padre',
  'Unità responsabile',
  'Cruscotto',
  'Tipo cruscotto',
  'Responsabile cruscotto',
  'Ordine',
  'Etichetta azione',
];
const SG = 'CRUSCOTTO DEL SEGRETARIO GENERALE';
const AG = 'SERVIZIO AFFARI GENERALI';

const TABLE = [
  ['prospettiva', '1', 'SVILUPPO ECONOMICO DELLE IMPRESE E DEL TERRITORIO'],
  ['obiettivo strategico', '1.1', 'Attrattività del territorio', '1'],
  ['azione', '1.1.1', 'Progetto: Turismo', '1.1', AG],
  ['azione', '1.1.2', 'Valore contabilizzato per il progetto Turismo', '1.1', AG],
  ['obiettivo strategico', '1.1', '', '', '', SG, 'segretario generale'],
  ['azione', '1.1.1', '', '1.1', '', SG, '', '', '1', 'Sviluppare il sistema turistico'],
  ['azione', '1.1.2', '', '1.1', '', SG, '', '', '2', 'Utilizzo delle risorse'],
  ['obiettivo strategico', '1.1', '', '', '', AG, 'servizio', AG],
  ['azione', '1.1.2', '', '1.1', '', AG, '', '', 'primo', 'Utilizzo delle risorse'],
  ['azione', '1.1.1', '', '1.1', '', AG, '', '', '2', 'Sviluppare il sistema turistico'],
];

describe('a Bergamo-shaped workbook with cruscotto columns (sqlite)', () => {
  const server = withServer('sqlite', { seed: false });

  it('imports the plan and its cruscotti in one upload, refusing only the bad order', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Cruscotti 2021');
    ws.addRow(HEADERS);
    for (const row of TABLE) ws.addRow(row);
    const { planId } = await createEmptyPlan(server, { code: 'BG-WB', name: 'Bergamo (tabella)' }, 'Piano da tabella');
    const { status, json } = await postWorkbook(
      server,
      `planId=${planId}&year=2022`,
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(status).toBe(200);
    expect(json.format).toBe('mapped');
    const refused = json.rows.filter((r: any) => r.status === 'rejected');
    expect(refused.map((r: any) => [r.row, r.errors.map((e: any) => `${e.header}@${e.column}:${e.code}`)])).toEqual([
      [10, ['Ordine@9:NOT_A_POSITION']],
    ]);
    expect(JSON.stringify(json)).not.toContain('DUPLICATE_CODE');
    const rows = ok(
      await server.gql(
        `query($p: ID!) { sheetRows(planId: $p, year: 2022, dashboards: true) { rows { level code dashboard dashboardKind dashboardOwner position actionLabel } } }`,
        { p: planId },
      ),
    ).sheetRows.rows.filter((r: any) => r.dashboard && r.level === 'INDICATOR');
    expect(
      rows.map((r: any) => [r.dashboard, r.dashboardKind, r.dashboardOwner, r.code, r.position, r.actionLabel]),
    ).toEqual([
      [SG, 'SECRETARY_GENERAL', null, '1.1.1', 1, 'Sviluppare il sistema turistico'],
      [SG, 'SECRETARY_GENERAL', null, '1.1.2', 2, 'Utilizzo delle risorse'],
      [AG, 'SERVICE', AG, '1.1.1', 2, 'Sviluppare il sistema turistico'],
    ]);
  });
});
