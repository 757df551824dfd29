import { Checkpoint } from '@core/vocabulary/enums';
import { openOrm, type Orm } from '../../server/db/orm';
import { emptyWrites, stateAfter } from '../../server/sync/after-state';
import { loadPlanState } from '../../server/sync/plan-state';
import { databaseFor, databaseNames } from '../helpers/databases';
import { buildPlan } from '../helpers/synthetic-plan';

/**
 * The state after a batch (server/sync/after-state.ts) keeps the indicators' unit links as loaded unless the batch set
 * or removed some: a batch of values shares the loaded map (no copy of every indicator's links per sync, bench B4),
 * one that sets an indicator's units or removes an indicator has them in a new map, the loaded one left as it was.
 */
describe.each(databaseNames())('unit links of the state after a batch (%s)', (dialect) => {
  const databases = databaseFor(dialect);
  let orm: Orm;
  let planId: string;

  beforeAll(async () => {
    orm = await openOrm(await databases.create());
    ({ planId } = await buildPlan(orm.em, 'AFTER', { perspectives: 1, strategic: 1, operational: 2, indicators: 5 }));
  });

  afterAll(async () => {
    await orm.close(true);
    await databases.dropAll();
  });

  const load = () => loadPlanState(orm.em.fork(), planId, 2022, Checkpoint.YEAR_END, { readOnly: true });

  it('shares the loaded links when the batch wrote values only', async () => {
    const read = await load();
    expect(read.snapshot.unitsOf.size).toBe(10);
    const after = stateAfter(read, emptyWrites());
    expect(after.snapshot.unitsOf).toBe(read.snapshot.unitsOf);
  });

  it("has an indicator's new units in a map of its own, the loaded one left as it was", async () => {
    const read = await load();
    const loaded = new Map(read.snapshot.unitsOf);
    const [first] = read.snapshot.indicators;
    const writes = emptyWrites();
    writes.unitsOf.set(first.id, ['unit-a', 'unit-b']);
    const after = stateAfter(read, writes);
    expect(after.snapshot.unitsOf).not.toBe(read.snapshot.unitsOf);
    expect(after.snapshot.unitsOf.get(first.id)).toEqual(['unit-a', 'unit-b']);
    expect(after.snapshot.unitsOf.size).toBe(10);
    expect(read.snapshot.unitsOf).toEqual(loaded);
  });

  it('has no links for an indicator the batch removed (and nothing else written)', async () => {
    const read = await load();
    const loaded = new Map(read.snapshot.unitsOf);
    const [, second] = read.snapshot.indicators;
    const writes = emptyWrites();
    writes.removed.add(second);
    const after = stateAfter(read, writes);
    expect(after.snapshot.unitsOf.has(second.id)).toBe(false);
    expect(after.snapshot.unitsOf.size).toBe(9);
    expect(read.snapshot.unitsOf).toEqual(loaded);
  });
});
