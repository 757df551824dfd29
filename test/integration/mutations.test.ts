import { AuditEvent, Measurement, Perspective } from '../../server/entities';
import { databaseNames } from '../helpers/databases';
import { type GraphQLResponse, startServer, type TestServer } from '../helpers/server';
import { thresholdsAt80And60 } from '../helpers/indicator-cells';

function problems(result: GraphQLResponse): Array<{ field: string; code: string; message: string }> {
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
  // every problem says it in Italian too (test/integration/errors-italian.test.ts scans the words); compared here
  // without it, so the English shapes below stay the contract they were
  const all = result.errors![0].extensions!.problems as Array<{ messageIt?: string }>;
  for (const p of all) expect(p.messageIt).toEqual(expect.any(String));
  return all.map(({ messageIt: _it, ...p }) => p) as Array<{ field: string; code: string; message: string }>;
}

function ok<T = any>(result: GraphQLResponse<T>): T {
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

describe.each(databaseNames())('create, update and delete over GraphQL (%s)', (dialect) => {
  let server: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer(dialect);
    const org = ok(
      await server.gql(`mutation { createOrganisation(input: { name: "CCIAA di Prova", code: "CCIAA-PR" }) { id } }`),
    );
    ids.org = org.createOrganisation.id;
    const other = ok(
      await server.gql(`mutation { createOrganisation(input: { name: "Altro ente", code: "ALTRO" }) { id } }`),
    );
    ids.otherOrg = other.createOrganisation.id;
    const unit = ok(
      await server.gql(
        `mutation($org: ID!) { createOrgUnit(input: { organisationId: $org, name: "U.O. Digitalizzazione", type: UO }) { id } }`,
        { org: ids.org },
      ),
    );
    ids.unit = unit.createOrgUnit.id;
    const foreignUnit = ok(
      await server.gql(
        `mutation($org: ID!) { createOrgUnit(input: { organisationId: $org, name: "U.O. altrui", type: UO }) { id } }`,
        { org: ids.otherOrg },
      ),
    );
    ids.foreignUnit = foreignUnit.createOrgUnit.id;
    const cycle = ok(
      await server.gql(
        `mutation($org: ID!) { createPlanCycle(input: { organisationId: $org, name: "2022-2024", firstYear: 2022, years: [2022, 2023, 2024] }) { id } }`,
        { org: ids.org },
      ),
    );
    const plan = ok(
      await server.gql(
        `mutation($cycle: ID!) { createPlanVersion(input: { cycleId: $cycle, revision: 0, label: "REV. 0", adoptingAct: "Delibera di Giunta n. 2", actDate: "2022-01-25" }) { id status } }`,
        { cycle: cycle.createPlanCycle.id },
      ),
    );
    expect(plan.createPlanVersion.status).toBe('DRAFT');
    ids.plan = plan.createPlanVersion.id;
    const perspective = ok(
      await server.gql(
        `mutation($plan: ID!) { createPerspective(input: { planId: $plan, name: "Processi", position: 1 }) { id } }`,
        { plan: ids.plan },
      ),
    );
    ids.perspective = perspective.createPerspective.id;
    const so = ok(
      await server.gql(
        `mutation($p: ID!) { createStrategicObjective(input: { perspectiveId: $p, code: "3", title: "La qualità dei processi", passMark: 0.8 }) { id plan { id } } }`,
        { p: ids.perspective },
      ),
    );
    expect(so.createStrategicObjective.plan.id).toBe(ids.plan);
    ids.so = so.createStrategicObjective.id;
    const oo = ok(
      await server.gql(
        `mutation($so: ID!, $unit: ID!) { createOperationalObjective(input: { strategicObjectiveId: $so, code: "3.1", title: "Tempi dei pagamenti", weight: 20, responsibleUnitIds: [$unit] }) { id responsibleUnits { id } } }`,
        { so: ids.so, unit: ids.unit },
      ),
    );
    expect(oo.createOperationalObjective.responsibleUnits).toEqual([{ id: ids.unit }]);
    ids.oo = oo.createOperationalObjective.id;
    const indicator = ok(
      await server.gql(
        `mutation($oo: ID!) { createIndicator(input: { operationalObjectiveId: $oo, code: "3.1.1", title: "Indice di tempestività dei pagamenti", polarity: LOWER, weight: 100, unit: "days" }) { id version } }`,
        { oo: ids.oo },
      ),
    );
    ids.indicator = indicator.createIndicator.id;
    expect(indicator.createIndicator.version).toBe(1);
  });
  afterAll(() => server.close());

  it('parses a target typed as text, keeps the raw string, and appends revisions without overwriting', async () => {
    const created = ok(
      await server.gql(
        `mutation($i: ID!) { createTarget(input: { indicatorId: $i, year: 2022, value: "20", thresholds: [{ value: "25", score: 0.8 }, { value: "29", score: 0.6 }] }) {
        id checkpoint effective { seq kind value { raw number unit } } thresholds { score value { raw number } } } }`,
        { i: ids.indicator },
      ),
    );
    const target = created.createTarget;
    expect(target.checkpoint).toBe('YEAR_END');
    expect(target.effective).toEqual({ seq: 0, kind: 'ORIGINAL', value: { raw: '20', number: 20, unit: 'days' } });
    expect(target.thresholds).toEqual(thresholdsAt80And60({ raw: '25', number: 25 }, { raw: '29', number: 29 }));

    const revised = ok(
      await server.gql(
        `mutation($t: ID!) { createTargetRevision(input: { targetId: $t, value: "18", adoptingAct: "Delibera n. 40", note: "nuova previsione" }) { seq kind value { raw number } } }`,
        { t: target.id },
      ),
    );
    expect(revised.createTargetRevision).toEqual({ seq: 1, kind: 'REVISED', value: { raw: '18', number: 18 } });
    const read = ok(
      await server.gql(
        `query($t: ID!) { target(id: $t) { effective { value { raw } } original { value { raw } } revisions { seq kind } } }`,
        { t: target.id },
      ),
    );
    expect(read.target).toEqual({
      effective: { value: { raw: '18' } },
      original: { value: { raw: '20' } },
      revisions: [
        { seq: 0, kind: 'ORIGINAL' },
        { seq: 1, kind: 'REVISED' },
      ],
    });
  });

  it('refuses a second target for the same indicator, year and checkpoint', async () => {
    const again = await server.gql(
      `mutation($i: ID!) { createTarget(input: { indicatorId: $i, year: 2022, value: "21" }) { id } }`,
      { i: ids.indicator },
    );
    expect(problems(again)[0]).toMatchObject({ code: 'DUPLICATE' });
  });

  it('names the field and the reason of invalid input, without echoing the input back', async () => {
    const marker = 'MARKER-NOT-TO-BE-ECHOED';
    const result = await server.gql(
      `mutation($plan: ID!, $code: String) { createPerspective(input: { planId: $plan, name: "", code: $code }) { id } }`,
      { plan: ids.plan, code: marker },
    );
    expect(problems(result)).toEqual([
      { field: 'name', code: 'isLength', message: expect.stringContaining('name must be longer than or equal to 1') },
    ]);
    expect(JSON.stringify(result)).not.toContain(marker);
    expect(JSON.stringify(result)).not.toMatch(/stack|at .*\.ts:\d+/);
  });

  it('rejects negative weights, out-of-range scores and overlong text by field', async () => {
    const weight = await server.gql(
      `mutation($oo: ID!) { createIndicator(input: { operationalObjectiveId: $oo, code: "x", title: "x", weight: -5 }) { id } }`,
      { oo: ids.oo },
    );
    expect(problems(weight)).toEqual([{ field: 'weight', code: 'min', message: 'must not be negative' }]);
    const score = await server.gql(
      `mutation($i: ID!) { createTarget(input: { indicatorId: $i, year: 2023, value: "19", thresholds: [{ value: "25", score: 1.5 }] }) { id } }`,
      { i: ids.indicator },
    );
    expect(problems(score)).toEqual([{ field: 'thresholds.0.score', code: 'max', message: 'must be between 0 and 1' }]);
    const title = await server.gql(
      `mutation($oo: ID!, $t: String!) { createIndicator(input: { operationalObjectiveId: $oo, code: "x", title: $t }) { id } }`,
      { oo: ids.oo, t: 'x'.repeat(5000) },
    );
    expect(problems(title)[0]).toMatchObject({ field: 'title', code: 'isLength' });
    // an edit may leave the title out, not empty it
    const emptied = await server.gql(`mutation($i: ID!) { updateIndicator(id: $i, input: { title: "" }) { id } }`, {
      i: ids.indicator,
    });
    expect(problems(emptied)[0]).toMatchObject({ field: 'title', code: 'isLength' });
    const unnamed = await server.gql(`mutation($p: ID!) { createProject(input: { planId: $p, name: "" }) { id } }`, {
      p: ids.plan,
    });
    expect(problems(unnamed)[0]).toMatchObject({ field: 'name', code: 'isLength' });
    // an activity's place is checked as a project's (PortfolioRowFields): 0 or more, before the project is looked up
    const placed = await server.gql(
      `mutation($p: ID!) { createActivity(input: { projectId: $p, name: "Attività", position: -1 }) { id } }`,
      { p: ids.plan },
    );
    expect(problems(placed)).toEqual([{ field: 'position', code: 'min', message: 'position must not be less than 0' }]);
    const date = await server.gql(
      `mutation($i: ID!) { updateIndicator(id: $i, input: { replacedOn: "31/02/2022" }) { id } }`,
      { i: ids.indicator },
    );
    expect(problems(date)).toEqual([
      {
        field: 'replacedOn',
        code: 'INVALID_DATE',
        message: 'must be a date written YYYY-MM-DD',
      },
    ]);
    expect(date.errors![0].extensions!.problems).toEqual([
      expect.objectContaining({ messageIt: 'deve essere una data scritta AAAA-MM-GG' }),
    ]);
    // the lists: at most 50 responsible units or people, at most 100 budget lines of at most 300 characters each
    const lists = await server.gql(
      `mutation($oo: ID!, $units: [ID!], $lines: [String!]) { updateOperationalObjective(id: $oo, input: { responsibleUnitIds: $units, budgetLines: $lines }) { id } }`,
      { oo: ids.oo, units: Array(51).fill(ids.unit), lines: ['x'.repeat(301)] },
    );
    expect(problems(lists).map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'budgetLines', code: 'maxLength' },
      { field: 'responsibleUnitIds', code: 'arrayMaxSize' },
    ]);
  });

  it('reports an unknown id as NOT_FOUND on the field that named it, and another tenant’s id the same way', async () => {
    const unknown = await server.gql(
      `mutation { createStrategicObjective(input: { perspectiveId: "00000000-0000-0000-0000-000000000000", code: "9", title: "x" }) { id } }`,
    );
    expect(problems(unknown)).toEqual([
      {
        field: 'perspectiveId',
        code: 'NOT_FOUND',
        message: 'no Perspective with id "00000000-0000-0000-0000-000000000000"',
      },
    ]);
    const foreign = await server.gql(
      `mutation($so: ID!, $u: ID!) { createOperationalObjective(input: { strategicObjectiveId: $so, code: "3.9", title: "x", responsibleUnitIds: [$u] }) { id } }`,
      { so: ids.so, u: ids.foreignUnit },
    );
    expect(problems(foreign)).toEqual([
      { field: 'responsibleUnitIds', code: 'NOT_FOUND', message: `no OrgUnit with id "${ids.foreignUnit}"` },
    ]);
    const r = ok(
      await server.gql(`query($plan: ID!) { operationalObjectives(filter: { planId: $plan }) { code } }`, {
        plan: ids.plan,
      }),
    );
    expect(r.operationalObjectives).toEqual([{ code: '3.1' }]);
  });

  it('refuses an indicator hung from two objectives', async () => {
    const both = await server.gql(
      `mutation($oo: ID!, $so: ID!) { createIndicator(input: { operationalObjectiveId: $oo, strategicObjectiveId: $so, code: "y", title: "y" }) { id } }`,
      { oo: ids.oo, so: ids.so },
    );
    expect(problems(both)).toEqual([
      {
        field: 'strategicObjectiveId',
        code: 'ONE_PARENT',
        message: 'give either operationalObjectiveId or strategicObjectiveId, not both',
      },
    ]);
  });

  it('writes nothing when a measurement is refused: no row, no audit event', async () => {
    const em = server.orm.em.fork();
    const before = { measurements: await em.count(Measurement, {}), events: await em.count(AuditEvent, {}) };
    const refused = await server.gql(
      `mutation($i: ID!) { createMeasurement(input: { indicatorId: $i, year: 2022, value: "27", neutralised: true }) { id } }`,
      { i: ids.indicator },
    );
    expect(problems(refused)).toEqual([
      {
        field: 'neutralisationReason',
        code: 'NEUTRALISATION_REASON_MISSING',
        message: 'a neutralised indicator needs a reason',
      },
    ]);
    const manual = await server.gql(
      `mutation($i: ID!) { createMeasurement(input: { indicatorId: $i, year: 2022, manualScore: 0.75 }) { id } }`,
      { i: ids.indicator },
    );
    expect(problems(manual)[0]).toMatchObject({ field: 'manualJustification', code: 'MANUAL_JUSTIFICATION_MISSING' });
    const fork = server.orm.em.fork();
    expect({ measurements: await fork.count(Measurement, {}), events: await fork.count(AuditEvent, {}) }).toEqual(
      before,
    );
  });

  it('records an actual as typed and refuses a stale update as a conflict, naming the current version', async () => {
    const created = ok(
      await server.gql(
        `mutation($i: ID!) { createMeasurement(input: { indicatorId: $i, year: 2022, value: "27,5 gg", note: "dato di Ragioneria", author: "m.rossi" }) { id version value { raw number unit } } }`,
        { i: ids.indicator },
      ),
    );
    const m = created.createMeasurement;
    expect(m.value).toEqual({ raw: '27,5 gg', number: 27.5, unit: 'days' });
    const updated = ok(
      await server.gql(
        `mutation($id: ID!) { updateMeasurement(id: $id, expectedVersion: 1, input: { value: "26" }) { version value { raw number } } }`,
        { id: m.id },
      ),
    );
    expect(updated.updateMeasurement).toEqual({ version: 2, value: { raw: '26', number: 26 } });
    const stale = await server.gql(
      `mutation($id: ID!) { updateMeasurement(id: $id, expectedVersion: 1, input: { value: "30" }) { version } }`,
      { id: m.id },
    );
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, currentVersion: 2 });
    const read = ok(
      await server.gql(`query($id: ID!) { measurement(id: $id) { version value { raw } } }`, { id: m.id }),
    );
    expect(read.measurement).toEqual({ version: 2, value: { raw: '26' } });
  });

  it('keeps an audit trail of every change with before and after', async () => {
    ok(
      await server.gql(`mutation($i: ID!) { updateIndicator(id: $i, input: { weight: 80 }) { weight } }`, {
        i: ids.indicator,
      }),
    );
    const history = ok(
      await server.gql(
        `query($i: ID!) { auditEvents(filter: { entityId: $i }) { totalCount edges { node { action source entityType before after } } } }`,
        { i: ids.indicator },
      ),
    );
    const events = history.auditEvents.edges.map((e: { node: any }) => e.node);
    expect(events.map((e: { action: string }) => e.action)).toEqual(['UPDATE', 'CREATE']);
    expect(events[0]).toMatchObject({
      source: 'GRAPHQL',
      entityType: 'Indicator',
      before: { weight: 100 },
      after: { weight: 80 },
    });
    expect(events[1].before).toBeNull();
    expect(events[1].after).toMatchObject({ code: '3.1.1', weight: 100, polarity: 'lower' });
  });

  it('clears an optional field with null but refuses null for a required one', async () => {
    const cleared = ok(
      await server.gql(`mutation($i: ID!) { updateIndicator(id: $i, input: { unit: null }) { unit } }`, {
        i: ids.indicator,
      }),
    );
    expect(cleared.updateIndicator.unit).toBeNull();
    const required = await server.gql(
      `mutation($i: ID!) { updateIndicator(id: $i, input: { title: null }) { title } }`,
      { i: ids.indicator },
    );
    expect(problems(required)).toEqual([{ field: 'title', code: 'REQUIRED', message: 'may not be null' }]);
  });

  it('pages long lists as Relay connections', async () => {
    for (let n = 2; n <= 5; n++) {
      ok(
        await server.gql(
          `mutation($oo: ID!, $c: String!) { createIndicator(input: { operationalObjectiveId: $oo, code: $c, title: "Azione", position: ${n} }) { id } }`,
          { oo: ids.oo, c: `3.1.${n}` },
        ),
      );
    }
    const page = (after: string | null) =>
      server.gql(
        `query($plan: ID!, $after: String) { indicators(filter: { planId: $plan }, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }`,
        { plan: ids.plan, after },
      );
    const first = ok(await page(null)).indicators;
    expect(first.totalCount).toBe(5);
    expect(first.edges.map((e: any) => e.node.code)).toEqual(['3.1.1', '3.1.2']);
    const second = ok(await page(first.pageInfo.endCursor)).indicators;
    expect(second.edges.map((e: any) => e.node.code)).toEqual(['3.1.3', '3.1.4']);
    const third = ok(await page(second.pageInfo.endCursor)).indicators;
    expect(third.edges.map((e: any) => e.node.code)).toEqual(['3.1.5']);
    expect(third.pageInfo.hasNextPage).toBe(false);
    // `first` as a variable: a literal one this large is refused earlier by the cost limit (security-abuse.test.ts)
    const tooMany = await server.gql(`query($first: Int!) { indicators(first: $first) { totalCount } }`, {
      first: 100000,
    });
    expect(problems(tooMany)).toEqual([{ field: 'first', code: 'OUT_OF_RANGE', message: 'must be between 0 and 500' }]);
  });

  it('filters by plan, unit and code', async () => {
    const byUnit = ok(
      await server.gql(`query($u: ID!) { operationalObjectives(filter: { unitId: $u }) { code } }`, { u: ids.unit }),
    );
    expect(byUnit.operationalObjectives).toEqual([{ code: '3.1' }]);
    const byCode = ok(
      await server.gql(
        `query($plan: ID!) { indicators(filter: { planId: $plan, code: "3.1.4" }) { edges { node { code } } } }`,
        { plan: ids.plan },
      ),
    );
    expect(byCode.indicators.edges).toEqual([{ node: { code: '3.1.4' } }]);
    const byYear = ok(
      await server.gql(`query($i: ID!) { targets(filter: { indicatorId: $i, year: 2022 }) { year } }`, {
        i: ids.indicator,
      }),
    );
    expect(byYear.targets).toEqual([{ year: 2022 }]);
  });

  it('deletes a row with dependents only when asked to cascade', async () => {
    const refused = await server.gql(`mutation($p: ID!) { deletePerspective(id: $p) { deleted } }`, {
      p: ids.perspective,
    });
    expect(problems(refused)).toEqual([
      {
        field: 'cascade',
        code: 'HAS_DEPENDENTS',
        message: 'deleting it would also delete 1 StrategicObjective; pass cascade: true to confirm',
      },
    ]);
    expect(await server.orm.em.fork().count(Perspective, { id: ids.perspective })).toBe(1);
    const deleted = ok(
      await server.gql(`mutation($p: ID!) { deletePerspective(id: $p, cascade: true) { id deleted } }`, {
        p: ids.perspective,
      }),
    );
    expect(deleted.deletePerspective).toEqual({ id: ids.perspective, deleted: true });
    const left = ok(
      await server.gql(
        `query($plan: ID!) { indicators(filter: { planId: $plan }) { totalCount } strategicObjectives(filter: { planId: $plan }) { id } }`,
        { plan: ids.plan },
      ),
    );
    expect(left).toEqual({ indicators: { totalCount: 0 }, strategicObjectives: [] });
    const gone = await server.gql(`mutation($p: ID!) { deletePerspective(id: $p) { deleted } }`, {
      p: ids.perspective,
    });
    expect(gone.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Perspective' });
  });
});
