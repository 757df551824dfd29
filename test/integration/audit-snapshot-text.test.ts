import type { EntityManager } from '@mikro-orm/core';
import { Polarity, RevisionKind, ValueKind } from '@core/vocabulary/enums';
import { openOrm, type Orm } from '../../server/db/orm';
import {
  Indicator,
  Measurement,
  OperationalObjective,
  OrgUnit,
  Perspective,
  StrategicObjective,
  Target,
  TargetRevision,
} from '../../server/entities';
import { snapshot, snapshotText } from '../../server/services/audit';
import { newRow } from '../../server/speed/bulk-write';
import { databaseFor } from '../helpers/databases';
import { planShell } from '../helpers/synthetic-plan';

/**
 * A sheet sync records the rows it writes as the JSON text of their snapshot, written straight from the row
 * (server/services/audit.ts `snapshotText`): it must be exactly `JSON.stringify(snapshot(row))`, byte for byte, for
 * every kind of row the sync records, whatever its values (dates, missing values, JSON columns, quotes and accents,
 * references as rows, as ids or missing). The metadata is the ORM's, the same on both databases: SQLite suffices.
 */
describe('an audit snapshot written as text', () => {
  const databases = databaseFor('sqlite');
  let orm: Orm;
  let em: EntityManager;

  beforeAll(async () => {
    orm = await openOrm(await databases.create());
    em = orm.em.fork();
  });

  afterAll(async () => {
    await orm.close(true);
    await databases.dropAll();
  });

  const same = (row: object) => expect(snapshotText(em, row)).toBe(JSON.stringify(snapshot(em, row)));

  it('is JSON.stringify of the snapshot for every row a sync records', () => {
    const { org, unit, plan } = planShell(em, 'TESTO');
    const perspective = em.create(Perspective, { org, plan, name: 'Prospettiva "uno"' });
    const so = em.create(StrategicObjective, { org, plan, perspective, code: '1', title: 'Città\nsostenibile' });
    const oo = em.create(OperationalObjective, { org, plan, strategicObjective: so, code: '1.1', title: 'OO' });
    const indicator = newRow(Indicator, {
      org,
      plan,
      operationalObjective: oo,
      strategicObjective: null,
      code: '1.1.1',
      title: 'Tempo medio di risposta — "pratiche" \\ uffici',
      valueKind: ValueKind.NUMBER,
      polarity: Polarity.LOWER,
      weight: 12.5,
      polarityEvidence: 'il target "≤ 30" indica il verso',
    });
    const target = newRow(Target, { org, plan, indicator, year: 2022, checkpoint: '31/12' as never });
    target.thresholds = [{ value: { raw: '80', kind: 'number', value: 80, warnings: [] } as never, score: 0.8 }];
    const revision = newRow(TargetRevision, {
      org,
      target,
      seq: 0,
      kind: RevisionKind.ORIGINAL,
      value: { raw: '30 gg', kind: 'number', value: 30, unit: 'gg', warnings: ['UNIT'] } as never,
      approved: true,
      note: null,
    });
    const measurement = newRow(Measurement, { org, plan, indicator, year: 2022, checkpoint: '31/12' as never });
    measurement.value = { raw: 'n.d.', kind: 'missing', warnings: [] } as never;
    measurement.recordedAt = new Date('2022-12-31T23:59:59.123Z');
    const newUnit = newRow(OrgUnit, { org, name: 'U.O. "Nuova"' } as never);
    for (const row of [indicator, target, revision, measurement, newUnit, unit, perspective, so, oo, plan, org]) {
      same(row);
    }
  });

  it('keeps a reference given as an id, a missing one and an undefined value as the snapshot has them', () => {
    const { org, plan } = planShell(em, 'RIFERIMENTI');
    const indicator = newRow(Indicator, { org, plan, code: '9', title: 'T' });
    same(indicator);
    (indicator as unknown as Record<string, unknown>).operationalObjective = { id: 'id-di-un-obiettivo' };
    (indicator as unknown as Record<string, unknown>).unit = undefined;
    (indicator as unknown as Record<string, unknown>).ruleParams = { nested: [1, 'due', null, { tre: true }] };
    same(indicator);
    // a value JSON leaves out of an object: the object's own text all the same
    (indicator as unknown as Record<string, unknown>).formula = () => 'no';
    same(indicator);
  });
});
