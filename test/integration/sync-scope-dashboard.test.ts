/**
 * A sheet of one cruscotto (issue 18, item 7; docs/sheet-contract.md, "A sheet of one unit or cruscotto"): it holds
 * the indicators the cruscotto lists, with their objectives and perspectives as read-only context; its Sync writes
 * the values of those indicators only, deletes nothing it leaves out, and refuses, by row and column and in Italian,
 * a row of another indicator, a change to a context row and the cruscotto cells, while the good rows land.
 */
import { databaseNames } from '../helpers/databases';
import { withServer } from '../helpers/server';
import * as helpers from '../helpers/sync';
import { createEmptyPlan } from '../helpers/other-plan';
import { changedRows, edit, ok, outcomes, readRows, SHEET_ROW, type SheetRow, unique } from '../helpers/sync';
import type { SheetRowIn } from '../helpers/sync';

const CRUSCOTTO = 'Cruscotto del Segretario Generale';
const UNIT = 'Servizio Ragioneria';

const SCOPED_ROWS = `query Scoped($planId: ID!, $scope: SheetScopeInput) {
  sheetRows(planId: $planId, year: 2022, scope: $scope) { rows { ${SHEET_ROW} } } }`;

/** two objectives with three indicators each; the cruscotto lists 1.1.1 and 1.1.2 only */
const PLAN: SheetRowIn[] = [
  { clientRef: 'P', level: 'prospettiva', code: '1', title: 'Sviluppo economico' },
  ...['1.1', '1.2'].flatMap((os): SheetRowIn[] => [
    { clientRef: os, level: 'obiettivo strategico', code: os, title: `Obiettivo ${os}`, parentRef: 'P' },
    ...[1, 2, 3].map((n) => ({
      clientRef: `${os}.${n}`,
      level: 'azione',
      code: `${os}.${n}`,
      title: `Indicatore ${os}.${n}`,
      parentRef: os,
      target: '10',
      responsibleUnit: UNIT,
    })),
  ]),
  { clientRef: 'C', level: 'OS', code: '1.1', dashboard: CRUSCOTTO, dashboardKind: 'segretario generale' },
  { clientRef: 'C1', level: 'azione', code: '1.1.1', parentRef: 'C', dashboard: CRUSCOTTO, position: '1' },
  { clientRef: 'C2', level: 'azione', code: '1.1.2', parentRef: 'C', dashboard: CRUSCOTTO, position: '2' },
];

describe.each(databaseNames())('sheet sync: a sheet of one cruscotto (%s)', (dialect) => {
  const server = withServer(dialect, { seed: true });
  let planId = '';
  let dashboardId = '';
  let all: SheetRow[] = [];

  beforeAll(async () => {
    ({ planId } = await createEmptyPlan(server, { code: unique('CRS'), name: 'Camera di prova' }, 'Piano'));
    const created = await helpers.sync(server, { planId, rows: PLAN });
    expect(outcomes(created).filter(([status]) => status === 'REJECTED')).toEqual([]);
    const plan = ok(
      await server.gql(`query($id: ID!) { node(id: $id) { ... on PlanVersion { dashboards { id name } } } }`, {
        id: planId,
      }),
    ).node as { dashboards: Array<{ id: string; name: string }> };
    dashboardId = plan.dashboards.find((d) => d.name === CRUSCOTTO)!.id;
    all = (await readRows(server, planId)).rows;
  });

  const scoped = async (): Promise<SheetRow[]> =>
    ok(await server.gql(SCOPED_ROWS, { planId, scope: { dashboardId } })).sheetRows.rows;
  const byCode = (rows: SheetRow[], code: string, level = 'INDICATOR') =>
    rows.find((r) => r.code === code && r.level === level)!;

  it("reads the cruscotto's indicators and, as context, their objective and perspective, nothing else", async () => {
    const rows = await scoped();
    expect(rows.map((r) => [r.level, r.code])).toEqual([
      ['PERSPECTIVE', '1'],
      ['STRATEGIC', '1.1'],
      ['INDICATOR', '1.1.1'],
      ['INDICATOR', '1.1.2'],
    ]);
  });

  it('writes its own indicators, refuses the others by row and column, and deletes nothing it leaves out', async () => {
    const before = (await readRows(server, planId)).rows;
    const mine = byCode(await scoped(), '1.1.1');
    const other = byCode(all, '1.2.1');
    const context = byCode(await scoped(), '1.1', 'STRATEGIC');
    const result = await helpers.sync(server, {
      planId,
      scope: { dashboardId },
      rows: [
        edit(mine, { actual: '8' }),
        edit(other, { actual: '9' }),
        edit(context, { title: 'Un altro titolo' }),
        edit(mine, { dashboard: CRUSCOTTO }),
      ],
    } as helpers.Batch);
    expect(outcomes(result)).toEqual([
      ['UPDATED', []],
      ['REJECTED', ['rowId:OUT_OF_SCOPE']],
      ['REJECTED', [expect.stringMatching(/:CONTEXT_ROW$/)]],
      ['REJECTED', ['dashboard:SCOPE_NO_DASHBOARD']],
    ]);
    // each reason in Italian words, never a code
    for (const row of result.rows.slice(1)) {
      expect(row.errors[0].messageIt).toMatch(/cruscotto|foglio/);
      expect(row.errors[0].messageIt).not.toMatch(/[A-Z]+_[A-Z]+/);
    }
    const after = (await readRows(server, planId)).rows;
    expect(after).toHaveLength(before.length);
    expect(changedRows(before, after, [mine.rowId])).toEqual([]);
    expect(byCode(after, '1.1.1').actual?.raw).toBe('8');
    expect(byCode(after, '1.2.1').actual).toBeNull();
  });
});
