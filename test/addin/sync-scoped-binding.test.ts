/**
 * A binding scoped to one responsible unit (issue 18, item 7), through the session over the in-memory workbook and
 * the real server: Carica writes the unit's rows only and keeps the scope in the binding (reopened too); Sync of an
 * edit sends it with the scope; Aggiorna brings a colleague's change of the unit's rows and never the other units'.
 */
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import { H, openSession } from '../helpers/addin-session';
import { withSondrioServer } from '../helpers/sondrio-server';
import { edit, ok, type SheetRow } from '../helpers/sync';

const sondrio = withSondrioServer('sqlite');

test("a unit's sheet: its rows only, the scope remembered, Sync and Aggiorna of its rows alone", async () => {
  const { server, plan, sheet } = sondrio;
  const all = (await sheet.read()).rows;
  const units = ok(
    await server.gql(`query($id: ID!) { organisation(id: $id) { units { id name } } }`, { id: plan.orgId }),
  ).organisation.units as Array<{ id: string; name: string }>;
  const numeric = (r: SheetRow) => r.level === 'INDICATOR' && r.target?.number != null;
  const unit = units.find((u) => all.filter((r) => numeric(r) && r.responsibleUnits.includes(u.name)).length >= 2)!;
  const mine = all.filter((r) => numeric(r) && r.responsibleUnits.includes(unit.name));
  const theirs = all.find((r) => numeric(r) && !r.responsibleUnits.includes(unit.name))!;

  const wb = new MemoryWorkbook();
  const session = await openSession(server, wb);
  const scope = { kind: 'unit' as const, id: unit.id, name: unit.name };
  const { table } = await session.load({ planId: plan.planId, year: 2022, checkpoint: 'YEAR_END', scope });
  const ids = () => wb.column(table, H.rowId).map(String);
  expect(ids()).not.toContain(theirs.rowId);
  for (const r of mine) expect(ids()).toContain(r.rowId);
  expect(ids().length).toBeLessThan(all.length);
  expect(session.binding?.scope).toEqual(scope);
  expect((await openSession(server, wb)).binding?.scope).toEqual(scope);

  // Sync of an edit on the unit's sheet
  const row = ids().indexOf(mine[0].rowId);
  wb.editCell(table, row, H.actual, mine[0].target!.raw);
  const sent = await session.sync();
  expect(sent).toMatchObject({ updated: 1, rejected: 0 });

  // a colleague changes a row of the unit and a row of another unit: Aggiorna brings the first only
  await sheet.sync([edit(mine[1], { actual: mine[1].target!.raw }), edit(theirs, { actual: theirs.target!.raw })]);
  const before = ids().length;
  const refreshed = await session.refresh();
  expect(refreshed.updated).toBe(1);
  expect(ids()).toHaveLength(before);
  expect(ids()).not.toContain(theirs.rowId);
  expect(String(wb.column(table, H.actual)[ids().indexOf(mine[1].rowId)])).toBe(mine[1].target!.raw);
});
