/**
 * Issue 14, item 5: the cruscotto cells of a sheet row. A bad cell refuses its row with the column and an Italian
 * reason while the good rows land; a repeat that says something else than the first row of its node is refused on
 * that cell; a Sondrio-shaped sheet without the columns behaves as before; and the entries of a batch are written
 * in a number of statements that does not grow with them.
 */
import { withServer } from '../helpers/server';
import { sheetRowsWith } from '../helpers/sheet-rows';
import { type CruscottoCells, ok, outcomes, type SheetRow, type SheetRowIn, sync, unique } from '../helpers/sync';
import { copyIndicatorCode, createEmptyPlan } from '../helpers/other-plan';

const FIELDS = 'level code dashboard dashboardKind dashboardOwner position entryLevel actionLabel';

type Placed = Pick<SheetRow, 'level' | 'code'> & Omit<CruscottoCells, 'entryWeight' | 'entryDataSource'>;

const SG = 'Cruscotto del Segretario Generale';
const SERVICE = 'Servizio Ragioneria';

/** A perspective, objective 1.1 and its indicators 1.1.1 … 1.1.n, the unit "Servizio Ragioneria" responsible. */
function planRows(n: number): SheetRowIn[] {
  return [
    { clientRef: 'P', level: 'prospettiva', code: '1', title: 'Sviluppo economico' },
    { clientRef: 'S', level: 'obiettivo strategico', code: '1.1', title: 'Attrattività', parentRef: 'P' },
    ...Array.from({ length: n }, (_, i) => ({
      clientRef: `I${i + 1}`,
      level: 'azione',
      code: `1.1.${i + 1}`,
      title: `Indicatore ${i + 1}`,
      parentRef: 'S',
      target: '10',
      responsibleUnit: SERVICE,
    })),
  ];
}

/** The same objective and indicators again, as one cruscotto lists them. */
function shown(dashboard: string, n: number, extra: Partial<SheetRowIn> = {}): SheetRowIn[] {
  const tag = unique('c');
  return [
    { clientRef: `${tag}S`, level: 'OS', code: '1.1', dashboard, ...extra },
    ...Array.from({ length: n }, (_, i) => ({
      clientRef: `${tag}I${i}`,
      level: 'azione',
      code: `1.1.${i + 1}`,
      parentRef: `${tag}S`,
      dashboard,
      actionLabel: `Azione ${i + 1}`,
    })),
  ];
}

describe('cruscotto cells of a sheet row (sqlite)', () => {
  const server = withServer('sqlite', { seed: true });

  const newPlan = async () =>
    (await createEmptyPlan(server, { code: unique('CRU'), name: 'Camera di prova' }, 'Piano con cruscotti')).planId;
  const read = (planId: string) => sheetRowsWith<Placed>(server, planId, FIELDS, { dashboards: true });
  const placed = async (planId: string): Promise<Placed[]> => (await read(planId)).filter((r) => r.dashboard);

  it('refuses bad cruscotto cells by row and column, in Italian, and writes the good rows', async () => {
    const planId = await newPlan();
    const rows: SheetRowIn[] = [
      ...planRows(3),
      { clientRef: 'X', level: 'azione', code: '1.1.9', title: 'Senza cruscotto', parentRef: 'S', position: '2' },
      { clientRef: 'A', level: 'OS', code: '1.1', dashboard: SG, dashboardKind: 'segretario generale' },
      { clientRef: 'B', level: 'azione', code: '1.1.1', parentRef: 'A', dashboard: SG, position: '1' },
      { clientRef: 'C', level: 'azione', code: '1.1.2', parentRef: 'A', dashboard: SG, position: 'due' },
      { clientRef: 'D', level: 'azione', code: '1.1.3', parentRef: 'A', dashboard: SG, title: 'Un altro titolo' },
      { clientRef: 'E', level: 'azione', code: '1.1.1', parentRef: 'A', dashboard: SG },
      { clientRef: 'F', level: 'OS', code: '1.1', dashboard: 'Cruscotto settimanale', dashboardKind: 'settimanale' },
      { clientRef: 'G', level: 'OS', code: '1.1', dashboard: SERVICE, dashboardOwner: 'Ufficio che non esiste' },
      { clientRef: 'H', level: 'azione', code: '1.1.3', parentRef: 'S', dashboard: SERVICE, dashboardOwner: SERVICE },
      {
        clientRef: 'J',
        level: 'OS',
        code: '1.1',
        dashboard: 'Cruscotto strategico',
        actionLabel: 'Non su un obiettivo',
      },
    ];
    const result = await sync(server, { planId, rows });
    expect(outcomes(result).slice(5)).toEqual([
      ['REJECTED', ['position:DASHBOARD_REQUIRED']],
      // the first row of a cruscotto creates it: a write
      ['UPDATED', []],
      ['UPDATED', []],
      ['REJECTED', ['position:NOT_A_POSITION']],
      ['REJECTED', ['title:REPEAT_DIFFERS']],
      ['REJECTED', ['code:DUPLICATE_IN_DASHBOARD']],
      ['REJECTED', ['dashboardKind:UNKNOWN_DASHBOARD_KIND']],
      ['REJECTED', ['dashboardOwner:UNKNOWN_OWNER']],
      ['UPDATED', []],
      ['REJECTED', ['actionLabel:INDICATOR_ONLY']],
    ]);
    const error = (i: number) => result.rows[i].errors[0];
    expect(error(5).messageIt).toBe('questa cella riguarda un cruscotto: compilare la colonna Cruscotto della riga');
    expect(error(9).messageIt).toContain('compare in più cruscotti ed è lo stesso elemento');
    expect(error(10).messageIt).toBe(`"1.1.1" compare due volte nel cruscotto "${SG}" (la prima alla riga 8)`);
    expect(error(12).messageIt).toContain('nessuna unità o persona');
    // the plan rows all landed, and so did the good cruscotto rows
    expect(
      outcomes(result)
        .slice(0, 5)
        .map(([status]) => status),
    ).toEqual(Array(5).fill('CREATED'));
    expect(await placed(planId)).toEqual([
      {
        level: 'PERSPECTIVE',
        code: '1',
        dashboard: SG,
        dashboardKind: 'SECRETARY_GENERAL',
        dashboardOwner: null,
        position: null,
        entryLevel: null,
        actionLabel: null,
      },
      expect.objectContaining({ level: 'STRATEGIC', code: '1.1', dashboard: SG }),
      expect.objectContaining({
        level: 'INDICATOR',
        code: '1.1.1',
        dashboard: SG,
        position: 1,
        entryLevel: 'STRATEGIC',
      }),
      expect.objectContaining({
        level: 'PERSPECTIVE',
        dashboard: SERVICE,
        dashboardKind: 'SERVICE',
        dashboardOwner: SERVICE,
      }),
      expect.objectContaining({ level: 'STRATEGIC', code: '1.1', dashboard: SERVICE }),
      expect.objectContaining({ level: 'INDICATOR', code: '1.1.3', dashboard: SERVICE, position: 1 }),
    ]);
  });

  it('keeps rows without cruscotto cells as they were: a code twice is still DUPLICATE_CODE', async () => {
    const planId = await newPlan();
    const rows = [...planRows(1), { clientRef: 'Z', level: 'azione', code: '1.1.1', title: 'Copia', parentRef: 'S' }];
    const result = await sync(server, { planId, rows });
    expect(outcomes(result)[3]).toEqual(['REJECTED', ['code:DUPLICATE_CODE']]);
  });

  it('a delete on a cruscotto row takes the entry out of that cruscotto, never the node out of the plan', async () => {
    const planId = await newPlan();
    const created = await sync(server, { planId, rows: [...planRows(1), ...shown(SG, 1)] });
    const indicator = created.rows[2];
    const result = await sync(server, {
      planId,
      rows: [{ rowId: indicator.rowId, rowVersion: indicator.rowVersion, delete: true, dashboard: SG }],
    });
    expect(outcomes(result)).toEqual([['DELETED', []]]);
    expect((await placed(planId)).filter((r) => r.level === 'INDICATOR')).toHaveLength(0);
    const rows = await read(planId);
    expect(rows.filter((r) => !r.dashboard).map((r) => r.code)).toEqual(['1', '1.1', '1.1.1']);
  });

  it('an approved plan keeps its cruscotti: a new entry or a new order is PLAN_LOCKED, the same rows change nothing', async () => {
    const planId = await newPlan();
    await sync(server, { planId, rows: [...planRows(2), ...shown(SG, 1)] });
    ok(await server.gql(`mutation($p: ID!) { approvePlanVersion(id: $p) { id } }`, { p: planId }));
    const result = await sync(server, {
      planId,
      rows: [
        { clientRef: 'a', level: 'azione', code: '1.1.1', dashboard: SG, actionLabel: 'Azione 1' },
        { clientRef: 'b', level: 'azione', code: '1.1.1', dashboard: SERVICE },
        { clientRef: 'c', level: 'azione', code: '1.1.2', dashboard: SG, position: '7' },
      ],
    });
    expect(outcomes(result)).toEqual([
      ['UNCHANGED', []],
      ['REJECTED', ['dashboard:PLAN_LOCKED']],
      ['REJECTED', ['dashboard:PLAN_LOCKED']],
    ]);
    const reordered = await sync(server, {
      planId,
      rows: [{ clientRef: 'd', level: 'azione', code: '1.1.1', dashboard: SG, position: '7' }],
    });
    expect(outcomes(reordered)).toEqual([['REJECTED', ['dashboard:PLAN_LOCKED']]]);
    expect((await placed(planId)).filter((r) => r.level === 'INDICATOR')).toEqual([
      expect.objectContaining({ code: '1.1.1', dashboard: SG, position: 1, actionLabel: 'Azione 1' }),
    ]);
  });

  it('an ATOMIC batch with one refused cruscotto row writes nothing', async () => {
    const planId = await newPlan();
    const rows = [...planRows(1), ...shown(SG, 1, { dashboardKind: 'settimanale' }).slice(0, 1)];
    const result = await sync(server, { planId, rows, mode: 'ATOMIC' });
    expect(result.applied).toBe(0);
    expect(outcomes(result)[3]).toEqual(['REJECTED', ['dashboardKind:UNKNOWN_DASHBOARD_KIND']]);
    expect(await placed(planId)).toEqual([]);
  });

  // The API refuses neither a code twice in a level (plan lint flags the later holders) nor a perspective's name
  // twice. A cruscotto row naming such a key without an id names its first holder in the plan's order (siblings by
  // position), the one plan lint leaves the code to, whichever was created first: the order must not flip.
  const twice = [
    ['after', 9, 'first'],
    ['before', 0, 'copy'],
  ] as const;

  it.each(twice)(
    'a cruscotto row naming a code the plan holds twice names its first holder, which keeps it (copy %s it)',
    async (_where, position, expected) => {
      const planId = await newPlan();
      const created = await sync(server, { planId, rows: planRows(1) });
      const [so, first] = [created.rows[1].rowId, created.rows[2].rowId];
      const { copy, flagged } = await copyIndicatorCode(server, planId, so!, '1.1.1', position);
      const holder = { first, copy }[expected];
      expect(flagged).toEqual([holder === first ? copy : first]);
      const result = await sync(server, {
        planId,
        rows: [{ clientRef: 'c', level: 'azione', code: '1.1.1', dashboard: SG }],
      });
      // the first holder keeps the code (decide.ts, codeIndex, as plan lint): its row is placed
      expect(outcomes(result)).toEqual([['UPDATED', []]]);
      expect(result.rows[0].rowId).toBe(holder);
      const entries = (await placed(planId)).filter((r) => r.code === '1.1.1');
      expect(entries.map((r) => [r.code, r.dashboard])).toEqual([['1.1.1', SG]]);
    },
  );

  it.each(twice)(
    "a cruscotto heading naming a perspective's title the plan holds twice is its first (copy %s it)",
    async (_where, position, expected) => {
      const planId = await newPlan();
      // another perspective first: this one's position (1) leaves room for a copy before it
      const other = { clientRef: 'Q', level: 'prospettiva', title: 'Altra prospettiva' };
      const first = (await sync(server, { planId, rows: [other, ...planRows(0).slice(0, 1)] })).rows[1].rowId;
      const copy = ok(
        await server.gql(
          `mutation($p: ID!, $position: Int!) { createPerspective(input: { planId: $p, name: "Sviluppo economico",
            position: $position }) { id } }`,
          { p: planId, position },
        ),
      ).createPerspective.id as string;
      const holder = { first, copy }[expected];
      const result = await sync(server, {
        planId,
        rows: [
          { clientRef: 'h', level: 'prospettiva', title: 'Sviluppo economico', dashboard: SG },
          { clientRef: 'n', level: 'obiettivo strategico', code: '9', title: 'Nuovo', parentRef: 'h', dashboard: SG },
        ],
      });
      expect(outcomes(result).map(([, errors]) => errors)).toEqual([[], []]);
      expect(result.rows[0].rowId).toBe(holder);
      const rows = await sheetRowsWith<{ code: string | null; parentId: string | null }>(
        server,
        planId,
        'code parentId',
      );
      expect(rows.find((r) => r.code === '9')?.parentId).toBe(holder);
    },
  );

  it('writes the entries of many cruscotti in as many statements as those of a few', async () => {
    const statementsFor = async (n: number) => {
      const planId = await newPlan();
      await sync(server, { planId, rows: planRows(n) });
      const rows = [...shown(SG, n), ...shown(SERVICE, n), ...shown('Cruscotto strategico', n)];
      server.statements.length = 0;
      const result = await sync(server, { planId, rows });
      expect(outcomes(result).filter(([status, errors]) => errors.length > 0 || status === 'REJECTED')).toEqual([]);
      expect((await placed(planId)).filter((r) => r.level === 'INDICATOR')).toHaveLength(3 * n);
      return server.statements.length;
    };
    const few = await statementsFor(3);
    const many = await statementsFor(60);
    expect(many).toBeLessThanOrEqual(few + 2);
  });
});
