import { databaseNames } from '../helpers/databases';
import { withSondrioServer } from '../helpers/sondrio-server';
import * as helpers from '../helpers/sync';
import { changedRows, edit, ok, outcomes, SHEET_ROW, type Batch, type SheetRow } from '../helpers/sync';

/** a batch of a scoped sheet: the helpers' batch with the scope it is sent with */
type ScopedBatch = Batch & { scope: { unitId?: string; dashboardId?: string } };
const sync = (server: Parameters<typeof helpers.sync>[0], batch: ScopedBatch) => helpers.sync(server, batch);
const syncRaw = (server: Parameters<typeof helpers.syncRaw>[0], batch: ScopedBatch) => helpers.syncRaw(server, batch);
import { buildTenant } from '../helpers/tenant';

/**
 * A sheet of one responsible unit (issue 18, item 7; docs/sheet-contract.md, "A sheet of one unit or cruscotto"):
 * sheetRows with a scope holds the unit's indicators and, above them, their objectives and perspectives as context;
 * a scoped batch that leaves the other units' rows out deletes and changes nothing of them, and a scoped batch
 * cannot write a row outside its scope: that row is refused with its column and an Italian reason, the good rows land.
 */

const SCOPED_ROWS = `query Scoped($planId: ID!, $scope: SheetScopeInput, $since: DateTimeISO) {
  sheetRows(planId: $planId, year: 2022, scope: $scope, since: $since) { rows { ${SHEET_ROW} } deletedRowIds serverTime } }`;

describe.each(databaseNames())('sheet sync: a sheet of one unit (%s)', (dialect) => {
  const sondrio = withSondrioServer(dialect);
  /** two units, each responsible for indicators the other is not */
  const units: Array<{ id: string; name: string }> = [];
  let all: SheetRow[] = [];

  beforeAll(async () => {
    const { server, plan, sheet } = sondrio;
    all = (await sheet.read()).rows;
    const listed = ok(
      await server.gql(`query($id: ID!) { organisation(id: $id) { units { id name } } }`, { id: plan.orgId }),
    ).organisation.units as Array<{ id: string; name: string }>;
    const count = (name: string) =>
      all.filter((r) => r.level === 'INDICATOR' && r.responsibleUnits.includes(name)).length;
    units.push(...listed.filter((u) => count(u.name) > 0).sort((a, b) => count(b.name) - count(a.name)));
    expect(units.length).toBeGreaterThanOrEqual(2);
  });

  const scoped = async (scope: object, caller: Pick<typeof sondrio.server, 'gql'> = sondrio.server) =>
    caller.gql(SCOPED_ROWS, { planId: sondrio.plan.planId, scope });
  const ownOf = (name: string) =>
    all.filter((r) => r.level === 'INDICATOR' && r.responsibleUnits.includes(name) && r.target);
  const otherThan = (name: string) => all.filter((r) => r.level === 'INDICATOR' && !r.responsibleUnits.includes(name));

  it("reads the unit's indicators and, as context, the objectives and perspectives above them, nothing else", async () => {
    const [unit] = units;
    const { rows } = ok(await scoped({ unitId: unit.id })).sheetRows as { rows: SheetRow[] };
    const indicators = rows.filter((r) => r.level === 'INDICATOR');
    expect(indicators.every((r) => r.responsibleUnits.includes(unit.name))).toBe(true);
    expect(indicators).toHaveLength(
      all.filter((r) => r.level === 'INDICATOR' && r.responsibleUnits.includes(unit.name)).length,
    );
    const ids = new Set(rows.map((r) => r.rowId));
    // every row's parent is on the sheet, and every objective on it has an indicator of the unit below it
    for (const row of rows) if (row.parentId) expect(ids.has(row.parentId)).toBe(true);
    const below = (id: string): boolean =>
      rows.some((r) => r.parentId === id && (r.level === 'INDICATOR' || below(r.rowId)));
    for (const row of rows.filter((r) => r.level !== 'INDICATOR')) expect(below(row.rowId)).toBe(true);
    expect(rows.length).toBeLessThan(all.length);
    // in the plan's order
    const order = all.map((r) => r.rowId).filter((id) => ids.has(id));
    expect(rows.map((r) => r.rowId)).toEqual(order);
  });

  it('a scoped Sync that leaves out every row of other units deletes nothing and changes nothing outside its row', async () => {
    const { server, plan, sheet } = sondrio;
    const [unit] = units;
    const before = (await sheet.read()).rows;
    const mine = ownOf(unit.name)[0];
    const result = await sync(server, {
      planId: plan.planId,
      rows: [edit(mine, { actual: mine.target!.raw })],
      scope: { unitId: unit.id },
    });
    expect(outcomes(result)).toEqual([['UPDATED', []]]);
    const after = (await sheet.read()).rows;
    expect(after).toHaveLength(before.length);
    expect(changedRows(before, after, [mine.rowId])).toEqual([]);
    expect(after.find((r) => r.rowId === mine.rowId)!.actual?.raw).toBe(mine.target!.raw);
  });

  it('a scoped Sync cannot write a row outside its scope nor its context: refused by row and column in Italian, the good row kept', async () => {
    const { server, plan, sheet } = sondrio;
    const [unit] = units;
    const current = new Map((await sheet.read()).rows.map((r) => [r.rowId, r]));
    const mine = current.get(ownOf(unit.name)[1].rowId)!;
    const theirs = current.get(otherThan(unit.name).find((r) => r.target)!.rowId)!;
    const context = current.get(mine.parentId!)!;
    const before = [...current.values()];
    const result = await sync(server, {
      planId: plan.planId,
      rows: [
        edit(mine, { actual: mine.target!.raw }),
        edit(theirs, { actual: theirs.target!.raw }),
        edit(context, { title: `${context.title} (cambiato)` }),
        edit(current.get(context.parentId!)!, { delete: true }),
      ],
      scope: { unitId: unit.id },
    });
    expect(outcomes(result)).toEqual([
      ['UPDATED', []],
      ['REJECTED', ['rowId:OUT_OF_SCOPE']],
      ['REJECTED', ['title:CONTEXT_ROW']],
      ['REJECTED', ['delete:HAS_CHILDREN', 'delete:CONTEXT_ROW']],
    ]);
    const said = result.rows[1].errors[0];
    expect(said.messageIt).toBe(
      `questa riga non fa parte del foglio di "${unit.name}": modificarla dal foglio dell’intero piano o da quello a cui appartiene`,
    );
    expect(result.rows[2].errors[0].messageIt).toContain('solo come contesto');
    expect(result.rows[3].errors[1].messageIt).toContain('solo come contesto');
    const after = (await sheet.read()).rows;
    expect(after).toHaveLength(before.length);
    expect(changedRows(before, after, [mine.rowId])).toEqual([]);
  });

  it('a scoped Sync keeps the unit on its rows and creates only indicators of the unit under its context', async () => {
    const { server, plan, sheet } = sondrio;
    const [unit, other] = units;
    const current = new Map((await sheet.read()).rows.map((r) => [r.rowId, r]));
    const mine = current.get(ownOf(unit.name)[2].rowId)!;
    const foreignParent = all.find(
      (r) => r.level === 'OPERATIONAL' && !ownOf(unit.name).some((i) => i.parentId === r.rowId),
    )!;
    const before = [...current.values()];
    const result = await sync(server, {
      planId: plan.planId,
      rows: [
        edit(mine, { responsibleUnit: other.name }),
        {
          clientRef: 'N1',
          level: 'azione',
          code: '9.9.1',
          title: 'Nuova',
          parentRef: mine.parentId!,
          responsibleUnit: unit.name,
        },
        {
          clientRef: 'N2',
          level: 'azione',
          code: '9.9.2',
          title: 'Altrove',
          parentRef: foreignParent.rowId,
          responsibleUnit: unit.name,
        },
        {
          clientRef: 'N3',
          level: 'azione',
          code: '9.9.3',
          title: 'Di altri',
          parentRef: mine.parentId!,
          responsibleUnit: other.name,
        },
      ],
      scope: { unitId: unit.id },
    });
    expect(outcomes(result)).toEqual([
      ['REJECTED', ['responsibleUnit:SCOPE_UNIT_REQUIRED']],
      ['CREATED', []],
      ['REJECTED', ['parentRef:OUT_OF_SCOPE']],
      ['REJECTED', ['responsibleUnit:SCOPE_UNIT_REQUIRED']],
    ]);
    const after = (await sheet.read()).rows;
    expect(after).toHaveLength(before.length + 1);
    expect(
      changedRows(
        before,
        after.filter((r) => r.code !== '9.9.1'),
        [],
      ),
    ).toEqual([]);
    const created = ok(await scoped({ unitId: unit.id })).sheetRows.rows as SheetRow[];
    expect(created.some((r) => r.code === '9.9.1')).toBe(true);
  });

  it("a unit editor binds their own unit's sheet only; a scope of another organisation or plan reads nothing", async () => {
    const { server, plan, sheet } = sondrio;
    const [unit, second] = units;
    const editor = await server.as('unit_editor', plan.orgId, [unit.id]);
    const own = await scoped({ unitId: unit.id }, editor);
    expect(own.errors).toBeUndefined();
    const refused = await scoped({ unitId: second.id }, editor);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toContain('Si può collegare solo un foglio delle proprie unità');
    const unknown = await scoped({ unitId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.data).toBeNull();
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // another organisation's unit and cruscotto, named as the scope of this plan's sheet: nothing read, nothing written
    const other = await buildTenant(server.gql, 'ALTRA');
    for (const scope of [{ unitId: other.unit }, { dashboardId: other.dashboard }]) {
      const read = await scoped(scope);
      expect(read.data).toBeNull();
      expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const before = (await sheet.read()).rows;
      const mine = before.find((r) => r.rowId === ownOf(unit.name)[3].rowId)!;
      const written = await syncRaw(server, { planId: plan.planId, rows: [edit(mine, { note: 'altrove' })], scope });
      expect(written.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(changedRows(before, (await sheet.read()).rows, [])).toEqual([]);
    }
    const both = await scoped({ unitId: unit.id, dashboardId: unit.id });
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
