import { type EntityClass, type EntityMetadata, ReferenceKind } from '@mikro-orm/core';
import type { Access } from '../../server/auth/access';
import { scopeToTenants } from '../../server/auth/tenant-filter';
import { ENTITIES, Indicator, OrgUnit, PlanVersion, Target } from '../../server/entities';
import { readCollection, readRows, readRowsIn } from '../../server/speed/read-rows';
import { databaseNames } from '../helpers/databases';
import { startServer, type TestServer } from '../helpers/server';
import { ok } from '../helpers/sync';
import { buildPlan } from '../helpers/synthetic-plan';
import { buildTenant } from '../helpers/tenant';

/**
 * Read-only rows (server/speed/read-rows.ts) answer the plan tree, the scores and the sheet: they must carry exactly
 * what a managed entity of the same row carries, for every entity (a new one fails here until it has rows in the
 * fixture below and reads alike), and see no more rows than the caller's tenant filter allows.
 */

/** The entities the ORM discovered, without the pivot tables of many-to-many relations it makes up itself. */
function discovered(server: TestServer): EntityMetadata[] {
  return Object.values(server.orm.getMetadata().getAll()).filter(
    (meta) => !meta.pivotTable && !meta.embeddable && !meta.abstract && !meta.virtual,
  );
}

/**
 * What a row holds, property by property, for every property stored in a column: scalars as they are (dates as
 * instants), references as their id. A stored property of another kind (embedded, say) is kept as it is, so a
 * reader that does not convert it fails the comparison.
 */
function contents(meta: EntityMetadata, row: Record<string, any>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const prop of meta.props) {
    // collections live in other tables: read by their own readers (readRowsIn, readCollection), tested below
    if (
      !prop.fieldNames?.length ||
      prop.persist === false ||
      prop.kind === ReferenceKind.MANY_TO_MANY ||
      prop.kind === ReferenceKind.ONE_TO_MANY
    )
      continue;
    const value = row[prop.name];
    if (prop.kind === ReferenceKind.SCALAR)
      out[prop.name] = value instanceof Date ? `date:${value.toISOString()}` : value;
    else if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE)
      out[prop.name] = value == null ? value : `ref:${value.id}`;
    else out[prop.name] = value;
  }
  return out;
}

function scopedTo(orgIds: string[]): Access {
  return { readableOrgIds: () => orgIds } as unknown as Access;
}

describe.each(databaseNames())('read-only rows (%s)', (dialect) => {
  let server: TestServer;
  let planId: string;
  let orgId: string;

  beforeAll(async () => {
    server = await startServer(dialect, { seed: true });
    planId = (await buildPlan(server.orm.em, 'READ', { perspectives: 1, strategic: 2, operational: 2, indicators: 3 }))
      .planId;
    const plan = await server.orm.em.fork().findOneOrFail(PlanVersion, { id: planId });
    orgId = plan.org.id;
    // a row of every other kind: an organisation with everything it can own, a member, a sync batch
    const tenant = await buildTenant(server.gql, 'RR');
    await server.as('viewer', tenant.org);
    ok(
      await server.gql(`mutation($i: SyncBatchInput!) { syncRows(input: $i) { applied } }`, {
        i: {
          planId: tenant.plan,
          year: 2022,
          checkpoint: 'YEAR_END',
          mode: 'PARTIAL',
          batchKey: 'read-rows',
          rows: [{ rowId: tenant.indicator, actual: '106' }],
        },
      }),
    );
  });
  afterAll(() => server.close());

  it('cover every entity the ORM knows', () => {
    expect(
      discovered(server)
        .map((meta) => meta.className)
        .sort(),
    ).toEqual(ENTITIES.map((e) => e.name).sort());
  });

  it.each(ENTITIES.map((e) => [e.name, e as EntityClass<any>] as const))(
    'carry what a managed %s carries, as instances of its class',
    async (_name, entity) => {
      const meta = server.orm.getMetadata().get(entity.name);
      // by the primary key, whichever it is (a plan's commits are keyed by plan and sequence)
      const order = Object.fromEntries(meta.primaryKeys.map((key) => [key, 'asc' as const]));
      const managed = await server.orm.em.fork().find(entity, {}, { orderBy: order });
      const read = await readRows(server.orm.em.fork(), entity, {}, order);
      expect(managed.length).toBeGreaterThan(0);
      expect(read.map((row) => contents(meta, row))).toEqual(managed.map((row) => contents(meta, row)));
      for (const row of read) expect(row).toBeInstanceOf(entity);
    },
  );

  it('read by a list of ids or parents the same rows as em.find', async () => {
    const indicators = await server.orm.em.fork().find(Indicator, { plan: planId }, { orderBy: { id: 'asc' } });
    const ids = indicators.map((i) => i.id);
    const targets = await server.orm.em
      .fork()
      .find(Target, { indicator: { $in: ids } }, { orderBy: { year: 'asc', id: 'asc' } });
    const read = await readRowsIn(server.orm.em.fork(), Target, 'indicator', ids, { year: 'asc', id: 'asc' });
    expect(read.map((t) => t.id)).toEqual(targets.map((t) => t.id));
    expect(read.length).toBe(3 * ids.length);
    expect(
      (await readRowsIn(server.orm.em.fork(), Indicator, 'id', ids.slice(0, 2), { id: 'asc' })).map((i) => i.id),
    ).toEqual(ids.slice(0, 2));
    expect(await readRowsIn(server.orm.em.fork(), Indicator, 'id', [])).toEqual([]);
  });

  it('read a many-to-many collection as em.populate does', async () => {
    const em = server.orm.em.fork();
    const indicators = await em.find(Indicator, { plan: planId }, { populate: ['responsibleUnits'] });
    const units = await readCollection<OrgUnit>(
      server.orm.em.fork(),
      Indicator,
      'responsibleUnits',
      indicators.map((i) => i.id),
    );
    for (const indicator of indicators) {
      expect((units.get(indicator.id) ?? []).map((u) => u.name)).toEqual(
        indicator.responsibleUnits.getItems().map((u) => u.name),
      );
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
    expect([...(await readCollection(member, Indicator, 'responsibleUnits', ids)).values()].flat()).toHaveLength(
      ids.length,
    );
  });
});
