import { type EntityManager, OptimisticLockError } from '@mikro-orm/core';
import { parseValue } from '@core/values/parse';
import { AuditAction, ChangeSource } from '@core/vocabulary/enums';
import { openOrm, type Orm } from '../../server/db/orm';
import { AuditEvent, Measurement, Organisation } from '../../server/entities';
import { insertEntities, newRow } from '../../server/speed/bulk-write';
import { readOnlyRow, readRowsIn } from '../../server/speed/read-rows';
import { updateSetBased, writtenRow } from '../../server/speed/set-update';
import { databaseFor, databaseNames } from '../helpers/databases';
import { buildPlan } from '../helpers/synthetic-plan';

/**
 * The sheet sync writes set-based: new rows in multi-row INSERTs chunked under the bound-value limit (bulk-write.ts),
 * updated rows in one `UPDATE … FROM (VALUES …)` per table and chunk of the unit of work, the version check in it
 * (set-update.ts). A batch larger than one chunk must write every row, each once and with its own values, on both
 * databases: a chunk boundary that dropped, repeated or shifted rows would show here.
 */
describe.each(databaseNames())('set-based writes across chunks (%s)', (dialect) => {
  const databases = databaseFor(dialect);
  const statements: string[] = [];
  let orm: Orm;
  let planId: string;

  beforeAll(async () => {
    orm = await openOrm(await databases.create(), { onQuery: (sql) => statements.push(sql) });
    // 700 actuals: more than two of the unit of work's chunks of 300 (MikroORM's batchSize)
    ({ planId } = await buildPlan(orm.em, 'CHUNKS', {
      perspectives: 1,
      strategic: 1,
      operational: 2,
      indicators: 350,
    }));
  });

  afterAll(async () => {
    await orm.close(true);
    await databases.dropAll();
  });

  /** The plan's actuals as stored: id → raw value and version */
  async function storedActuals(em: EntityManager): Promise<Map<string, [string, number]>> {
    const rows: Array<{ id: string; value: unknown; version: number }> = await em
      .getConnection()
      .execute('select id, value, version from measurement where plan_id = ?', [planId]);
    return new Map(
      rows.map((r) => {
        const value = (typeof r.value === 'string' ? JSON.parse(r.value) : r.value) as { raw: string };
        return [r.id, [value.raw, Number(r.version)]];
      }),
    );
  }

  it('updates more rows than one chunk, each once with its own value, one statement per chunk', async () => {
    const em = orm.em.fork();
    const before = await storedActuals(em);
    expect(before.size).toBe(700);
    const measurements = await em.find(Measurement, { plan: planId }, { orderBy: { id: 'asc' } });
    const wanted = new Map<string, string>();
    measurements.forEach((m, n) => {
      m.value = parseValue(String(1000 + n));
      wanted.set(m.id, String(1000 + n));
    });
    statements.length = 0;
    await em.transactional(async (tx) => {
      updateSetBased(tx);
      await tx.flush();
    });
    const flushed = statements.splice(0);
    const after = await storedActuals(em);
    expect(after.size).toBe(700);
    for (const [id, [raw, version]] of after)
      expect([id, raw, version]).toEqual([id, wanted.get(id), before.get(id)![1] + 1]);
    // the entities hold the versions the statement returned
    for (const m of measurements) expect(m.version).toBe(before.get(m.id)![1] + 1);
    // the flush's statements (the reads above came before it): no SELECT of versions, an update per chunk of 300
    const verbs = flushed
      .map((sql) => sql.replace(/\u001b\[[0-9;]*m/g, '').replace(/^\s*\[query\]\s*/, ''))
      .filter((sql) => /\bmeasurement\b/.test(sql))
      .map((sql) => sql.split(/\s/)[0].toLowerCase());
    expect(verbs).toEqual(['update', 'update', 'update']);
    // each row as the update returned it is the row a read gives (the sync carries its state from these, kept-state.ts)
    const asRead = new Map((await readRowsIn(em, Measurement, 'id', [...wanted.keys()])).map((m) => [m.id, m]));
    for (const m of measurements) {
      const returned = writtenRow(em, m);
      expect(returned).not.toBeNull();
      expect({ ...readOnlyRow(em, Measurement, returned!) }).toEqual({ ...asRead.get(m.id) });
    }
  });

  it('fails the flush as the version check did when one row changed meanwhile, and writes none', async () => {
    const em = orm.em.fork();
    const measurements = await em.find(Measurement, { plan: planId }, { orderBy: { id: 'asc' } });
    // the last row of the second chunk was written by someone else after this unit of work read it
    const stale = measurements[599];
    await orm.em
      .fork()
      .getConnection()
      .execute('update measurement set version = version + 1 where id = ?', [stale.id]);
    const before = await storedActuals(em);
    for (const m of measurements) m.value = parseValue('7');
    const flushed = em.transactional(async (tx) => {
      updateSetBased(tx);
      await tx.flush();
    });
    const error = await flushed.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OptimisticLockError);
    expect((error as OptimisticLockError).getEntity()).toBe(stale);
    expect(await storedActuals(em)).toEqual(before);
  });

  it('inserts more rows than one chunk of bound values, each once with its own values', async () => {
    const em = orm.em.fork();
    const org = (await em.findOneOrFail(Measurement, { plan: planId })).org!;
    // 4,000 audit events of 16 columns: 3 statements of at most 1,875 rows on PostgreSQL (30,000 bound values)
    const rows = Array.from({ length: 4000 }, (_, n) =>
      newRow(AuditEvent, {
        org: em.getReference(Organisation, org.id),
        entityType: 'Chunk',
        entityId: `row-${n}`,
        action: AuditAction.UPDATE,
        actor: 'test',
        source: ChangeSource.ADDIN,
        at: new Date(),
        after: { n },
      }),
    );
    await em.transactional((tx) => insertEntities(tx, rows));
    const stored: Array<{ id: string; entity_id: string; after: unknown }> = await em
      .getConnection()
      .execute(`select id, entity_id, "after" from audit_event where entity_type = 'Chunk'`);
    expect(stored).toHaveLength(4000);
    const byId = new Map(stored.map((r) => [r.id, r]));
    expect(byId.size).toBe(4000);
    rows.forEach((row, n) => {
      const r = byId.get(row.id)!;
      const after = typeof r.after === 'string' ? JSON.parse(r.after) : r.after;
      expect([r.entity_id, after]).toEqual([`row-${n}`, { n }]);
    });
  });
});
