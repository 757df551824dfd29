/**
 * Several bindings per workbook (issue 18, item 7), on the sync logic over the in-memory workbook: each binding a
 * slot of the workbook's settings that survives closing the file, the active one chosen by the selected sheet, each
 * synced and refreshed on its own with its own merge base; "Scollega" forgets one and removes its merge base.
 */
import { baseNames } from '../../addin/src/sync/base';
import { BindingSlots } from '../../addin/src/sync/slots';
import { SETTING, type StoredState } from '../../addin/src/sync/state';
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import { H, openSession, rowOf } from '../helpers/addin-session';
import { withSondrioServer } from '../helpers/sondrio-server';

const stored = (table: string, checkpoint: 'YEAR_END' | 'MID_YEAR'): StoredState =>
  ({
    binding: { planId: 'p1', year: 2022, checkpoint, table, sheet: `Foglio ${table}`, serverTime: null },
    profile: null,
    lights: { green: 1, yellow: 0.6 },
    generation: 0,
  }) as unknown as StoredState;

describe('the bindings kept in the workbook settings', () => {
  test('two bindings round-trip through saving and reopening the file; removing one keeps the other', async () => {
    const wb = new MemoryWorkbook();
    const slots = await BindingSlots.read(wb);
    expect(slots.bindings).toEqual([]);
    await slots.save(stored('Piano_3112', 'YEAR_END'), [], []);
    slots.add();
    await slots.save(stored('Piano_3006', 'MID_YEAR'), [], []);
    // the first binding keeps the keys of a one-binding workbook; the second has its own
    expect(JSON.parse(wb.setting(SETTING.binding)!).binding.table).toBe('Piano_3112');
    expect(JSON.parse(wb.setting(`${SETTING.binding}@b2`)!).binding.table).toBe('Piano_3006');
    expect(JSON.parse(wb.setting(SETTING.bindings)!)).toEqual(['', 'b2']);

    const reopened = MemoryWorkbook.deserialize(wb.serialize());
    const again = await BindingSlots.read(reopened);
    expect(again.bindings.map((b) => [b.table, b.checkpoint])).toEqual([
      ['Piano_3112', 'YEAR_END'],
      ['Piano_3006', 'MID_YEAR'],
    ]);
    expect(again.activate('foglio piano_3006')).toBe(true);
    expect(again.current.state?.binding.table).toBe('Piano_3006');
    expect(again.activate('Report')).toBe(false);
    expect(again.current.state?.binding.table).toBe('Piano_3006');

    again.activateTable('Piano_3112');
    await again.remove();
    expect(again.current.state?.binding.table).toBe('Piano_3006');
    expect(reopened.setting(SETTING.binding)).toBeNull();
    const third = await BindingSlots.read(MemoryWorkbook.deserialize(reopened.serialize()));
    expect(third.bindings.map((b) => b.table)).toEqual(['Piano_3006']);
  });

  test('a workbook bound before there were several bindings reads its one binding', async () => {
    const wb = new MemoryWorkbook();
    await wb.setSetting(SETTING.binding, JSON.stringify(stored('Piano', 'YEAR_END')));
    const slots = await BindingSlots.read(wb);
    expect(slots.bindings.map((b) => b.table)).toEqual(['Piano']);
    // a new binding added to it does not take the first one's keys
    slots.add();
    await slots.save(stored('Piano_2', 'MID_YEAR'), [], []);
    expect(JSON.parse(wb.setting(SETTING.binding)!).binding.table).toBe('Piano');
    expect(JSON.parse(wb.setting(SETTING.bindings)!)).toEqual(['', 'b2']);
  });
});

describe('two bindings of the Sondrio plan against the real server', () => {
  const sondrio = withSondrioServer();

  test('30/6 and 31/12 sheets: each synced on its own, both back after reopening; Scollega removes the base', async () => {
    const wb = new MemoryWorkbook();
    const session = await openSession(sondrio.server, wb);
    const planId = sondrio.plan.planId;
    const yearEnd = await session.load({ planId, year: 2022, checkpoint: 'YEAR_END' });
    session.addBinding();
    const midYear = await session.load({ planId, year: 2022, checkpoint: 'MID_YEAR' });
    expect(midYear.table).not.toBe(yearEnd.table);
    expect(session.bindings.map((b) => b.checkpoint)).toEqual(['YEAR_END', 'MID_YEAR']);
    // each binding has its own merge base
    expect(wb.isHidden(baseNames(yearEnd.table).sheet)).toBe(true);
    expect(wb.isHidden(baseNames(midYear.table).sheet)).toBe(true);

    wb.editCell(yearEnd.table, rowOf(wb, yearEnd.table, '1.1.3'), H.actual, '91');
    wb.editCell(midYear.table, rowOf(wb, midYear.table, '1.1.3'), H.actual, '45');
    expect(session.activate(yearEnd.sheet)).toBe(true);
    expect(await session.pendingChanges()).toBe(1);
    expect((await session.sync()).sent).toBe(1);
    // the other binding's edit waits for its own Sync
    session.activate(midYear.sheet);
    expect(session.binding?.checkpoint).toBe('MID_YEAR');
    expect(await session.pendingChanges()).toBe(1);
    expect((await session.refresh()).conflicts).toBe(0);
    expect(wb.cell(midYear.table, rowOf(wb, midYear.table, '1.1.3'), H.actual)).toBe('45');

    const reopened = MemoryWorkbook.deserialize(wb.serialize());
    const later = await openSession(sondrio.server, reopened);
    expect(later.bindings.map((b) => b.table)).toEqual([yearEnd.table, midYear.table]);
    later.activate(midYear.sheet);
    expect((await later.sync()).sent).toBe(1);

    later.activate(yearEnd.sheet);
    await later.unbind();
    expect(await reopened.readSheet(baseNames(yearEnd.table).sheet)).toBeNull();
    const tables = (await reopened.listTables()).map((t) => t.name);
    expect(tables).toContain(yearEnd.table);
    expect(tables).not.toContain(baseNames(yearEnd.table).table);
    expect(later.bindings.map((b) => b.table)).toEqual([midYear.table]);
    expect(later.binding?.table).toBe(midYear.table);
  });
});
