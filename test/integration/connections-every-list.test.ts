import { byCode } from '../../server/services/code-order';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { ok, syncActuals } from '../helpers/sync';
import { walkConnection } from '../helpers/connections';

/**
 * Every list that grows has its Relay connection beside the plain list it replaces (issue 19): on the Sondrio plan,
 * each connection walked forwards in small pages gives every row of the plain list once, backwards the same rows,
 * `totalCount` counts them all, and a page costs the same few statements whatever the list's length.
 */

describeOnSondrio('every list that grows pages as a Relay connection (%s)', (sondrio) => {
  const plan = () => sondrio.plan.planId;
  const gql = async (query: string, variables: Record<string, unknown> = {}) =>
    ok(await sondrio.server.gql(query, variables));

  /** The connection at `path` (its field, under `parent` when nested), every page of `size`, one way. */
  async function walk(field: string, args: string, size: number, backwards: boolean, parent?: string) {
    const { nodes, total } = await walkConnection(gql, { field, args, size, backwards, parent });
    return { ids: nodes.map((r) => r.id as string), total };
  }

  const byPlan = () => `filter: { planId: "${plan()}" }`;
  // connection, its arguments, the plain list's query and where its rows are in the answer
  const cases = (): Array<[string, string, string, (data: any) => Array<{ id: string }>]> => [
    ['targetsConnection', byPlan(), `{ targets(${byPlan()}) { id } }`, (d) => d.targets],
    ['planVersionsConnection', '', '{ planVersions { id } }', (d) => d.planVersions],
    ['planCyclesConnection', '', '{ planCycles { id } }', (d) => d.planCycles],
    ['organisationsConnection', '', '{ organisations { id } }', (d) => d.organisations],
    ['orgUnitsConnection', '', '{ orgUnits { id } }', (d) => d.orgUnits],
    ['peopleConnection', '', '{ people { id } }', (d) => d.people],
    ['perspectivesConnection', byPlan(), `{ perspectives(${byPlan()}) { id } }`, (d) => d.perspectives],
    [
      'strategicObjectivesConnection',
      byPlan(),
      `{ strategicObjectives(${byPlan()}) { id } }`,
      (d) => d.strategicObjectives,
    ],
    [
      'operationalObjectivesConnection',
      byPlan(),
      `{ operationalObjectives(${byPlan()}) { id } }`,
      (d) => d.operationalObjectives,
    ],
    ['targetRevisionsConnection', '', '{ targetRevisions { id } }', (d) => d.targetRevisions],
    ['baselinesConnection', '', '{ baselines { id } }', (d) => d.baselines],
    ['dashboardsConnection', byPlan(), `{ dashboards(${byPlan()}) { id } }`, (d) => d.dashboards],
    ['dashboardEntriesConnection', '', '{ dashboardEntries { id } }', (d) => d.dashboardEntries],
    ['managerAssignmentsConnection', '', '{ managerAssignments { id } }', (d) => d.managerAssignments],
    [
      'usersConnection',
      `organisationId: "${sondrio.plan.orgId}"`,
      `{ users(organisationId: "${sondrio.plan.orgId}") { id } }`,
      (d) => d.users,
    ],
  ];

  it('gives every row of the plain list once, the same backwards, with totalCount', async () => {
    for (const [field, args, plain, rowsOf] of cases()) {
      const expected = rowsOf(await gql(plain)).map((r) => r.id);
      const forwards = await walk(field, args, 7, false);
      expect({ field, ids: [...forwards.ids].sort(), total: forwards.total }).toEqual({
        field,
        ids: [...expected].sort(),
        total: expected.length,
      });
      expect(new Set(forwards.ids).size).toBe(forwards.ids.length);
      const backwards = await walk(field, args, 7, true);
      expect({ field, ids: backwards.ids }).toEqual({ field, ids: forwards.ids });
    }
  });

  it('the rows under one row page like the root list, filtered on their parent', async () => {
    const tree = await gql(
      `{ planVersion(id: "${plan()}") { perspectives { id strategicObjectives { id operationalObjectives { id indicators { id } } } } } }`,
    );
    const perspective = tree.planVersion.perspectives[0];
    const strategic = perspective.strategicObjectives[0];
    const operational = strategic.operationalObjectives.find((o: { indicators: unknown[] }) => o.indicators.length > 2);
    for (const [parent, field, plain] of [
      [`planVersion(id: "${plan()}")`, 'perspectivesConnection', tree.planVersion.perspectives],
      [`perspective(id: "${perspective.id}")`, 'strategicObjectivesConnection', perspective.strategicObjectives],
      [`strategicObjective(id: "${strategic.id}")`, 'operationalObjectivesConnection', strategic.operationalObjectives],
      [`operationalObjective(id: "${operational.id}")`, 'indicatorsConnection', operational.indicators],
    ] as const) {
      const expected = (plain as Array<{ id: string }>).map((r) => r.id).sort();
      const forwards = await walk(field, '', 2, false, parent);
      expect({ field, ids: [...forwards.ids].sort(), total: forwards.total }).toEqual({
        field,
        ids: expected,
        total: expected.length,
      });
      expect((await walk(field, '', 2, true, parent)).ids).toEqual(forwards.ids);
    }
  });

  it("a row's children connection holds only that row's children, and another organisation does not reach it", async () => {
    const id = sondrio.plan.operational('1.1').rowId;
    const query = `{ operationalObjective(id: "${id}") { indicatorsConnection(first: 500) { totalCount edges { node { operationalObjective { id } } } } } }`;
    const page = (await gql(query)).operationalObjective.indicatorsConnection;
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.edges.map((e: any) => e.node.operationalObjective.id)).toEqual(Array(page.totalCount).fill(id));

    const other = ok(
      await sondrio.server.gql(`mutation { createOrganisation(input: { code: "CHILD2", name: "Altro" }) { id } }`),
    );
    const stranger = await sondrio.server.as('admin', other.createOrganisation.id);
    const seen = await stranger.gql(query);
    expect(seen.errors).toBeUndefined();
    expect(seen.data.operationalObjective).toBeNull();
  });

  it('the big lists of the plan are more than a page, so the paging is really walked', async () => {
    const targets = await gql(`{ targetsConnection(${byPlan()}, first: 1) { totalCount } }`);
    expect(targets.targetsConnection.totalCount).toBeGreaterThan(100);
  });

  it('objectives come in code order; orderBy TITLE reorders them', async () => {
    const codes = async (order: string) =>
      (
        await gql(
          `{ operationalObjectivesConnection(${byPlan()}, first: 500${order}) { edges { node { code title } } } }`,
        )
      ).operationalObjectivesConnection.edges.map((e: { node: { code: string; title: string } }) => e.node);
    const byCodeOrder = await codes('');
    expect(byCodeOrder.map((n: { code: string }) => n.code)).toEqual(
      byCodeOrder.map((n: { code: string }) => n.code).sort(byCode),
    );
    const titles = (await codes(', orderBy: { field: TITLE, direction: DESC }')).map((n: { title: string }) => n.title);
    expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a, 'it')));
  });

  it('targets come by year and checkpoint, newest first on request', async () => {
    const periods = async (order: string) =>
      (
        await gql(`{ targetsConnection(${byPlan()}, first: 500${order}) { edges { node { year checkpoint } } } }`)
      ).targetsConnection.edges.map((e: { node: { year: number; checkpoint: string } }) => e.node.year);
    const up = await periods('');
    expect(up).toEqual([...up].sort());
    const down = await periods(', orderBy: { field: PERIOD, direction: DESC }');
    expect(down).toEqual([...up].reverse());
  });

  it('report rows, lint findings and a row history page like the rest', async () => {
    const report = `report(planId: "${plan()}", year: 2022)`;
    const plainRows = (await gql(`{ ${report} { rows { id level } } }`)).report.rows;
    const rows = await walk('rowsConnection', '', 9, false, report);
    expect(rows.ids).toEqual(plainRows.map((r: { id: string }) => r.id));
    expect((await walk('rowsConnection', '', 9, true, report)).ids).toEqual(rows.ids);
    // the document's order backwards: the rows by their place in it, last first
    const downwards = await walk('rowsConnection', 'orderBy: { field: POSITION, direction: DESC }', 9, false, report);
    expect(downwards.ids).toEqual([...rows.ids].reverse());

    const lint = (await gql(`{ planLint(planId: "${plan()}") { subjectId } }`)).planLint;
    const paged = await gql(
      `{ planLintConnection(planId: "${plan()}", first: 500) { totalCount edges { node { subjectId } } } }`,
    );
    expect(paged.planLintConnection.edges.map((e: { node: unknown }) => e.node)).toEqual(lint);
    expect(paged.planLintConnection.totalCount).toBe(lint.length);

    const row = sondrio.plan.operational('1.1');
    await gql(`mutation($id: ID!) { updateOperationalObjective(id: $id, input: { weight: 11 }) { id } }`, {
      id: row.rowId,
    });
    const history = await rowHistories(row.rowId!);
    expect(history.whole.length).toBeGreaterThan(0);
    expect(history.paged).toEqual(history.whole);
  });

  it("a row's history pages like the whole: an indicator's with its actual's events, an unknown row's not found", async () => {
    const row = sondrio.plan.indicator('1.1.1');
    await syncActuals(sondrio.server, sondrio.plan, { '1.1.1': '12' });
    const history = await rowHistories(row.rowId!);
    expect(history.whole.map((e) => e.entityType)).toContain('Measurement');
    expect(history.paged).toEqual(history.whole);

    const unknown = `rowId: "00000000-0000-4000-8000-000000000000", planId: "${plan()}", year: 2022`;
    for (const query of [`{ rowHistory(${unknown}) { at } }`, `{ rowHistoryConnection(${unknown}) { totalCount } }`])
      expect((await sondrio.server.gql(query)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  /** A row's history read whole (`rowHistory`) and as one page of `rowHistoryConnection`. */
  async function rowHistories(rowId: string) {
    const args = `rowId: "${rowId}", planId: "${plan()}", year: 2022`;
    const fields = 'entityType at action';
    const whole: Array<{ entityType: string }> = (await gql(`{ rowHistory(${args}) { ${fields} } }`)).rowHistory;
    const paged = await gql(`{ rowHistoryConnection(${args}, first: 500) { edges { node { ${fields} } } } }`);
    return { whole, paged: paged.rowHistoryConnection.edges.map((e: { node: unknown }) => e.node) };
  }

  it('a connection over a whole-plan computation counts as one, like the list it pages', async () => {
    const lint = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `l${i}: planLintConnection(planId: "${plan()}", first: 1) { totalCount }`).join(' ')} }`;
    const five = await sondrio.server.gql(lint(5));
    expect(five.errors?.[0].message).toMatch(/At most 4 plan-wide computations/);
    expect((await sondrio.server.gql(lint(4))).errors).toBeUndefined();
  });

  it('reads a page of targets or objectives in a bounded number of statements', async () => {
    for (const [query, most] of [
      // a page and its count, in SQL
      [`{ targetsConnection(${byPlan()}, first: 50) { totalCount edges { node { id year } } } }`, 2],
      // the keys of every matching row, then the page's rows by id
      [`{ operationalObjectivesConnection(${byPlan()}, first: 50) { totalCount edges { node { id code } } } }`, 2],
    ] as const) {
      sondrio.server.statements.length = 0;
      await gql(query);
      expect(sondrio.server.statements.filter((sql) => !sql.includes('api_token')).length).toBeLessThanOrEqual(most);
    }
  });
});
