import { byCode } from '../../server/services/code-order';
import { ok } from '../helpers/sync';
import { type Page, walkConnection } from '../helpers/connections';
import { describeOnSondrio } from '../helpers/sondrio-server';

/**
 * Relay cursor connections (issue 19): forwards with first/after and backwards with last/before walk the same
 * stable order; indicators come in the plan's code order by default ("1.2" before "1.10"), audit events newest
 * first; orderBy changes it; totalCount counts every page; a page costs a bounded number of statements.
 */

describeOnSondrio('connections page both ways in a stable order (%s)', (sondrio) => {
  async function walk(list: string, fields: string, args: string, size: number, backwards = false) {
    const data = async (query: string, variables: Record<string, unknown>) =>
      ok(await sondrio.server.gql(query, variables));
    const { nodes, total } = await walkConnection(data, { field: list, args, fields, size, backwards });
    return { seen: nodes, total };
  }

  it('indicators: code order by default, the same backwards, every row once', async () => {
    const forwards = await walk('indicators', 'id code', `filter: { planId: "${sondrio.plan.planId}" }`, 40);
    const codes = forwards.seen.map((n) => n.code as string);
    expect(codes.length).toBe(forwards.total);
    expect(codes.length).toBe(sondrio.plan.rows.filter((r) => r.level === 'INDICATOR').length);
    expect(codes).toEqual([...codes].sort(byCode));
    expect(codes.indexOf('1.1.2')).toBeLessThan(codes.indexOf('1.1.10') === -1 ? Infinity : codes.indexOf('1.1.10'));
    expect(new Set(forwards.seen.map((n) => n.id)).size).toBe(codes.length);
    const backwards = await walk('indicators', 'id code', `filter: { planId: "${sondrio.plan.planId}" }`, 40, true);
    expect(backwards.seen).toEqual(forwards.seen);
  });

  it('indicators: orderBy title descending, and a window between two cursors', async () => {
    const planId = sondrio.plan.planId;
    const all = await walk(
      'indicators',
      'id title',
      `filter: { planId: "${planId}" }, orderBy: { field: TITLE, direction: DESC }`,
      100,
    );
    const titles = all.seen.map((n) => n.title as string);
    expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a, 'it')));
    const page: Page = ok(
      await sondrio.server.gql(
        `query($p: ID!) { indicators(filter: { planId: $p }, first: 10) { edges { cursor node { code } } } }`,
        { p: planId },
      ),
    ).indicators;
    const [a, b] = [page.edges[2].cursor, page.edges[7].cursor];
    const between: Page = ok(
      await sondrio.server.gql(
        `query($p: ID!, $a: String, $b: String) { indicators(filter: { planId: $p }, after: $a, before: $b) { pageInfo { hasNextPage hasPreviousPage } edges { node { code } } } }`,
        { p: planId, a, b },
      ),
    ).indicators;
    expect(between.edges.map((e) => e.node.code)).toEqual(page.edges.slice(3, 7).map((e) => e.node.code));
    expect(between.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
  });

  it('audit events: newest first by default, oldest first on request, the same backwards', async () => {
    // a few changes to have events
    for (const weight of [10, 20, 30]) {
      const row = sondrio.plan.operational('1.1');
      ok(
        await sondrio.server.gql(
          `mutation($id: ID!, $w: Float) { updateOperationalObjective(id: $id, input: { weight: $w }) { id } }`,
          { id: row.rowId, w: weight },
        ),
      );
    }
    const newest = await walk('auditEvents', 'id at', '', 2);
    const at = newest.seen.map((n) => n.at as string);
    expect(at.length).toBe(newest.total);
    expect(at.length).toBeGreaterThanOrEqual(3);
    expect(at).toEqual([...at].sort().reverse());
    const oldest = await walk('auditEvents', 'id at', 'orderBy: { direction: ASC }', 2);
    expect(oldest.seen).toEqual([...newest.seen].reverse());
    expect((await walk('auditEvents', 'id at', '', 2, true)).seen).toEqual(newest.seen);
  });

  it('measurements: by period, the same backwards', async () => {
    const forwards = await walk('measurements', 'id year checkpoint', '', 7);
    expect(forwards.seen.length).toBe(forwards.total);
    const periods = forwards.seen.map((n) => `${n.year} ${n.checkpoint}`);
    expect(periods).toEqual([...periods].sort());
    expect((await walk('measurements', 'id year checkpoint', '', 7, true)).seen).toEqual(forwards.seen);
  });

  it('refuses a page over 500 and a cursor it did not give, naming the argument', async () => {
    for (const [args, field] of [
      ['last: 501', 'last'],
      ['first: 501', 'first'],
      ['before: "zzz!"', 'before'],
    ] as const) {
      const r = await sondrio.server.gql(`{ indicators(${args}) { totalCount } }`);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field }] });
    }
  });

  it('reads a page of indicators in a bounded number of statements, whatever the plan size', async () => {
    sondrio.server.statements.length = 0;
    ok(
      await sondrio.server.gql(
        `query($p: ID!) { indicators(filter: { planId: $p }, first: 50) { totalCount edges { node { code title weight } } } }`,
        {
          p: sondrio.plan.planId,
        },
      ),
    );
    // besides the token's look-up: the keys of every matching row, then the page's rows by id
    const paging = sondrio.server.statements.filter((sql) => !sql.includes('api_token'));
    expect(paging).toHaveLength(2);
  });
});
