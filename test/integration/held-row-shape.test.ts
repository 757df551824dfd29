/**
 * Between the batches of a turn whose value writes are held (server/sync/turn-writes.ts), the state a batch leaves
 * holds each row it changed as its read-only twin with the values written (kept-state.ts, heldCopy); the next batch
 * decides from it, the state after the turn is made from it. Copied key by key onto `Object.create(prototype)`, such
 * a row (an actual: ~20 properties) became a V8 dictionary, as newRow's rows once did (new-row-shape.test.ts): the
 * copies must keep fast properties and hold what was written.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Measurement } from '../../server/entities';
import { PlanState } from '../../server/sync/plan-state';
import { syncTogether } from '../../server/sync/sync-rows';
import { databaseNames } from '../helpers/databases';
import { turnPlan } from '../helpers/turn-plan';

setFlagsFromString('--allow-natives-syntax');
const fast = runInNewContext('(o) => %HasFastProperties(o)') as (o: object) => boolean;

describe.each(databaseNames())("the rows a held batch leaves to the turn's next (%s)", (dialect) => {
  const plan = turnPlan(dialect, 'HELDSHAPE');

  it('are fast-property copies of the rows read, with the values written', async () => {
    await plan.readVersions();
    // a turn first, so that every measurement exists and the measured turn starts from the state kept after it
    for (const a of await syncTogether([0, 5].map((from) => plan.member(plan.actuals(from, '70')))))
      expect('value' in a && a.value.applied).toBe(5);
    await plan.readVersions();
    const read = await plan.server.orm.em
      .fork()
      .find(Measurement, { indicator: { $in: plan.ids.slice(0, 5) }, year: 2022 });
    const was = new Map(read.map((m) => [m.id, m.version]));
    // the rows each state is patched with as stored (readLeft): the first, the state the first batch left
    const left: object[][] = [];
    const patched = PlanState.prototype.patched;
    const spy = jest.spyOn(PlanState.prototype, 'patched').mockImplementation(function (
      this: PlanState,
      snapshot,
      touched,
      units,
      settled,
    ) {
      const rows = [...touched];
      if (settled) left.push(rows);
      return patched.call(this, snapshot, rows, units, settled);
    });
    try {
      const answers = await syncTogether([plan.member(plan.actuals(0, '71')), plan.member(plan.actuals(5, '72'))]);
      for (const a of answers) expect('value' in a && a.value.applied).toBe(5);
    } finally {
      spy.mockRestore();
    }
    const actuals = left[0].filter((row): row is Measurement => row instanceof Measurement);
    expect(actuals.length).toBeGreaterThanOrEqual(5);
    for (const row of actuals) expect([row.id, fast(row)]).toEqual([row.id, true]);
    // what the first batch wrote, as the second batch's state held it: each row at its next version
    expect(actuals.map((m) => [m.value?.raw, m.version])).toEqual(actuals.map((m) => ['71', was.get(m.id)! + 1]));
  });
});
