/**
 * What the flushes of a turn of held batches examine (server/sync/turn-writes.ts). A held batch of actual values
 * writes its measurements into copies of the rows read and holds their updates from them (server/speed/plain-held.ts):
 * no managed measurement is made and MikroORM computes no change set for one (it made each one managed from its read
 * row, computed its change set, and copied it back: 15–20 % of a B4 turn, session synccpu). A measurement the turn's
 * unit of work holds already (adopted for a batch of the turn that writes more than actual values) is flushed by the
 * held batch alone (server/speed/flush-only.ts), and what changed outside a batch's own rows is left to the
 * transaction's own flush before its commit.
 */
import { ChangeSetComputer, TransactionContext } from '@mikro-orm/core';
import { Measurement } from '../../server/entities';
import { syncTogether } from '../../server/sync/sync-rows';
import { databaseNames } from '../helpers/databases';
import { turnPlan } from '../helpers/turn-plan';

/**
 * Runs `run` counting the change sets MikroORM computes for measurements, and the measurements the turn's unit of
 * work holds after each batch's writes (the hook `run` gives its batches).
 */
async function watched<T>(
  run: (afterWrite: () => Promise<void>) => Promise<T>,
): Promise<{ result: T; examined: number; managed: number[] }> {
  let examined = 0;
  const compute = ChangeSetComputer.prototype.computeChangeSet;
  const spy = jest.spyOn(ChangeSetComputer.prototype, 'computeChangeSet').mockImplementation(function (
    this: ChangeSetComputer,
    ...args: Parameters<typeof compute>
  ) {
    if (args[0] instanceof Measurement) examined += 1;
    return compute.apply(this, args);
  });
  const managed: number[] = [];
  const count = async () => {
    const em = TransactionContext.getEntityManager()!;
    managed.push([...em.getUnitOfWork().getIdentityMap()].filter((e) => e instanceof Measurement).length);
  };
  try {
    const result = await run(count);
    return { result, examined, managed };
  } finally {
    spy.mockRestore();
  }
}

describe.each(databaseNames())("the flushes of a turn's held batches (%s)", (dialect) => {
  const plan = turnPlan(dialect, 'FLUSH');
  const { readVersions, versions } = plan;

  it('a turn of actual values makes no managed measurement and computes no change set; every value is stored', async () => {
    await readVersions();
    // a turn first, so that every measurement exists (a first actual is created, not held) and the measured turn is
    // B4's: actuals of existing measurements, from the state kept after the turn before
    for (const a of await syncTogether([0, 5].map((from) => plan.member(plan.actuals(from, '69')))))
      expect('value' in a && a.value.applied).toBe(5);
    await readVersions();
    const starts = [0, 5, 0, 5];
    const rows = plan.ids.slice(0, 10);
    const before = rows.map((rowId) => versions.get(rowId)!);
    const {
      result: answers,
      examined,
      managed,
    } = await watched((count) =>
      syncTogether(
        starts.map((from, i) => {
          // the third and fourth batches write the rows the first two did, at the versions their answers give
          const sent = plan.actuals(from, `${70 + i}`);
          if (i >= 2) for (const row of sent) row.rowVersion = (row.rowVersion as number) + 1;
          return plan.member(sent, { hooks: { afterWrite: count } });
        }),
      ),
    );
    for (const a of answers) expect('value' in a && a.value.applied).toBe(5);
    expect(managed).toEqual([0, 0, 0, 0]);
    expect(examined).toBe(0);
    await readVersions();
    expect(rows.map((rowId) => versions.get(rowId))).toEqual(before.map((v) => v + 2));
    const stored = await plan.server.orm.em.fork().find(Measurement, { indicator: { $in: rows }, year: 2022 });
    const byIndicator = new Map(stored.map((m) => [m.indicator.id, m]));
    rows.forEach((rowId, k) => {
      const m = byIndicator.get(rowId)!;
      expect(m.value?.raw).toBe(k < 5 ? '72' : '73');
      expect(m.author).toBe('pane');
    });
  });

  it('a batch alone in its turn, of actual values, makes no managed measurement nor change set, and stores its values', async () => {
    await readVersions();
    // every measurement exists (a first actual is created, not held), and the state is kept after that turn
    for (const a of await syncTogether([0, 5].map((from) => plan.member(plan.actuals(from, '59')))))
      expect('value' in a && a.value.applied).toBe(5);
    await readVersions();
    const rows = plan.ids.slice(0, 5);
    const before = rows.map((rowId) => versions.get(rowId)!);
    // B4's sync: one pane's batch, alone in its turn
    const {
      result: answers,
      examined,
      managed,
    } = await watched((count) => syncTogether([plan.member(plan.actuals(0, '60'), { hooks: { afterWrite: count } })]));
    expect(answers.map((a) => ('value' in a ? a.value.rows.map((r) => [r.status, r.rowVersion]) : a.error))).toEqual([
      before.map((v) => ['updated', v + 1]),
    ]);
    expect(managed).toEqual([0]);
    expect(examined).toBe(0);
    await readVersions();
    expect(rows.map((rowId) => versions.get(rowId))).toEqual(before.map((v) => v + 1));
    const stored = await plan.server.orm.em.fork().find(Measurement, { indicator: { $in: rows }, year: 2022 });
    expect(stored.map((m) => m.value?.raw)).toEqual(rows.map(() => '60'));
    expect(stored.map((m) => m.author)).toEqual(rows.map(() => 'pane'));
  });

  it("a change to a managed held row that no batch's flush examined is written by the commit's flush, not lost", async () => {
    await readVersions();
    const [first] = plan.ids;
    // the first batch writes the first indicator's title: the turn adopts its measurement managed (adopt-rows.ts,
    // adoptForTurn), and the held batches after it write that one through the unit of work (flush-only.ts)
    const titled = [{ rowId: first, rowVersion: versions.get(first), title: `Titolo ${Date.now()}` }];
    // after the third batch's writes, the second's managed measurement is changed in the turn's unit of work: no
    // batch flushes it again, and the turn's last held write does not flush whole (turn-writes.ts, `last`)
    const late = async () => {
      const em = TransactionContext.getEntityManager()!;
      const held = [...em.getUnitOfWork().getIdentityMap()].find(
        (e): e is Measurement => e instanceof Measurement && e.indicator.id === first && e.year === 2022,
      )!;
      held.note = 'nota tardiva';
    };
    // the first row at the version the title's batch gives it
    const actuals = plan
      .actuals(0, '81')
      .map((row, k) => (k === 0 ? { ...row, rowVersion: row.rowVersion! + 1 } : row));
    const answers = await syncTogether([
      plan.member(titled),
      plan.member(actuals),
      plan.member(plan.actuals(5, '82'), { hooks: { afterWrite: late } }),
    ]);
    expect(answers.map((a) => 'value' in a && a.value.applied)).toEqual([1, 5, 5]);
    const stored = await plan.server.orm.em.fork().findOneOrFail(Measurement, { indicator: first, year: 2022 });
    expect(stored.note).toBe('nota tardiva');
    expect(JSON.stringify(stored.value)).toContain('81');
  });
});
