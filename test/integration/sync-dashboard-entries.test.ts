/**
 * Issue 14, item 5 (what was still missing): a cruscotto entry's own weight ("Peso nel cruscotto") and data source
 * ("Fonte nel cruscotto") travel in the row contract, and a cruscotto row sent with `delete` takes the entry out of
 * that cruscotto only: the indicator stays in the plan and in every other cruscotto. A heading row has nothing of
 * its own to delete; an entry that is not there is said so; an approved plan keeps its entries. On SQLite and
 * PostgreSQL, over HTTP.
 */
import { databaseNames } from '../helpers/databases';
import { withServer } from '../helpers/server';
import { sheetRowsWith } from '../helpers/sheet-rows';
import { type CruscottoCells, ok, type SheetRow, type SheetRowIn, sync, unique } from '../helpers/sync';
import { createEmptyPlan } from '../helpers/other-plan';

const FIELDS = 'rowId rowVersion level code dashboard position entryWeight entryDataSource';

type Row = Pick<SheetRow, 'rowId' | 'rowVersion' | 'level' | 'code'> &
  Pick<CruscottoCells, 'dashboard' | 'position' | 'entryWeight' | 'entryDataSource'>;

const SG = 'Cruscotto del Segretario Generale';
const AG = 'Servizio Affari Generali';

const PLAN: SheetRowIn[] = [
  { clientRef: 'P', level: 'prospettiva', code: '1', title: 'Sviluppo economico' },
  { clientRef: 'S', level: 'obiettivo strategico', code: '1.1', title: 'Attrattività', parentRef: 'P' },
  { clientRef: 'I1', level: 'azione', code: '1.1.1', title: 'Progetto: Turismo', parentRef: 'S', target: '100%' },
  { clientRef: 'I2', level: 'azione', code: '1.1.2', title: 'Valore contabilizzato', parentRef: 'S', target: '90%' },
];

const inCruscotto = (dashboard: string, tag: string, cells: Array<Partial<SheetRowIn>>): SheetRowIn[] => [
  { clientRef: `${tag}S`, level: 'OS', code: '1.1', dashboard },
  ...cells.map((c, i) => ({
    clientRef: `${tag}${i}`,
    level: 'azione',
    code: `1.1.${i + 1}`,
    parentRef: `${tag}S`,
    dashboard,
    ...c,
  })),
];

describe.each(databaseNames())('a cruscotto entry through the sheet: weight, source, removal (%s)', (dialect) => {
  const server = withServer(dialect, { seed: false });

  const read = (planId: string) => sheetRowsWith<Row>(server, planId, FIELDS, { dashboards: true });
  const entries = (rows: Row[]) =>
    rows
      .filter((r) => r.dashboard && r.level === 'INDICATOR')
      .map((r) => [r.dashboard, r.code, r.position, r.entryWeight, r.entryDataSource]);

  async function planWithCruscotti(): Promise<string> {
    const { planId } = await createEmptyPlan(server, { code: unique('BGE'), name: 'Camera di prova' }, 'Piano 2022');
    const result = await sync(server, {
      planId,
      rows: [
        ...PLAN,
        ...inCruscotto(SG, 'G', [
          { position: '1', entryWeight: '60%', entryDataSource: 'Scheda progetto' },
          { position: '2', entryWeight: '40', entryDataSource: 'Controllo di gestione' },
        ]),
        ...inCruscotto(AG, 'A', [{ position: '1' }, { position: '2', entryWeight: '100' }]),
      ],
    });
    expect(result.rows.filter((r) => r.status === 'REJECTED')).toEqual([]);
    return planId;
  }

  it('stores and reads back an entry’s own weight and data source, and sent again changes nothing', async () => {
    const planId = await planWithCruscotti();
    const rows = await read(planId);
    expect(entries(rows)).toEqual([
      [SG, '1.1.1', 1, 60, 'Scheda progetto'],
      [SG, '1.1.2', 2, 40, 'Controllo di gestione'],
      [AG, '1.1.1', 1, null, null],
      [AG, '1.1.2', 2, 100, null],
    ]);
    // the same cells again, by id: nothing is written
    const again = rows
      .filter((r) => r.dashboard && r.level === 'INDICATOR')
      .map((r) => ({
        rowId: r.rowId,
        rowVersion: r.rowVersion,
        dashboard: r.dashboard,
        entryWeight: r.entryWeight == null ? '' : String(r.entryWeight),
        entryDataSource: r.entryDataSource ?? '',
      }));
    expect((await sync(server, { planId, rows: again })).applied).toBe(0);
    // a changed weight and a cleared source are written on that entry only
    const sg2 = rows.find((r) => r.dashboard === SG && r.code === '1.1.2')!;
    const changed = await sync(server, {
      planId,
      rows: [{ rowId: sg2.rowId, rowVersion: sg2.rowVersion, dashboard: SG, entryWeight: '45,5', entryDataSource: '' }],
    });
    expect(changed.rows.map((r) => [r.status, r.errors.map((e) => e.code)])).toEqual([['UPDATED', []]]);
    expect(entries(await read(planId))[1]).toEqual([SG, '1.1.2', 2, 45.5, null]);
  });

  it('refuses an entry weight that is not a number, and entry cells on a plan row or a heading', async () => {
    const planId = await planWithCruscotti();
    const rows = await read(planId);
    const plan11 = rows.find((r) => !r.dashboard && r.code === '1.1.1')!;
    const send = async (row: SheetRowIn) =>
      (await sync(server, { planId, rows: [row] })).rows.map((r) => r.errors.map((e) => `${e.column}:${e.code}`));
    expect(
      await send({ rowId: plan11.rowId, rowVersion: plan11.rowVersion, dashboard: SG, entryWeight: 'molto' }),
    ).toEqual([['entryWeight:NOT_A_NUMBER']]);
    const onPlanRow = await sync(server, {
      planId,
      rows: [{ rowId: plan11.rowId, rowVersion: plan11.rowVersion, entryDataSource: 'Scheda' }],
    });
    expect(onPlanRow.rows[0].errors.map((e) => [e.column, e.code, e.messageIt])).toEqual([
      [
        'entryDataSource',
        'DASHBOARD_REQUIRED',
        'questa cella riguarda un cruscotto: compilare la colonna Cruscotto della riga',
      ],
    ]);
    expect(await send({ level: 'OS', code: '1.1', dashboard: AG, entryWeight: '10' })).toEqual([
      ['entryWeight:INDICATOR_ONLY'],
    ]);
  });

  it('a delete on a cruscotto row removes that entry only, never the indicator', async () => {
    const planId = await planWithCruscotti();
    const rows = await read(planId);
    const inAg = rows.find((r) => r.dashboard === AG && r.code === '1.1.2')!;
    const heading = rows.find((r) => r.dashboard === AG && r.level === 'STRATEGIC')!;
    const result = await sync(server, {
      planId,
      rows: [
        { rowId: inAg.rowId, rowVersion: inAg.rowVersion, dashboard: AG, delete: true },
        { rowId: heading.rowId, rowVersion: heading.rowVersion, dashboard: AG, delete: true },
      ],
    });
    expect(result.rows.map((r) => [r.status, r.rowId, r.errors.map((e) => `${e.column}:${e.code}`)])).toEqual([
      ['DELETED', inAg.rowId, []],
      ['REJECTED', heading.rowId, ['delete:DELETE_IN_DASHBOARD']],
    ]);
    // the same indicator named by level and code in a cruscotto it is not in
    const absent = await sync(server, {
      planId,
      rows: [{ level: 'azione', code: '1.1.2', dashboard: 'Cruscotto del Dirigente', delete: true }],
    });
    expect(absent.rows.map((r) => [r.status, r.rowId, r.errors.map((e) => `${e.column}:${e.code}`)])).toEqual([
      ['REJECTED', inAg.rowId, ['delete:NOT_IN_DASHBOARD']],
    ]);
    expect(absent.rows[0].errors[0].messageIt).toBe(
      '"1.1.2" non è nel cruscotto "Cruscotto del Dirigente": non c’è nulla da togliere',
    );
    const after = await read(planId);
    expect(entries(after)).toEqual([
      [SG, '1.1.1', 1, 60, 'Scheda progetto'],
      [SG, '1.1.2', 2, 40, 'Controllo di gestione'],
      [AG, '1.1.1', 1, null, null],
    ]);
    // the indicator is still a plan row, with its id and version
    const node = after.find((r) => !r.dashboard && r.code === '1.1.2')!;
    expect([node.rowId, node.rowVersion]).toEqual([inAg.rowId, inAg.rowVersion]);
    // the removal is in the audit trail as the entry's deletion
    const history = ok(
      await server.gql(
        `query($p: ID!) { auditEvents(filter: { planId: $p, entityType: "DashboardEntry" }, first: 50) { edges { node { action } } } }`,
        {
          p: planId,
        },
      ),
    );
    expect(history.auditEvents.edges.map((e: any) => e.node.action)).toContain('DELETE');
  });

  it('an approved plan keeps its entries: the delete is PLAN_LOCKED', async () => {
    const planId = await planWithCruscotti();
    const rows = await read(planId);
    ok(await server.gql(`mutation($p: ID!) { approvePlanVersion(id: $p) { status } }`, { p: planId }));
    const inSg = rows.find((r) => r.dashboard === SG && r.code === '1.1.1')!;
    const result = await sync(server, {
      planId,
      rows: [{ rowId: inSg.rowId, rowVersion: inSg.rowVersion, dashboard: SG, delete: true }],
    });
    expect(result.rows.map((r) => [r.status, r.errors.map((e) => `${e.column}:${e.code}`)])).toEqual([
      ['REJECTED', ['delete:PLAN_LOCKED']],
    ]);
    expect(entries(await read(planId))).toHaveLength(4);
  });
});
