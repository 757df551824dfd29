import type { EntityManager } from '@mikro-orm/core';
import { AuditAction, ChangeSource, Polarity, RevisionKind, ValueKind } from '@core/vocabulary/enums';
import { openOrm, type Orm } from '../../server/db/orm';
import {
  AuditEvent,
  Indicator,
  Measurement,
  OperationalObjective,
  Organisation,
  Perspective,
  PlanVersion,
  StrategicObjective,
  Target,
  TargetRevision,
} from '../../server/entities';
import { SyncBatch } from '../../server/entities/sync-batch';
import { answerBytes } from '../../server/sync/answer-bytes';
import { writerOf } from '../../server/speed/bound-insert';
import { insertEntities, insertLinks, insertNewRows, insertPlainRows, newRow } from '../../server/speed/bulk-write';
import { databaseFor, databaseNames } from '../helpers/databases';
import { planShell } from '../helpers/synthetic-plan';

/**
 * The sheet sync inserts its rows with bound values (server/speed/bound-insert.ts) instead of `em.insertMany`,
 * which writes every value into the SQL text. The stored rows must be the same, column by column as the database
 * holds them (instants, yes/no, JSON, nulls and defaults), for every table the sync writes, on both databases.
 */
describe.each(databaseNames())('bound inserts (%s)', (dialect) => {
  const databases = databaseFor(dialect);
  let orm: Orm;
  let em: EntityManager;
  let ids: { org: string; plan: string; oo: string; unit: string };

  beforeAll(async () => {
    orm = await openOrm(await databases.create());
    em = orm.em.fork();
    const { org, unit, plan } = planShell(em, 'ENTE');
    const perspective = em.create(Perspective, { org, plan, name: 'P' });
    const so = em.create(StrategicObjective, { org, plan, perspective, code: '1', title: 'OS' });
    const oo = em.create(OperationalObjective, { org, plan, strategicObjective: so, code: '1.1', title: 'OO' });
    await em.flush();
    ids = { org: org.id, plan: plan.id, oo: oo.id, unit: unit.id };
    em.clear();
  });

  afterAll(async () => {
    await orm.close(true);
    await databases.dropAll();
  });

  /** The rows of `table` with these ids as the database stores them, without the columns that differ by design */
  async function stored(table: string, rowIds: string[], differ: string[]): Promise<Array<Record<string, unknown>>> {
    const rows: Array<Record<string, unknown>> = await em
      .getConnection()
      .execute(`select * from ${table} where id in (${rowIds.map(() => '?').join(', ')}) order by id`, rowIds);
    expect(rows).toHaveLength(rowIds.length);
    return rows
      .sort((a, b) => rowIds.indexOf(a.id as string) - rowIds.indexOf(b.id as string))
      .map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !differ.includes(column))));
  }

  /** Plain data of an untracked row, as bulk-write's old path gave it to `em.insertMany`: references as ids */
  function plain(entity: object): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const { columns } = writerOf(em, entity.constructor.name);
    for (const c of columns) {
      const value = (entity as Record<string, unknown>)[c.property] as { id?: string } | null | undefined;
      out[c.property] = value && typeof value === 'object' && 'id' in value ? value.id : (value ?? null);
    }
    return out;
  }

  /** Two rows alike but for their id (and `unique` columns), one through each path, stored alike */
  async function compare<T extends { id: string }>(
    make: (n: number) => T,
    table: string,
    unique: string[] = [],
  ): Promise<T[]> {
    const [viaOrm, viaBound] = [make(1), make(2)];
    await em.transactional(async (tx) => {
      await tx.insertMany(viaOrm.constructor.name, [plain(viaOrm)]);
      await insertEntities(tx, [viaBound]);
    });
    const [a, b] = await stored(table, [viaOrm.id, viaBound.id], ['id', ...unique]);
    expect(b).toEqual(a);
    return [viaOrm, viaBound];
  }

  it('stores every table of a sheet sync as em.insertMany does', async () => {
    const org = em.getReference(Organisation, ids.org);
    const plan = em.getReference(PlanVersion, ids.plan);
    const at = new Date('2024-06-30T10:42:13.456Z');
    const indicators = await compare(
      (n) =>
        newRow(Indicator, {
          org,
          plan,
          position: n,
          code: `1.1.${n}`,
          title: 'Tempo medio di pagamento "fatture"',
          operationalObjective: em.getReference(OperationalObjective, ids.oo),
          strategicObjective: null,
          valueKind: ValueKind.DAYS,
          polarity: Polarity.LOWER,
          polarityConfirmed: true,
          weight: 12.5,
          createdAt: at,
          updatedAt: at,
        }),
      'indicator',
      ['code', 'position'],
    );
    const targets = await compare(
      (n) =>
        newRow(Target, {
          org,
          plan,
          indicator: indicators[n - 1],
          year: 2024,
          thresholds: [{ score: 0.8, value: { raw: '30 gg', kind: 'days', warnings: ['arrotondato'] } as never }],
          createdAt: at,
          updatedAt: at,
        }),
      'target',
      ['indicator_id'],
    );
    await compare(
      (n) =>
        newRow(TargetRevision, {
          org,
          target: targets[n - 1],
          seq: 0,
          kind: RevisionKind.ORIGINAL,
          value: { raw: '≤ 30', kind: 'number', warnings: [] } as never,
          approved: true,
          note: null,
          createdAt: at,
          updatedAt: at,
        }),
      'target_revision',
      ['target_id'],
    );
    await compare(
      (n) =>
        newRow(Measurement, {
          org,
          plan,
          indicator: indicators[n - 1],
          year: 2024,
          value: { raw: "42,5 gg l'anno", kind: 'days', warnings: [] } as never,
          neutralised: false,
          author: 'Anna Rossi',
          recordedAt: at,
          createdAt: at,
          updatedAt: at,
        }),
      'measurement',
      ['indicator_id'],
    );
  });

  // MikroORM watches a tracked property without an initialiser through a lazy setter on the prototype, which gives
  // the instance its own ORM state on first assignment; a created row owns such properties, so a sync's writes to
  // it stay plain data (server/speed/bulk-write.ts, defaultsOf)
  it('gives a created row every watched property as its own, so assigning one runs no ORM setter', () => {
    expect(Object.getOwnPropertyDescriptor(Indicator.prototype, 'weight')?.set).toBeDefined();
    const indicator = newRow(Indicator, { code: '1.1.9', title: 'Nuovo' });
    const measurement = newRow(Measurement, { year: 2022 });
    expect(indicator.version).toBe(1);
    expect(Object.hasOwn(indicator, 'weight') && indicator.weight === undefined).toBe(true);
    indicator.weight = 12.5;
    indicator.unit = 'giorni';
    measurement.author = 'anna.rossi';
    measurement.note = 'nota';
    for (const [row, name] of [
      [indicator, 'weight'],
      [indicator, 'unit'],
      [measurement, 'author'],
      [measurement, 'note'],
    ] as const) {
      expect(Object.getOwnPropertyDescriptor(row, name)).toMatchObject({ writable: true });
      expect(Object.getOwnPropertyNames(row)).not.toContain('__helper');
    }
    expect([indicator.weight, indicator.unit, measurement.author, measurement.note]).toEqual([
      12.5,
      'giorni',
      'anna.rossi',
      'nota',
    ]);
  });

  it('stores audit events, batch records and links as the ORM does', async () => {
    const at = new Date('2024-12-31T23:59:59.999Z');
    const event = (n: number) => ({
      id: `00000000-0000-4000-8000-00000000000${n}`,
      version: 1,
      createdAt: at,
      updatedAt: at,
      org: ids.org,
      planId: ids.plan,
      entityType: 'Indicator',
      entityId: ids.oo,
      action: AuditAction.CREATE,
      actor: "Anna D'Amico",
      source: ChangeSource.ADDIN,
      sourceDetail: null,
      at,
      before: null,
      after: { title: 'Tempo "medio"', weight: 12.5, confirmed: true, units: ['a', 'b'], at: at.toISOString() },
    });
    await em.transactional(async (tx) => {
      await tx.insertMany(AuditEvent, [event(1)]);
      await insertPlainRows(tx, AuditEvent, [event(2)]);
    });
    const [a, b] = await stored('audit_event', [event(1).id, event(2).id], ['id']);
    expect(b).toEqual(a);

    // a blob: the stored answer's compressed JSON
    const answer = answerBytes(
      JSON.stringify({ applied: 1, rows: [{ status: 'created', errors: [], realization: null }], replayed: false }),
    );
    await em.transactional(async (tx) => {
      await tx.insert(SyncBatch, {
        id: '00000000-0000-4000-8000-0000000000b1',
        version: 1,
        createdAt: at,
        updatedAt: at,
        org: ids.org,
        plan: ids.plan,
        batchKey: 'k1',
        requestHash: 'h',
        answer,
      } as never);
      await insertNewRows(tx, SyncBatch, [{ org: ids.org, plan: ids.plan, batchKey: 'k2', requestHash: 'h', answer }]);
    });
    const batches = await em
      .getConnection()
      .execute(`select * from sync_batch where plan_id = ? order by batch_key`, [ids.plan]);
    expect(batches.map((r: { answer: Buffer }) => Buffer.from(r.answer))).toEqual([answer, answer]);

    const indicator = await em.findOneOrFail(Indicator, { plan: ids.plan }, { orderBy: { position: 'asc' } });
    await em.transactional((tx) =>
      insertLinks(tx, 'indicator_responsible_units', ['indicator_id', 'org_unit_id'], [[indicator.id, ids.unit]]),
    );
    const linked = await em.fork().findOneOrFail(Indicator, indicator.id, { populate: ['responsibleUnits'] });
    expect(linked.responsibleUnits.getItems().map((u) => u.id)).toEqual([ids.unit]);
  });
});
