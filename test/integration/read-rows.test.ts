import { type EntityClass, ReferenceKind } from '@mikro-orm/core';
import { Access } from '../../server/auth/access';
import { scopeToTenants } from '../../server/auth/tenant-filter';
import { Role } from '../../server/domain/roles';
import { readCollection, readRows, readRowsIn } from '../../server/db/read-rows';
import {
  Indicator, Measurement, OperationalObjective, OrgUnit, Perspective, PlanCycle, PlanVersion, ScoringProfile, StrategicObjective,
  Target, TargetRevision,
} from '../../server/entities';
import { databaseNames } from '../helpers/databases';
import { startServer, type TestServer } from '../helpers/server';
import { buildPlan } from '../helpers/synthetic-plan';

/**
 * Read-only rows (server/db/read-rows.ts) answer the plan tree and the scores: they must carry exactly what a
 * managed entity of the same row carries, and see no more rows than the caller's tenant filter allows.
 */
const ENTITIES: EntityClass<any>[] = [
  PlanCycle, PlanVersion, ScoringProfile, Perspective, StrategicObjective, OperationalObjective, Indicator, Target, TargetRevision,
  Measurement, OrgUnit,
];

/** What a row holds, property by property: scalars as they are (dates as instants), references as their id. */
function contents(server: TestServer, entity: EntityClass<any>, row: Record<string, any>): Record<string, unknown> {
  const meta = server.orm.getMetadata().get(entity.name);
  const out: Record<string, unknown> = {};
  for (const prop of meta.props) {
    if (!prop.fieldNames?.length) continue;
    const value = row[prop.name];
    if (prop.kind === ReferenceKind.SCALAR) out[prop.name] = value instanceof Date ? `date:${value.toISOString()}` : value;
    else if (prop.kind === ReferenceKind.MANY_TO_ONE) out[prop.name] = value == null ? value : `ref:${value.id}`;
  }
  return out;
}

/** a caller who may read these organisations only */
function scopedTo(orgIds: string[]): Access {
  return new Access(false, orgIds.map((orgId) => ({ orgId, role: Role.VIEWER, unitIds: [] })));
}

describe.each(databaseNames())('read-only rows (%s)', (dialect) => {
  let server: TestServer;
  let planId: string;
  let orgId: string;

  beforeAll(async () => {
    server = await startServer(dialect, { seed: true });
    planId = (await buildPlan(server.orm.em, 'READ', { perspectives: 1, strategic: 2, operational: 2, indicators: 3 })).planId;
    const plan = await server.orm.em.fork().findOneOrFail(PlanVersion, { id: planId });
    orgId = plan.org.id;
  }, 120_000);
  afterAll(() => server.close());

  it.each(ENTITIES.map((e) => [e.name, e] as const))('carry what a managed %s carries, as instances of its class', async (_name, entity) => {
    const managed = await server.orm.em.fork().find(entity, {}, { orderBy: { id: 'asc' } });
    const read = await readRows(server.orm.em.fork(), entity, {}, { id: 'asc' });
    expect(managed.length).toBeGreaterThan(0);
    expect(read.map((row) => contents(server, entity, row))).toEqual(managed.map((row) => contents(server, entity, row)));
    for (const row of read) expect(row).toBeInstanceOf(entity);
  });

  it('read by a list of ids or parents the same rows as em.find', async () => {
    const indicators = await server.orm.em.fork().find(Indicator, { plan: planId }, { orderBy: { id: 'asc' } });
    const ids = indicators.map((i) => i.id);
    const targets = await server.orm.em.fork().find(Target, { indicator: { $in: ids } }, { orderBy: { year: 'asc', id: 'asc' } });
    const read = await readRowsIn(server.orm.em.fork(), Target, 'indicator', ids, { year: 'asc', id: 'asc' });
    expect(read.map((t) => t.id)).toEqual(targets.map((t) => t.id));
    expect(read.length).toBe(3 * ids.length);
    expect((await readRowsIn(server.orm.em.fork(), Indicator, 'id', ids.slice(0, 2), { id: 'asc' })).map((i) => i.id)).toEqual(ids.slice(0, 2));
    expect(await readRowsIn(server.orm.em.fork(), Indicator, 'id', [])).toEqual([]);
  });

  it('read a many-to-many collection as em.populate does', async () => {
    const em = server.orm.em.fork();
    const indicators = await em.find(Indicator, { plan: planId }, { populate: ['responsibleUnits'] });
    const units = await readCollection<OrgUnit>(server.orm.em.fork(), Indicator, 'responsibleUnits', indicators.map((i) => i.id));
    for (const indicator of indicators) {
      expect((units.get(indicator.id) ?? []).map((u) => u.name)).toEqual(indicator.responsibleUnits.getItems().map((u) => u.name));
    }
    expect([...units.values()].flat()).toHaveLength(indicators.length);
  });

  it('see only the rows of the organisations the caller may read', async () => {
    const stranger = server.orm.em.fork();
    scopeToTenants(stranger, scopedTo(['00000000-0000-0000-0000-000000000000']));
    const member = server.orm.em.fork();
    scopeToTenants(member, scopedTo([orgId]));
    const ids = (await server.orm.em.fork().find(Indicator, { plan: planId })).map((i) => i.id);

    expect(await readRows(stranger, Indicator, { plan: planId })).toEqual([]);
    expect(await readRowsIn(stranger, Indicator, 'id', ids)).toEqual([]);
    expect([...(await readCollection(stranger, Indicator, 'responsibleUnits', ids)).values()].flat()).toEqual([]);

    expect(await readRows(member, Indicator, { plan: planId })).toHaveLength(ids.length);
    expect(await readRowsIn(member, Indicator, 'id', ids)).toHaveLength(ids.length);
    expect([...(await readCollection(member, Indicator, 'responsibleUnits', ids)).values()].flat()).toHaveLength(ids.length);
  });
});
