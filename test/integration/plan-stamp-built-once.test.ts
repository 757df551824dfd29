/**
 * readPlanStamp (server/services/plan-stamp.ts) builds its statement once per plan and tenant filter, not per read
 * (four reads per sync, each a query builder with the filter applied and turned into SQL: 5 % of a B4 sync on
 * SQLite). The statement kept must still be the one the caller's filter asks for, run on the caller's transaction.
 */
import { SqlEntityManager } from '@mikro-orm/knex';
import type { Access } from '../../server/auth/access';
import { scopeToTenants } from '../../server/auth/tenant-filter';
import { PlanVersion } from '../../server/entities';
import { NotFoundError } from '../../server/errors';
import { readPlanStamp } from '../../server/services/plan-stamp';
import { PLAN_STATEMENTS } from '../../server/speed/built-once';
import { databaseNames } from '../helpers/databases';
import { withServerAnd } from '../helpers/server';

const readerOf = (orgIds: string[]) => ({ readableOrgIds: () => orgIds }) as unknown as Access;

describe.each(databaseNames())('the plan stamp statement (%s)', (dialect) => {
  const context = withServerAnd(dialect, { seed: true }, async (server) => {
    const [plan] = await server.orm.em.fork().find(PlanVersion, {}, { limit: 1, filters: false });
    return { planId: plan.id, orgId: plan.org.id };
  });

  afterEach(() => jest.restoreAllMocks());

  it('is built once for the reads of one plan and filter, and reads the stamp of each moment', async () => {
    const { server, planId, orgId } = context;
    const fork = server.orm.em.fork();
    scopeToTenants(fork, readerOf([orgId]));
    const first = await readPlanStamp(fork, planId);
    const built = jest.spyOn(SqlEntityManager.prototype, 'createQueryBuilder');
    // another request's unit of work with the same filter
    const other = server.orm.em.fork();
    scopeToTenants(other, readerOf([orgId]));
    expect(await readPlanStamp(other, planId)).toEqual(first);
    await server.orm.em.fork().transactional(async (em) => {
      scopeToTenants(em, readerOf([orgId]));
      expect(await readPlanStamp(em, planId)).toEqual(first);
      await em.nativeUpdate(PlanVersion, { id: planId }, { changeCount: first.changeCount + 1 });
      // the transaction's own connection: its uncommitted write is seen
      const moved = await readPlanStamp(em, planId);
      expect(moved.changeCount).toBe(first.changeCount + 1);
      expect(moved.value).not.toBe(first.value);
    });
    expect((await readPlanStamp(fork, planId)).changeCount).toBe(first.changeCount + 1);
    expect(built).not.toHaveBeenCalled();
  });

  it("keeps each tenant filter's own statement: a plan of another organisation is not found", async () => {
    const { server, planId, orgId } = context;
    const owner = server.orm.em.fork();
    scopeToTenants(owner, readerOf([orgId]));
    await readPlanStamp(owner, planId);
    const stranger = server.orm.em.fork();
    scopeToTenants(stranger, readerOf(['00000000-0000-4000-8000-000000000000']));
    await expect(readPlanStamp(stranger, planId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(readPlanStamp(stranger, 'no-such-plan')).rejects.toBeInstanceOf(NotFoundError);
    expect((await readPlanStamp(owner, planId)).planId).toBe(planId);
  });

  it('keeps the statements in use: one read again outlives the ones built after it', async () => {
    const { server, planId, orgId } = context;
    const reader = () => {
      const em = server.orm.em.fork();
      scopeToTenants(em, readerOf([orgId]));
      return em;
    };
    await readPlanStamp(reader(), planId);
    const built = jest.spyOn(SqlEntityManager.prototype, 'createQueryBuilder');
    // as many other plans' statements as the bound (here plans not found: their statements are built and kept all
    // the same), this plan's read again halfway: only the half built since is more recent than it
    for (let n = 1; n <= PLAN_STATEMENTS; n++) {
      if (n === PLAN_STATEMENTS / 2) await readPlanStamp(reader(), planId);
      await expect(readPlanStamp(reader(), `other-plan-${n}`)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(built).toHaveBeenCalledTimes(PLAN_STATEMENTS);
    await readPlanStamp(reader(), planId);
    expect(built).toHaveBeenCalledTimes(PLAN_STATEMENTS);
  });
});
