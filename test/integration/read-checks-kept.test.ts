/**
 * What every request pays before it runs, kept where it can be (session readcpu, bench/results/2026-12-07.md): the
 * plan's size the price counts (server/http/plan-cost.ts, `planSize`) through a statement built once per plan and
 * tenant filter (server/speed/built-once.ts), and the document's checks and prices once per document and values
 * (server/speed/by-document.ts); a delta's deletions (server/sync/sheet-rows.ts) through a statement built once too.
 * A delta read's fields are compiled once per document (server/graphql/delta-read.ts).
 * The count seeks an index of (plan, organisation): on (plan, id) it read every indicator's row for its organisation. The size must stay `em.count`'s under every filter; a pane's read repeated builds
 * no query builder and walks no document with graphql-js's TypeInfo.
 */
import { AbstractSqlDriver } from '@mikro-orm/knex';
import { TypeInfo } from 'graphql';
import { SHEET_ROWS, SHEET_SCORES } from '../../addin/src/api/queries';
import type { Access } from '../../server/auth/access';
import { scopeToTenants } from '../../server/auth/tenant-filter';
import { Indicator } from '../../server/entities';
import { deltaReadsCompiled } from '../../server/graphql/delta-read';
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

  it("counts by the (plan, organisation) index, not each indicator's row", async () => {
    const { server, planId } = built;
    const em = server.orm.em.fork();
    const orgId = (await em.findOneOrFail(Indicator, { plan: planId }, { filters: false })).org.id;
    const owner = server.orm.em.fork();
    scopeToTenants(owner, readerOf([orgId]));
    const ran = jest.spyOn(owner.getDriver().getConnection('read'), 'execute');
    await planSize(owner, planId);
    const [sql, bindings] = ran.mock.calls[0] as [string, unknown[]];
    ran.mockRestore();
    const connection = server.orm.em.getDriver().getConnection('read');
    if (dialect === 'sqlite') {
      const plan = await connection.execute(`explain query plan ${sql}`, bindings, 'all');
      expect(plan.map((step: { detail: string }) => step.detail)).toEqual([
        expect.stringMatching(/USING COVERING INDEX indicator_plan_id_org_id_index/),
      ]);
    } else {
      const indexes = await connection.execute(
        `select indexdef from pg_indexes where tablename = 'indicator' and indexname = 'indicator_plan_id_org_id_index'`,
      );
      expect(indexes).toEqual([{ indexdef: expect.stringMatching(/\(plan_id, org_id\)$/) }]);
    }
  });

  it("builds no query builder and walks no document for a pane's reads asked again", async () => {
    const { planId, viewer } = built;
    const vars = { planId, year: 2022, checkpoint: 'YEAR_END' };
    const first = await viewer.gql(SHEET_SCORES, vars);
    expect(first.errors).toBeUndefined();
    const delta = { ...vars, since: new Date(0).toISOString(), after: null, dashboards: false };
    const rows = await viewer.gql(SHEET_ROWS, delta);
    expect(rows.data.sheetRows.rows.length).toBeGreaterThan(12);
    const compiled = deltaReadsCompiled.count;
    const queries = jest.spyOn(AbstractSqlDriver.prototype, 'createQueryBuilder');
    const walks = jest.spyOn(TypeInfo.prototype, 'enter');
    const again = await viewer.gql(SHEET_SCORES, { ...vars, after: first.data.sheetScores.cursor });
    expect(again.errors).toBeUndefined();
    expect(again.data.sheetScores.rows).toEqual([]);
    // a delta from the cursor and one from another time: the deletions read with each one's time
    const after = await viewer.gql(SHEET_ROWS, { ...delta, since: null, after: rows.data.sheetRows.cursor });
    expect(after.data.sheetRows).toMatchObject({ rows: [], deletedRowIds: [] });
    const since = await viewer.gql(SHEET_ROWS, { ...delta, since: new Date(1).toISOString() });
    expect(since.data.sheetRows.rows).toEqual(rows.data.sheetRows.rows);
    expect(queries).not.toHaveBeenCalled();
    expect(walks).not.toHaveBeenCalled();
    // the delta's fields compiled for the document's first read; a served answer all the same (delta-rows.test)
    expect(deltaReadsCompiled.count).toBe(compiled);
  });
});
