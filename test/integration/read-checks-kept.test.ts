/**
 * What every request pays before it runs, kept where it can be (session readcpu, bench/results/2026-12-07.md): the
 * plan's size the price counts (server/http/plan-cost.ts, `planSize`) through a statement built once per plan and
 * tenant filter (server/speed/built-once.ts), and the document's checks and prices once per document and values
 * (server/speed/by-document.ts). The size must stay `em.count`'s under every filter; a pane's read repeated builds
 * no query builder and walks no document with graphql-js's TypeInfo.
 */
import { AbstractSqlDriver } from '@mikro-orm/knex';
import { TypeInfo } from 'graphql';
import { SHEET_SCORES } from '../../addin/src/api/queries';
import type { Access } from '../../server/auth/access';
import { scopeToTenants } from '../../server/auth/tenant-filter';
import { Indicator } from '../../server/entities';
import { planSize } from '../../server/http/plan-cost';
import { databaseNames } from '../helpers/databases';
import { withPlanAndViewer } from '../helpers/synthetic-plan';

const readerOf = (orgIds: string[]) => ({ readableOrgIds: () => orgIds }) as unknown as Access;

describe.each(databaseNames())('the checks a read pays before it runs (%s)', (dialect) => {
  const built = withPlanAndViewer(dialect, 'KEPT', { perspectives: 1, strategic: 2, operational: 2, indicators: 3 });

  afterEach(() => jest.restoreAllMocks());

  it("counts a plan's indicators as em.count does, under each tenant filter", async () => {
    const { server, planId } = built;
    const orgId = (await server.gql(`{ planVersion(id: "${planId}") { organisation { id } } }`)).data.planVersion
      .organisation.id;
    const owner = server.orm.em.fork();
    scopeToTenants(owner, readerOf([orgId]));
    const stranger = server.orm.em.fork();
    scopeToTenants(stranger, readerOf(['00000000-0000-4000-8000-000000000000']));
    const everyone = server.orm.em.fork();
    for (const em of [owner, stranger, everyone])
      for (const plan of [planId, null, '00000000-0000-4000-8000-000000000001']) {
        const expected = await em.count(Indicator, plan ? { plan } : {});
        expect(await planSize(em, plan)).toBe(expected);
      }
    expect(await planSize(owner, planId)).toBe(12);
    expect(await planSize(stranger, planId)).toBe(0);
    // a plan's indicators come and go: counted at each read, the statement kept
    const fresh = server.orm.em.fork();
    const one = await fresh.findOneOrFail(Indicator, { plan: planId }, { filters: false });
    fresh.create(Indicator, {
      org: one.org,
      plan: one.plan,
      operationalObjective: one.operationalObjective,
      code: '9.9.9.9',
      title: 'Azione in più',
      weight: 0,
      position: 99,
    });
    await fresh.flush();
    const statements = jest.spyOn(AbstractSqlDriver.prototype, 'createQueryBuilder');
    expect(await planSize(owner, planId)).toBe(13);
    expect(statements).not.toHaveBeenCalled();
  });

  it("builds no query builder and walks no document for a pane's read asked again", async () => {
    const { planId, viewer } = built;
    const vars = { planId, year: 2022, checkpoint: 'YEAR_END' };
    const first = await viewer.gql(SHEET_SCORES, vars);
    expect(first.errors).toBeUndefined();
    const queries = jest.spyOn(AbstractSqlDriver.prototype, 'createQueryBuilder');
    const walks = jest.spyOn(TypeInfo.prototype, 'enter');
    const again = await viewer.gql(SHEET_SCORES, { ...vars, after: first.data.sheetScores.cursor });
    expect(again.errors).toBeUndefined();
    expect(again.data.sheetScores.rows).toEqual([]);
    expect(queries).not.toHaveBeenCalled();
    expect(walks).not.toHaveBeenCalled();
  });
});
