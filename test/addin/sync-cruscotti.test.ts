/**
 * Issue 14, item 5, in the add-in: a Bergamo-shaped plan, its objectives repeated across cruscotti, through the
 * sheet. Load writes the cruscotto columns (Cruscotto, Tipo cruscotto, Responsabile cruscotto, Ordine, Livello nel
 * cruscotto, Etichetta azione) and one line per (cruscotto, node); an edit on a repeat, and a new indicator typed in
 * two cruscotti, go out in one batch without DUPLICATE_CODE; a sheet typed the way the document prints it binds and
 * syncs into an empty plan in one batch, giving the same cruscotti. A MemoryWorkbook plays Excel, against the real
 * server (SQLite).
 */
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import type { WorkbookSession } from '../../addin/src/sync/session';
import { canonicalHeaders } from '../../addin/src/sync/columns';
import { CRUSCOTTO_HEADERS, emptyPlanBeside, importBergamo2021, typedBergamoSheet } from '../helpers/bergamo-plan';
import { openSession } from '../helpers/addin-session';
import { startServer, type TestServer } from '../helpers/server';
import { type CruscottoCells, ok, type SheetRow } from '../helpers/sync';

const H = canonicalHeaders('it', true);
const PLACE =
  'rowId rowVersion level code dashboard dashboardKind dashboardOwner position entryLevel actionLabel dataSource';
type Placed = Pick<SheetRow, 'rowId' | 'rowVersion' | 'level' | 'code'> &
  Omit<CruscottoCells, 'entryWeight' | 'entryDataSource'> & {
    dataSource: string | null;
    actual: { raw: string } | null;
  };

async function placed(server: TestServer, planId: string): Promise<Placed[]> {
  const query = `query($p: ID!) { sheetRows(planId: $p, year: 2021, dashboards: true) { rows { ${PLACE} actual { raw } } } }`;
  return ok(await server.gql(query, { p: planId })).sheetRows.rows;
}

/** what the cruscotti hold, without ids: cruscotto, kind, owner, level, code, order, level in it, "Azione" */
const cruscotti = (rows: Placed[]) =>
  rows
    .filter((r) => r.dashboard)
    .map((r) =>
      [r.dashboard, r.dashboardKind, r.dashboardOwner, r.level, r.code, r.position, r.entryLevel, r.actionLabel].join(
        ' | ',
      ),
    );

describe('a Bergamo plan with its cruscotti through the add-in (sqlite)', () => {
  let server: TestServer;
  let planId: string;
  let wb: MemoryWorkbook;
  let session: WorkbookSession;
  let table: string;
  const column = (header: string) => wb.column(table, header).map((c) => String(c ?? ''));
  /** the body rows showing a node (level word, code), with the cruscotto each is in ('' = the plan row) */
  const linesOf = (level: string, code: string) =>
    column(H.code)
      .map((c, row) => ({ c, row, level: column(H.level)[row], dashboard: column(H.dashboard!)[row] }))
      .filter((l) => l.c === code && l.level === level);

  beforeAll(async () => {
    server = await startServer('sqlite', { seed: false });
    planId = await importBergamo2021(server);
    wb = new MemoryWorkbook();
    session = await openSession(server, wb);
    ({ table } = await session.load({ planId, year: 2021, checkpoint: 'YEAR_END' }));
  });
  afterAll(() => server.close());

  test('Load writes the cruscotto columns and one line per (cruscotto, node), the same code in many', async () => {
    const data = wb.table(table)!;
    expect(data.headers).toEqual(expect.arrayContaining(CRUSCOTTO_HEADERS));
    expect(data.headers).toContain('Cruscotto');
    expect(data.rowCount).toBe((await placed(server, planId)).length);
    const shown = linesOf('azione', '3.1.1');
    expect(shown.filter((l) => l.dashboard === '')).toHaveLength(1);
    expect(new Set(shown.map((l) => l.dashboard)).size).toBe(shown.length);
    expect(shown.length).toBeGreaterThan(10);
    // one node: every line has its row id
    expect(new Set(shown.map((l) => wb.cell(table, l.row, H.rowId))).size).toBe(1);
    const sg = shown.find((l) => /SEGRETARIO/.test(l.dashboard))!;
    expect(wb.cell(table, sg.row, H.dashboardKind!)).toBe('segretario generale');
    expect(wb.cell(table, sg.row, H.entryLevel!)).toMatch(/^(strategico|operativo)$/);
    expect(String(wb.cell(table, sg.row, H.position!))).toMatch(/^\d+$/);
    // the dropdowns of the new columns
    expect(wb.columnSetup(table, H.entryLevel!)?.list).toEqual(['strategico', 'operativo']);
    // nothing edited: nothing to send, not one repeat counted as a change
    expect(await session.pendingChanges()).toBe(0);
    expect((await session.sync()).sent).toBe(0);
  });

  test('an edit on a repeat and a new indicator typed in two cruscotti go out in one batch, no DUPLICATE_CODE', async () => {
    const shown = linesOf('azione', '3.1.1');
    const registro = shown.find((l) => l.dashboard === 'SERVIZIO REGISTRO IMPRESE')!;
    wb.editCell(table, registro.row, H.actual, '97%');
    // a new indicator under 3.1, typed in the Segretario Generale's cruscotto and again in the Registro Imprese one
    const objectiveIn = (dashboard: string) =>
      linesOf('obiettivo strategico', '3.1').find((l) => l.dashboard === dashboard)!;
    const sgName = shown.find((l) => /SEGRETARIO/.test(l.dashboard))!.dashboard;
    expect(objectiveIn(sgName)).toBeDefined();
    const newLine = (dashboard: string, position: string) => ({
      [H.level]: 'azione',
      [H.code]: '3.1.99',
      [H.title]: 'Pratiche telematiche evase entro 5 giorni',
      [H.parentCode]: '3.1',
      [H.target]: '90%',
      [H.dashboard!]: dashboard,
      [H.position!]: position,
      [H.entryLevel!]: 'operativo',
      [H.actionLabel!]: 'Semplificare gli adempimenti',
    });
    wb.addRow(table, newLine(sgName, '40'));
    wb.addRow(table, newLine('SERVIZIO REGISTRO IMPRESE', '41'));

    const summary = await session.sync();
    expect(session.errors().map((e) => `${e.row} ${e.header}: ${e.code} ${e.message}`)).toEqual([]);
    expect(summary).toMatchObject({ sent: 3, batches: 1, rejected: 0, conflicts: 0, pending: 0 });
    expect(summary.created).toBe(1);
    expect((await session.sync()).sent).toBe(0);

    const rows = await placed(server, planId);
    const node = rows.filter((r) => r.code === '3.1.1' && r.level === 'INDICATOR');
    expect(node.every((r) => r.actual?.raw === '97%')).toBe(true);
    const added = rows.filter((r) => r.code === '3.1.99');
    expect(added.filter((r) => !r.dashboard)).toHaveLength(1);
    expect(added.filter((r) => r.dashboard).map((r) => [r.dashboard, r.position, r.entryLevel, r.actionLabel])).toEqual(
      expect.arrayContaining([
        [sgName, 40, 'OPERATIONAL', 'Semplificare gli adempimenti'],
        ['SERVIZIO REGISTRO IMPRESE', 41, 'OPERATIONAL', 'Semplificare gli adempimenti'],
      ]),
    );
    // every line of the edited node took the new version and value: none is left behind as a future conflict
    const versions = linesOf('azione', '3.1.1').map((l) => [
      wb.cell(table, l.row, H.actual),
      wb.cell(table, l.row, H.rowVersion),
    ]);
    expect(new Set(versions.map((v) => JSON.stringify(v))).size).toBe(1);
    expect(versions[0]).toEqual(['97%', node[0].rowVersion]);
    const lines = linesOf('azione', '3.1.99');
    expect(lines).toHaveLength(2);
    expect(new Set(lines.map((l) => wb.cell(table, l.row, H.rowId)))).toEqual(new Set([added[0].rowId]));
  });

  test("the node's plan row, edited after the repeat was sent, goes out without a conflict", async () => {
    const plan = linesOf('azione', '3.1.1').find((l) => l.dashboard === '')!;
    wb.editCell(table, plan.row, H.actual, '98%');
    expect(await session.sync()).toMatchObject({ sent: 1, updated: 1, conflicts: 0, rejected: 0 });
    expect((await placed(server, planId)).find((r) => r.code === '3.1.1' && !r.dashboard)?.actual?.raw).toBe('98%');
  });

  test('"Collega" again on a table bound without the cruscotto columns adds them: every line keeps its cruscotto', async () => {
    const request = { planId, year: 2021, checkpoint: 'YEAR_END' } as const;
    const before = cruscotti(await placed(server, planId));
    const typed = new MemoryWorkbook();
    typed.putSheet('Piano', await typedBergamoSheet(server, planId, 0));
    const s = await openSession(server, typed);
    const plain = await s.proposeMapping('Piano');
    const { table: bound } = await s.bindExistingSheet('Piano', plain.matches, request, plain);
    // the table as a bind before the cruscotto columns existed left it
    expect(typed.table(bound)!.headers).not.toContain(H.dashboard);
    expect(await s.sync()).toMatchObject({ rejected: 0, conflicts: 0 });

    const sheet = await typedBergamoSheet(server, planId, 2);
    typed.putSheet('Cruscotti', sheet);
    const shaped = await s.proposeMapping('Cruscotti');
    const again = await s.bindExistingSheet('Cruscotti', shaped.matches, request, shaped);
    expect(again).toMatchObject({ table: bound, rows: sheet.length - 1, unplaced: 0 });
    // the one table the user sees, and the merge base's on its very hidden sheet (sync/base.ts)
    expect((await typed.listTables()).map((t) => t.name)).toEqual([bound, `${bound}_Base`]);
    const data = typed.table(bound)!;
    const cells = (key: keyof typeof H) => typed.column(bound, H[key]!).map((c) => String(c ?? ''));
    const shown = cells('code').map((code, i) =>
      [cells('dashboard')[i], code, cells('position')[i], cells('entryLevel')[i], cells('actionLabel')[i]].join(' | '),
    );
    const at = (header: string) => sheet[0].indexOf(header);
    const typedLines = sheet
      .slice(1)
      .map((r) =>
        [r[at(H.dashboard!)], r[at(H.code)], r[at(H.position!)], r[at(H.entryLevel!)], r[at(H.actionLabel!)]].join(
          ' | ',
        ),
      );
    expect(data.headers).toEqual(expect.arrayContaining(CRUSCOTTO_HEADERS));
    // the cruscotto lines as typed (a plan row's empty "Azione" shows the server's, as any column the sheet leaves empty)
    const inCruscotto = (lines: string[]) => lines.filter((l) => !l.startsWith(' | '));
    expect(inCruscotto(shown)).toEqual(inCruscotto(typedLines));
    expect(inCruscotto(shown).length).toBeGreaterThan(10);
    expect(shown.length).toBe(typedLines.length);
    // the lines go out as the cruscotti they are: nothing refused, and the server's cruscotti as they were
    expect(await s.sync()).toMatchObject({ rejected: 0, conflicts: 0 });
    expect(s.errors()).toEqual([]);
    expect(cruscotti(await placed(server, planId))).toEqual(before);
  });

  test('a sheet typed as the document prints it (cruscotto columns, codes repeated) binds and syncs in one batch', async () => {
    const source = await placed(server, planId);
    const grid = await typedBergamoSheet(server, planId);
    const target = await emptyPlanBeside(server, planId);
    const typed = new MemoryWorkbook();
    typed.putSheet('Cruscotti', grid);
    const fresh = await openSession(server, typed);
    const proposal = await fresh.proposeMapping('Cruscotti');
    expect(proposal.mapping).toMatchObject({
      dashboard: 'Cruscotto',
      position: 'Ordine',
      actionLabel: 'Etichetta azione',
    });
    const bound = await fresh.bindExistingSheet(
      'Cruscotti',
      proposal.matches,
      { planId: target, year: 2021, checkpoint: 'YEAR_END' },
      proposal,
    );
    expect(bound).toMatchObject({ rows: source.length, newRows: source.length, unplaced: 0 });
    // "Fonte del dato" is the plan table's data source column, not a cell left unplaced
    expect(proposal.mapping).toMatchObject({ dataSource: 'Fonte del dato' });
    const summary = await fresh.sync();
    expect(fresh.errors().filter((e) => /DUPLICATE/.test(e.code))).toEqual([]);
    expect(fresh.errors().map((e) => `${e.row} ${e.header}: ${e.code} ${e.message}`)).toEqual([]);
    expect(summary).toMatchObject({ batches: 1, rejected: 0, conflicts: 0, pending: 0 });
    expect(summary.created).toBe(source.filter((r) => !r.dashboard).length);
    const copy = await placed(server, target);
    expect(cruscotti(copy)).toEqual(cruscotti(source));
    // every indicator's data source, typed in the sheet, is stored on the copy
    const sources = (rows: Placed[]) =>
      rows.filter((r) => !r.dashboard && r.level === 'INDICATOR').map((r) => `${r.code} | ${r.dataSource ?? ''}`);
    expect(sources(source).filter((l) => !l.endsWith(' | ')).length).toBeGreaterThan(10);
    expect(sources(copy)).toEqual(sources(source));
    expect((await fresh.sync()).sent).toBe(0);
  });
});
