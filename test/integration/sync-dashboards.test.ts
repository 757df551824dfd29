/**
 * Issue 14, item 5: the whole seed shapes through the sheet. The Bergamo 2021 plan (seed 002) is imported, read
 * back as sheet rows with its cruscotti (sheetRows dashboards: true), and sent as ONE batch of new rows into an
 * empty plan of the same body: every cruscotto repeats the objective and indicator codes of the others, which is
 * the same node appearing again, not DUPLICATE_CODE. The new plan has the same cruscotti and the same entries.
 * Over HTTP, on SQLite and PostgreSQL.
 */
import { databaseNames } from '../helpers/databases';
import { startServer, type TestServer } from '../helpers/server';
import { emptyPlanBeside, importBergamo2021 } from '../helpers/bergamo-plan';
import { type CruscottoCells, ok, outcomes, type SheetRowIn, SHEET_ROW, sync, type SheetRow } from '../helpers/sync';

const PLACE = 'actionLabel dashboard dashboardKind dashboardOwner position entryLevel';
const ROWS = `query($p: ID!, $y: Int!) { sheetRows(planId: $p, year: $y, dashboards: true) { rows { ${SHEET_ROW} ${PLACE} } } }`;

type Row = SheetRow & Omit<CruscottoCells, 'entryWeight' | 'entryDataSource'>;

const KIND_IT: Record<string, string> = {
  STRATEGIC: 'strategico',
  SERVICE: 'servizio',
  SECRETARY_GENERAL: 'segretario generale',
  MANAGER: 'dirigente',
  INDIVIDUAL: 'individuale',
};

async function readAll(server: TestServer, planId: string): Promise<Row[]> {
  return ok(await server.gql(ROWS, { p: planId, y: 2021 })).sheetRows.rows;
}

/** A row read from one plan as a new row of another: its own id becomes its reference, its parent's id the parent's. */
function asNewRow(row: Row, i: number): SheetRowIn {
  const indicator = row.level === 'INDICATOR';
  const cells: SheetRowIn = {
    clientRef: row.dashboard ? `C${i}` : row.rowId,
    level: row.level.toLowerCase(),
    code: row.code ?? '',
    title: row.title,
    parentRef: row.parentId ?? '',
    weight: row.weight === null ? '' : String(row.weight),
    kpi: row.kpi ?? '',
  };
  if (indicator)
    Object.assign(cells, {
      unit: row.unit ?? '',
      polarity: row.polarity ?? '',
      rule: row.rule ?? '',
      target: row.target?.raw ?? '',
      futureTargets: row.futureTargets.map((f) => ({ year: f.year, value: f.value.raw })),
      actual: row.actual?.raw ?? '',
      responsibleUnit: row.responsibleUnits.join('; '),
      actionLabel: row.actionLabel ?? '',
    });
  if (!row.dashboard) return cells;
  return {
    ...cells,
    dashboard: row.dashboard,
    dashboardKind: KIND_IT[row.dashboardKind!],
    dashboardOwner: row.dashboardOwner ?? '',
    ...(indicator ? { position: String(row.position), entryLevel: row.entryLevel!.toLowerCase() } : {}),
  };
}

/** What a plan's cruscotti say, without ids: each row by cruscotto, level and code, with its place. */
function cruscotti(rows: Row[]): string[] {
  return rows
    .filter((r) => r.dashboard)
    .map((r) =>
      [
        r.dashboard,
        r.dashboardKind,
        r.dashboardOwner,
        r.level,
        r.code,
        r.title,
        r.position,
        r.entryLevel,
        r.actionLabel,
      ].join(' | '),
    );
}

describe.each(databaseNames())('a Bergamo plan through the sheet, cruscotti included (%s)', (dialect) => {
  let server: TestServer;
  let source: Row[];
  let sourcePlan: string;
  beforeAll(async () => {
    server = await startServer(dialect, { seed: false });
    sourcePlan = await importBergamo2021(server);
    source = await readAll(server, sourcePlan);
  });
  afterAll(() => server.close());

  it('reads every cruscotto after the plan rows, the same code in several of them', () => {
    const plan = source.filter((r) => !r.dashboard);
    const shown = source.filter((r) => r.dashboard);
    expect(new Set(shown.map((r) => r.dashboard)).size).toBeGreaterThan(5);
    expect(shown.filter((r) => r.level === 'INDICATOR').length).toBeGreaterThan(plan.length / 2);
    // one objective code appears in several cruscotti: what made the sheet say DUPLICATE_CODE
    const cruscottiOf = (code: string) => new Set(shown.filter((r) => r.code === code).map((r) => r.dashboard)).size;
    expect(Math.max(...shown.map((r) => cruscottiOf(r.code ?? '')))).toBeGreaterThan(2);
    for (const r of shown) expect(plan.some((p) => p.rowId === r.rowId)).toBe(true);
  });

  it('syncs into an empty plan in one batch and gives the same cruscotti and entries', async () => {
    const target = await emptyPlanBeside(server, sourcePlan);
    const rows = source.map(asNewRow);
    const result = await sync(server, { planId: target, year: 2021, rows });
    const refused = outcomes(result).filter(([status]) => status === 'REJECTED');
    expect(refused).toEqual([]);
    expect(result.rows.filter((r) => r.status === 'CREATED')).toHaveLength(source.filter((r) => !r.dashboard).length);
    const copy = await readAll(server, target);
    expect(cruscotti(copy)).toEqual(cruscotti(source));
    expect(copy.filter((r) => !r.dashboard).map((r) => [r.level, r.code, r.title, r.actionLabel])).toEqual(
      source.filter((r) => !r.dashboard).map((r) => [r.level, r.code, r.title, r.actionLabel]),
    );

    // the same rows again, with their new ids and versions: nothing changes
    const again = copy.map((r, i) => ({
      ...asNewRow(r, i),
      rowId: r.rowId,
      rowVersion: r.rowVersion,
      clientRef: `R${i}`,
    }));
    const second = await sync(server, { planId: target, year: 2021, rows: again });
    expect(second.applied).toBe(0);
    expect(await readAll(server, target)).toEqual(copy);
  });
});
