/**
 * What the flushes of a turn of held batches examine (server/speed/flush-only.ts, server/sync/turn-writes.ts): the
 * turn adopts every row its batches name before the first batch (adopt-rows.ts, adoptForTurn), and a batch whose
 * updates are held flushes the rows it adopted, not all of the turn's: MikroORM computes a change set for each entity
 * it examines, and the turn's held batches compared every row of the turn each (bench B4-pg). What changed outside a
 * batch's own rows is left to the transaction's own flush before its commit, which compares every row the turn holds
 * once: the turn no longer flushes whole before its last held write as well (turn-writes.ts, `last`).
 */
import { ChangeSetComputer, TransactionContext } from '@mikro-orm/core';
import { Measurement } from '../../server/entities';
import { syncTogether } from '../../server/sync/sync-rows';
import { databaseNames } from '../helpers/databases';
import { turnPlan } from '../helpers/turn-plan';

describe.each(databaseNames())("the flushes of a turn's held batches (%s)", (dialect) => {
  const plan = turnPlan(dialect, 'FLUSH');
  const { readVersions, versions } = plan;

  it("each held batch's flush examines its own rows; each row's change is found once, and every value is stored", async () => {
    await readVersions();
    const starts = [0, 5, 10, 15];
    const rows = plan.ids.slice(0, 20);
    const before = rows.map((rowId) => versions.get(rowId)!);
    const examined: Array<{ entity: object; changed: boolean }> = [];
    const compute = ChangeSetComputer.prototype.computeChangeSet;
    const spy = jest.spyOn(ChangeSetComputer.prototype, 'computeChangeSet').mockImplementation(function (
      this: ChangeSetComputer,
      ...args: Parameters<typeof compute>
    ) {
      const changeSet = compute.apply(this, args);
      if (args[0] instanceof Measurement) examined.push({ entity: args[0], changed: changeSet !== null });
      return changeSet;
    });
    let answers: Awaited<ReturnType<typeof syncTogether>>;
    try {
      answers = await syncTogether(starts.map((from, i) => plan.member(plan.actuals(from, `${70 + i}`))));
    } finally {
      spy.mockRestore();
    }
    for (const a of answers) expect('value' in a && a.value.applied).toBe(5);
    // each of the 20 measurements changed once, found changed once: none missed, none written twice
    const changed = examined.filter((e) => e.changed).map((e) => e.entity);
    expect(changed).toHaveLength(20);
    expect(new Set(changed).size).toBe(20);
    // a batch's flush examines its 5 rows, and the transaction's own flush before the commit the 20 (each batch's
    // flush compared all 20 the turn adopted: 4 × 20 + 20; then the turn flushed whole before its held write too)
    expect(examined.length).toBe(4 * 5 + 20);
    // and each batch's own flush found its rows changed: the whole flushes after them found nothing left
    expect(examined.slice(0, 20).every((e) => e.changed)).toBe(true);
    await readVersions();
    expect(rows.map((rowId) => versions.get(rowId))).toEqual(before.map((v) => v + 1));
    const stored = await plan.server.orm.em.fork().find(Measurement, { indicator: { $in: rows }, year: 2022 });
    const byIndicator = new Map(stored.map((m) => [m.indicator.id, JSON.stringify(m.value)]));
    starts.forEach((from, i) => {
      for (const rowId of rows.slice(from, from + 5)) expect(byIndicator.get(rowId)).toContain(`${70 + i}`);
    });
  });

  it("a change to a held row that no batch's flush examined is written by the commit's flush, not lost", async () => {
    await readVersions();
    const [first] = plan.ids;
    // after the second batch's writes, the first batch's measurement is changed in the turn's unit of work: no batch
    // flushes it again, and the turn's last held write no longer flushes whole (turn-writes.ts, `last`)
    const late = async () => {
      const em = TransactionContext.getEntityManager()!;
      const held = [...em.getUnitOfWork().getIdentityMap()].find(
        (e): e is Measurement => e instanceof Measurement && e.indicator.id === first && e.year === 2022,
      )!;
      held.note = 'nota tardiva';
    };
    const answers = await syncTogether([
      plan.member(plan.actuals(0, '81')),
      plan.member(plan.actuals(5, '82'), { hooks: { afterWrite: late } }),
    ]);
    for (const a of answers) expect('value' in a && a.value.applied).toBe(5);
    const stored = await plan.server.orm.em.fork().findOneOrFail(Measurement, { indicator: first, year: 2022 });
    expect(stored.note).toBe('nota tardiva');
    expect(JSON.stringify(stored.value)).toContain('81');
  });
});
