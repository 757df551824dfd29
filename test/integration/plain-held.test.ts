/**
 * A held batch of actual values holds its measurements' updates from the rows read and their copies, without a
 * managed entity (server/speed/plain-held.ts): the payload must be the one MikroORM's change set would have for the
 * same row, managed, given the same values (the columns that differ, converted as MikroORM converts them: the JSON
 * value, booleans, dates; `updatedAt` by its onUpdate only when another column changed), or none when nothing differs.
 */
import { parseValue } from '@core/values/parse';
import { openOrm, type Orm } from '../../server/db/orm';
import { Measurement } from '../../server/entities';
import { plainChanges, plainCopy } from '../../server/speed/plain-held';
import { readRowsIn } from '../../server/speed/read-rows';
import { databaseFor, databaseNames } from '../helpers/databases';
import { buildPlan } from '../helpers/synthetic-plan';

type Values = Partial<Pick<Measurement, 'value' | 'neutralised' | 'neutralisationReason' | 'note' | 'author'>> & {
  recordedAt?: Date;
};

describe.each(databaseNames())("a held measurement's update without a managed entity (%s)", (dialect) => {
  const databases = databaseFor(dialect);
  let orm: Orm;
  let planId: string;

  beforeAll(async () => {
    orm = await openOrm(await databases.create());
    ({ planId } = await buildPlan(orm.em, 'PLAINHELD', {
      perspectives: 1,
      strategic: 1,
      operational: 1,
      indicators: 4,
    }));
  });

  afterAll(async () => {
    await orm.close(true);
    await databases.dropAll();
  });

  /** MikroORM's change set payload for the row, managed, given `values`, and plainChanges' for its read copy */
  async function bothWays(values: Values) {
    const em = orm.em.fork();
    const [managed] = await em.find(Measurement, { plan: planId }, { orderBy: { id: 'asc' }, limit: 1 });
    const [read] = await readRowsIn(em.fork(), Measurement, 'id', [managed.id]);
    const copy = plainCopy(read);
    Object.assign(managed, values);
    Object.assign(copy, values);
    const uow = em.getUnitOfWork();
    uow.computeChangeSets();
    const [changeSet] = uow.getChangeSets();
    const plain = plainChanges(em, read, copy);
    return { orm: changeSet?.payload as Record<string, unknown> | undefined, plain, managed, copy };
  }

  /** both payloads, each `updatedAt` checked against its own row's and then left out */
  function compared({ orm: own, plain, managed, copy }: Awaited<ReturnType<typeof bothWays>>) {
    const platform = orm.em.getPlatform();
    expect(own?.updatedAt).toEqual(platform.processDateProperty(managed.updatedAt));
    expect(plain?.updatedAt).toEqual(platform.processDateProperty(copy.updatedAt));
    const { updatedAt: _o, ...ownRest } = own!;
    const { updatedAt: _p, ...plainRest } = plain!;
    return [ownRest, plainRest];
  }

  it('holds the columns a change set would, converted alike', async () => {
    const recordedAt = new Date(Date.UTC(2026, 11, 7, 12, 30, 45, 123));
    const [own, plain] = compared(
      await bothWays({
        value: parseValue('42,5 %'),
        neutralised: true,
        neutralisationReason: 'motivo',
        note: 'nota è “citata”',
        author: 'pane',
        recordedAt,
      }),
    );
    expect(Object.keys(plain).sort()).toEqual(Object.keys(own).sort());
    expect(plain).toEqual(own);
    expect(Object.keys(own)).toEqual(expect.arrayContaining(['value', 'neutralised', 'note', 'recordedAt']));
  });

  it('holds a column cleared as null, and only the columns that changed', async () => {
    const [own, plain] = compared(await bothWays({ value: null, note: null, author: 'altro' }));
    expect(plain).toEqual(own);
  });

  it('holds nothing when no column changed, as MikroORM writes nothing', async () => {
    const em = orm.em.fork();
    const [stored] = await em.find(Measurement, { plan: planId }, { orderBy: { id: 'asc' }, limit: 1 });
    // the same values again, a JSON value equal but another object
    const same = await bothWays({
      value: stored.value == null ? null : structuredClone(stored.value),
      note: stored.note,
    });
    expect(same.orm).toBeUndefined();
    expect(same.plain).toBeNull();
    expect(same.copy.updatedAt).toEqual(stored.updatedAt);
  });
});
