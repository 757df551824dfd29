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
import { emptyPlanBeside, importBergamo2021 } from '../helpers/bergamo-plan';
import { openSession } from '../helpers/addin-session';
import { startServer, type TestServer } from '../helpers/server';
import { type CruscottoCells, ok, type SheetRow } from '../helpers/sync';

const H = canonicalHeaders('it', true);
const PLACE = 'rowId rowVersion level code dashboard dashboardKind dashboardOwner position entryLevel actionLabel';
type Placed = Pick<SheetRow, 'rowId' | 'rowVersion' | 'level' | 'code'> &
  Omit<CruscottoCells, 'entryWeight' | 'entryDataSource'> & { actual: { raw: string } | null };

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
    for (const key of [
      'dashboard',
      'dashboardKind',
      'dashboardOwner',
      'position',
      'entryLevel',
      'actionLabel',
    ] as const)
      expect(data.headers).toContain(H[key]);
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

  test('a sheet typed as the document prints it (cruscotto columns, codes repeated) binds and syncs in one batch', async () => {
    const source = await placed(server, planId);
    const full = ok(
      await server.gql(
        `query($p: ID!) { sheetRows(planId: $p, year: 2021, dashboards: true) { rows { rowId level code title parentId weight target { raw } } } }`,
        { p: planId },
      ),
    ).sheetRows.rows as Array<{
      rowId: string;
      level: string;
      code: string;
      title: string;
      parentId: string | null;
      weight: number | null;
      target: { raw: string } | null;
    }>;
    const codeOf = new Map(full.map((r) => [r.rowId, r.code]));
    const levelWord: Record<string, string> = {
      PERSPECTIVE: 'prospettiva',
      STRATEGIC: 'obiettivo strategico',
      OPERATIONAL: 'obiettivo operativo',
      INDICATOR: 'azione',
    };
    const kindWord: Record<string, string> = {
      STRATEGIC: 'strategico',
      SERVICE: 'servizio',
      SECRETARY_GENERAL: 'segretario generale',
      MANAGER: 'dirigente',
    };
    const headers = [
      H.level,
      H.code,
      H.title,
      H.parentCode,
      H.weight,
      H.target,
      H.dashboard!,
      H.dashboardKind!,
      H.dashboardOwner!,
      H.position!,
      H.entryLevel!,
      H.actionLabel!,
    ];
    const grid = [
      headers,
      ...full.map((r, i) => {
        const p = source[i];
        return [
          levelWord[r.level],
          r.code,
          r.title,
          r.parentId ? (codeOf.get(r.parentId) ?? '') : '',
          r.weight === null ? '' : String(r.weight).replace('.', ','),
          r.target?.raw ?? '',
          p.dashboard ?? '',
          p.dashboard && p.dashboardKind ? kindWord[p.dashboardKind] : '',
          p.dashboard ? (p.dashboardOwner ?? '') : '',
          p.position === null ? '' : String(p.position),
          p.entryLevel === 'OPERATIONAL' ? 'operativo' : p.entryLevel === 'STRATEGIC' ? 'strategico' : '',
          p.actionLabel ?? '',
        ];
      }),
    ];
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
    const summary = await fresh.sync();
    expect(fresh.errors().filter((e) => /DUPLICATE/.test(e.code))).toEqual([]);
    expect(fresh.errors().map((e) => `${e.row} ${e.header}: ${e.code} ${e.message}`)).toEqual([]);
    expect(summary).toMatchObject({ batches: 1, rejected: 0, conflicts: 0, pending: 0 });
    expect(summary.created).toBe(source.filter((r) => !r.dashboard).length);
    const copy = await placed(server, target);
    expect(cruscotti(copy)).toEqual(cruscotti(source));
    expect((await fresh.sync()).sent).toBe(0);
  });
});
