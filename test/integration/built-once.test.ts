/**
 * BuiltOnce (server/speed/built-once.ts), its contract: the statement it keeps is the one MikroORM's query builder
 * would run (knex's text and values), run on the connection and transaction the query builder would take, giving the
 * same rows; built once per key and tenant filter, never shared between two filters.
 */
import { raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Access } from '../../server/auth/access';
import { scopeToTenants } from '../../server/auth/tenant-filter';
import { openOrm, type Orm } from '../../server/db/orm';
import { Indicator, PlanVersion } from '../../server/entities';
import { BuiltOnce } from '../../server/speed/built-once';
import { databaseFor, databaseNames } from '../helpers/databases';
import { buildPlan } from '../helpers/synthetic-plan';

const readerOf = (orgIds: string[]) => ({ readableOrgIds: () => orgIds }) as unknown as Access;

/** a plan's indicators with a value computed in SQL: a join, a raw fragment, an order and bound values */
const indicatorsOf = (em: SqlEntityManager, planId: string) =>
  em
    .createQueryBuilder(Indicator, 'i')
    .select(['i.id', 'i.code', raw('(select p.label from plan_version p where p.id = i.plan_id) as plan_label')])
    .where({ plan: planId, code: { $ne: 'none' } })
    .orderBy({ code: 'asc' });

describe.each(databaseNames())('a statement built once (%s)', (dialect) => {
  const databases = databaseFor(dialect);
  let orm: Orm;
  const plans: Array<{ planId: string; orgId: string }> = [];
  const readerFor = (orgId: string) => {
    const em = orm.em.fork() as SqlEntityManager;
    scopeToTenants(em, readerOf([orgId]));
    return em;
  };

  beforeAll(async () => {
    orm = await openOrm(await databases.create());
    for (const code of ['ONCE-A', 'ONCE-B']) {
      const { planId } = await buildPlan(orm.em, code, {
        perspectives: 1,
        strategic: 1,
        operational: 1,
        indicators: 3,
      });
      const plan = await orm.em.fork().findOneOrFail(PlanVersion, planId, { filters: false });
      plans.push({ planId, orgId: plan.org.id });
    }
  });

  afterAll(async () => {
    await orm.close(true);
    await databases.dropAll();
  });

  afterEach(() => jest.restoreAllMocks());

  it("is the query builder's own statement, read on its connection, with the same rows", async () => {
    const [{ planId, orgId }] = plans;
    const once = new BuiltOnce(Indicator.name, indicatorsOf, 4);
    const em = readerFor(orgId);
    // every statement run, with the connection that ran it (on SQLite reads go to the reader's connection)
    const ran: Array<{ on: unknown; sql: string; bindings: unknown }> = [];
    const driver = em.getDriver();
    for (const connection of new Set([driver.getConnection('read'), driver.getConnection('write')])) {
      const execute = connection.execute.bind(connection);
      jest.spyOn(connection, 'execute').mockImplementation((sql, bindings, ...rest) => {
        ran.push({ on: connection, sql: sql as string, bindings });
        return execute(sql, bindings, ...rest);
      });
    }
    const qb = indicatorsOf(em, planId);
    await qb.applyFilters();
    const byBuilder = await qb.execute('all', false);
    const rows = await once.read(em, planId);
    const statement = await once.statement(em, planId);
    expect(ran).toHaveLength(2);
    expect(ran[1].on).toBe(ran[0].on);
    expect(ran[1]).toEqual(ran[0]);
    expect(statement).toEqual({ sql: ran[0].sql, bindings: ran[0].bindings });
    // bound as kept, copied once when built: frozen, so no read can change them for the next ones
    expect(ran[1].bindings).toBe(statement.bindings);
    expect(Object.isFrozen(statement.bindings)).toBe(true);
    // the tenant filter is in it: the organisation is among the values bound
    expect(statement.bindings).toEqual(expect.arrayContaining([orgId, planId]));
    expect(rows).toEqual(byBuilder);
    expect(rows.map((r) => r.plan_label)).toEqual(['Piano ONCE-A', 'Piano ONCE-A', 'Piano ONCE-A']);
  });

  it('is built once per key and tenant filter, and never serves another filter', async () => {
    const [a, b] = plans;
    const build = jest.fn(indicatorsOf);
    const once = new BuiltOnce(Indicator.name, build, 4);
    const first = await once.read(readerFor(a.orgId), a.planId);
    expect(await once.read(readerFor(a.orgId), a.planId)).toEqual(first);
    expect(build).toHaveBeenCalledTimes(1);
    // the other organisation's caller: its own statement, and the plan is not there for it
    expect(await once.read(readerFor(b.orgId), a.planId)).toEqual([]);
    expect(await once.read(readerFor(b.orgId), b.planId)).toHaveLength(3);
    // an unfiltered unit of work (a system administrator): its own statement again
    expect(await once.read(orm.em.fork(), a.planId)).toEqual(first);
    expect(build).toHaveBeenCalledTimes(4);
    expect(await once.read(readerFor(a.orgId), a.planId)).toEqual(first);
    expect(build).toHaveBeenCalledTimes(4);
  });

  it('binds a value given at the read where the query builder puts it: its statement with that value', async () => {
    const [{ planId, orgId }] = plans;
    const SINCE = new Date(0);
    const since = (em: SqlEntityManager, at: Date) =>
      em
        .createQueryBuilder(Indicator, 'i')
        .where({ plan: planId, updatedAt: { $gt: at } })
        .orderBy({ code: 'asc' });
    const once = new BuiltOnce(Indicator.name, (em) => since(em, SINCE), 4);
    const em = readerFor(orgId);
    const [newest] = await em.find(Indicator, { plan: planId }, { orderBy: { updatedAt: 'desc' }, limit: 1 });
    for (const at of [new Date(0), new Date(newest.updatedAt.getTime() - 1), newest.updatedAt, new Date()]) {
      const qb = since(em, at);
      await qb.applyFilters();
      const byBuilder = await qb.execute('all', false);
      const { sql, bindings } = qb.getKnexQuery().toSQL();
      const ran = jest.spyOn(em.getDriver().getConnection('read'), 'execute');
      const rows = await once.read(em, planId, new Map([[SINCE, at]]));
      expect(ran.mock.calls[0].slice(0, 2)).toEqual([sql, bindings]);
      expect(ran.mock.calls[0][1]).toContain(at);
      ran.mockRestore();
      expect(rows).toEqual(byBuilder);
    }
    expect(await once.read(em, planId, new Map([[SINCE, new Date(0)]]))).toHaveLength(3);
    // the value it was built with is never read again, and a value it cannot place is an error, not a silent read
    expect((await once.statement(em, planId)).bindings).toContain(SINCE);
    await expect(once.read(em, planId, new Map([[new Date(0), new Date()]]))).rejects.toThrow(/not among/);
  });

  it("reads inside the caller's transaction, its uncommitted writes included", async () => {
    const [{ planId, orgId }] = plans;
    const once = new BuiltOnce(Indicator.name, indicatorsOf, 4);
    await once.read(readerFor(orgId), planId);
    await readerFor(orgId)
      .transactional(async (tx) => {
        const [first] = await once.read(tx, planId);
        await tx.nativeUpdate(Indicator, { id: first.id as string }, { code: '0.first' });
        expect((await once.read(tx, planId))[0]).toMatchObject({ id: first.id, code: '0.first' });
        throw new Error('rolled back');
      })
      .catch((error: Error) => expect(error.message).toBe('rolled back'));
    expect((await once.read(readerFor(orgId), planId)).map((r) => r.code)).not.toContain('0.first');
  });
});
