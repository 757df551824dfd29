/**
 * The sheet sync makes its new rows with newRow (server/speed/bulk-write.ts): untracked instances of their entity
 * classes, four per new indicator row. Built key by key, an indicator and an actual (~25 properties) became V8
 * dictionaries, slower to build, read and collect (bench B1); copied from one row per class they keep fast
 * properties and one hidden class per class. The rows themselves must be what they were: the class's defaults
 * (a default list the row's own), version 1, one instant for both timestamps, the values given over the defaults,
 * the keys in the same order. The layout is V8's, not the database's: one database is enough.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AuditAction, ChangeSource, RevisionKind } from '@core/vocabulary/enums';
import { openOrm, type Orm } from '../../server/db/orm';
import {
  AuditEvent,
  Indicator,
  Measurement,
  OperationalObjective,
  Organisation,
  PlanVersion,
  Target,
  TargetRevision,
} from '../../server/entities';
import { newRow } from '../../server/speed/bulk-write';
import { databaseFor } from '../helpers/databases';

setFlagsFromString('--allow-natives-syntax');
const fast = runInNewContext('(o) => %HasFastProperties(o)') as (o: object) => boolean;
const sameLayout = runInNewContext('(a, b) => %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

describe('new rows of the sheet sync (newRow)', () => {
  const databases = databaseFor('sqlite');
  let orm: Orm;

  beforeAll(async () => {
    // the ORM's discovery gives the entity classes the setters newRow's defaults account for
    orm = await openOrm(await databases.create());
  });

  afterAll(async () => {
    await orm.close(true);
    await databases.dropAll();
  });

  /** two rows of each class the sync creates, as apply.ts and audit.ts make them (references as the ORM's) */
  function rowsOf(n: number) {
    const em = orm.em.fork();
    const org = em.getReference(Organisation, 'org-1');
    const plan = em.getReference(PlanVersion, 'plan-1');
    const indicator = newRow(Indicator, {
      org,
      plan,
      position: n,
      code: `1.1.${n}`,
      title: 'Tempo medio di pagamento',
      operationalObjective: em.getReference(OperationalObjective, 'oo-1'),
      strategicObjective: null,
      weight: 10,
    });
    const target = newRow(Target, { org, plan, indicator, year: 2022, thresholds: [] });
    return [
      indicator,
      target,
      newRow(TargetRevision, { org, target, seq: 0, kind: RevisionKind.ORIGINAL, approved: true, note: null }),
      newRow(Measurement, { org, plan, indicator, year: 2022, checkpoint: '31/12', note: null }),
      newRow(AuditEvent, {
        org,
        entityType: 'Indicator',
        entityId: indicator.id,
        action: AuditAction.CREATE,
        actor: 'test',
        source: ChangeSource.ADDIN,
        at: new Date(),
      }),
    ] as object[];
  }

  it('gives every row fast properties and one hidden class per class', () => {
    const first = rowsOf(1);
    const second = rowsOf(2);
    first.forEach((row, k) => {
      const name = row.constructor.name;
      expect([name, fast(row), fast(second[k])]).toEqual([name, true, true]);
      expect([name, sameLayout(row, second[k])]).toEqual([name, true]);
    });
  });

  it('makes the same rows: defaults, own lists, version, timestamps, values, key order', () => {
    const [a, , , measurement] = rowsOf(1) as [Indicator, Target, TargetRevision, Measurement];
    const [b] = rowsOf(2) as [Indicator];
    expect(a).toBeInstanceOf(Indicator);
    expect(measurement).toBeInstanceOf(Measurement);
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.id).not.toBe(b.id);
    expect(a.version).toBe(1);
    expect(a.createdAt).toBeInstanceOf(Date);
    expect(a.updatedAt).toBe(a.createdAt);
    expect([a.code, a.title, a.weight, a.strategicObjective]).toEqual(['1.1.1', 'Tempo medio di pagamento', 10, null]);
    // a default list is each row's own: one row's categories never show in another's
    expect(a.categories).toEqual([]);
    a.categories.push('x' as never);
    expect(b.categories).toEqual([]);
    // the order newRow always gave: id, version, timestamps, the class's defaults and setters, the values' others
    const keys = Object.keys(a);
    expect(keys.slice(0, 4)).toEqual(['id', 'version', 'createdAt', 'updatedAt']);
    const defaults = Object.keys(new Indicator()).filter(
      (key) => !['id', 'createdAt', 'updatedAt', 'version', 'responsibleUnits'].includes(key),
    );
    expect(keys.filter((key) => defaults.includes(key))).toEqual(defaults);
    expect(keys).not.toContain('responsibleUnits');
  });
});
