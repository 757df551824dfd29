import type { TestServer } from '../helpers/server';
import { describeOnSondrio } from '../helpers/sondrio-server';
import { ok } from '../helpers/sync';

/** Actuals of docs/scoring.md §6.8 (b) and docs/scoring.md §6.5 on the real Sondrio 2022 targets. */
const ACTUALS: Record<string, string> = {
  '1.1.1': '3,10%',
  '1.1.2': '11',
  '1.1.3': '70',
  '1.1.4': '15/08/2022',
  '1.3.1': '15%',
  '1.3.2': '35%',
  '1.3.3': '100%',
  '1.3.4': '70%',
  '1.5.1': '260',
  '3.1.1': '27',
  '3.2.2': '33%',
};

const REALIZATION = `realization(year: 2022) { status score display text achieved passMark rule warnings errors explanation }`;

describeOnSondrio('realization of the Sondrio plan with sample actuals (%s)', (sondrio) => {
  let server: TestServer;
  let planId: string;
  let orgId: string;
  const indicator: Record<string, string> = {};
  const objective: Record<string, string> = {};

  const realizationOf = async (kind: 'indicator' | 'operationalObjective' | 'strategicObjective', code: string) => {
    const id = kind === 'indicator' ? indicator[code] : objective[code];
    const data = ok(await server.gql(`query($id: ID!) { ${kind}(id: $id) { ${REALIZATION} } }`, { id }));
    return data[kind].realization;
  };

  beforeAll(async () => {
    ({
      server,
      plan: { planId, orgId },
    } = sondrio);
    const list = ok(
      await server.gql(
        `query($p: ID!) { indicators(filter: { planId: $p }, first: 500) { edges { node { id code } } } operationalObjectives(filter: { planId: $p }) { id code } strategicObjectives(filter: { planId: $p }) { id code } }`,
        { p: planId },
      ),
    );
    for (const e of list.indicators.edges) indicator[e.node.code] = e.node.id;
    for (const o of [...list.operationalObjectives, ...list.strategicObjectives]) objective[o.code] = o.id;
    for (const [code, value] of Object.entries(ACTUALS)) {
      ok(
        await server.gql(
          `mutation($i: ID!, $v: String!) { createMeasurement(input: { indicatorId: $i, year: 2022, value: $v }) { id } }`,
          { i: indicator[code], v: value },
        ),
      );
    }
  });

  it('scores step bands on the seed thresholds and explains each number (§6.5 step)', async () => {
    expect((await realizationOf('indicator', '1.1.2')).display).toBe('80%');
    expect((await realizationOf('indicator', '1.1.3')).display).toBe('60%');
    expect((await realizationOf('indicator', '1.1.4')).display).toBe('80%');
    expect((await realizationOf('indicator', '3.2.2')).display).toBe('0%');
    const r = await realizationOf('indicator', '1.1.1');
    expect(r).toMatchObject({ status: 'SCORED', score: 0.8, display: '80%', rule: 'BANDS' });
    expect(r.explanation).toMatchObject({
      inputs: { actual: { raw: '3,10%' }, target: { raw: '3,25%', revision: 'original' } },
      profile: 'sondrio@1',
    });
  });

  it('rolls objectives up with renormalised weights and the pass mark (§6.8 b: 86%, achieved)', async () => {
    expect(await realizationOf('operationalObjective', '1.1')).toMatchObject({ score: 0.75, display: '75%' });
    expect(await realizationOf('operationalObjective', '1.4')).toMatchObject({
      status: 'EMPTY',
      score: null,
      display: null,
    });
    const os1 = await realizationOf('strategicObjective', '1');
    expect(os1.score).toBeCloseTo(77 / 90, 12);
    expect(os1).toMatchObject({ display: '86%', passMark: 0.8, achieved: true });
    expect(os1.text).toContain('1.4 excluded');
  });

  it('makes OS 3 invalid for the lost weight of OO 3.2 instead of guessing it (§6.8 d)', async () => {
    const os3 = await realizationOf('strategicObjective', '3');
    expect(os3.errors).toContain('WEIGHT_MISSING');
    expect(os3.score).toBeNull();
  });

  it('excludes a neutralised indicator instead of counting it as zero', async () => {
    const before = await realizationOf('operationalObjective', '1.3');
    expect(before.display).toBe('100%');
    const m = ok(
      await server.gql(`query($i: ID!) { indicator(id: $i) { measurements(year: 2022) { id version } } }`, {
        i: indicator['1.3.4'],
      }),
    );
    const { id, version } = m.indicator.measurements[0];
    ok(
      await server.gql(
        `mutation($id: ID!, $v: Int!) { updateMeasurement(id: $id, expectedVersion: $v, input: { value: "10%", neutralised: true, neutralisationReason: "servizio sospeso dal Ministero" }) { id } }`,
        { id, v: version },
      ),
    );
    expect(await realizationOf('indicator', '1.3.4')).toMatchObject({ status: 'NEUTRALISED', score: null });
    expect(await realizationOf('operationalObjective', '1.3')).toMatchObject({ score: 1, display: '100%' });
  });

  it('scores dashboards only over their members, units over their indicators, managers over their portfolio', async () => {
    const dashboard = ok(
      await server.gql(
        `mutation($p: ID!) { createDashboard(input: { planId: $p, kind: SERVICE, name: "Cruscotto Capitale Umano" }) { id } }`,
        { p: planId },
      ),
    ).createDashboard;
    for (const code of ['1.1.1', '1.1.3']) {
      ok(
        await server.gql(
          `mutation($d: ID!, $i: ID!) { createDashboardEntry(input: { dashboardId: $d, indicatorId: $i }) { id } }`,
          { d: dashboard.id, i: indicator[code] },
        ),
      );
    }
    const d = ok(await server.gql(`query($id: ID!) { dashboard(id: $id) { ${REALIZATION} } }`, { id: dashboard.id }))
      .dashboard.realization;
    expect(d.score).toBeCloseTo(0.7, 12);
    expect(d.display).toBe('70%');

    const person = ok(
      await server.gql(
        `mutation($o: ID!) { createPerson(input: { organisationId: $o, fullName: "Marco Bonat" }) { id } }`,
        { o: orgId },
      ),
    ).createPerson;
    ok(
      await server.gql(
        `mutation($m: ID!, $oo: ID!) { createManagerAssignment(input: { managerId: $m, operationalObjectiveId: $oo, weight: 60 }) { id } }`,
        { m: person.id, oo: objective['1.1'] },
      ),
    );
    ok(
      await server.gql(
        `mutation($m: ID!, $oo: ID!) { createManagerAssignment(input: { managerId: $m, operationalObjectiveId: $oo, weight: 40 }) { id } }`,
        { m: person.id, oo: objective['1.3'] },
      ),
    );
    const manager = ok(
      await server.gql(
        `query($id: ID!, $p: ID!) { person(id: $id) { realization(planId: $p, year: 2022) { score display } } }`,
        { id: person.id, p: planId },
      ),
    ).person.realization;
    expect(manager.score).toBeCloseTo((60 * 0.75 + 40 * 1) / 100, 12);
    expect(manager.display).toBe('85%');

    const units = ok(await server.gql(`{ orgUnits(filter: { code: "uo-anagrafe-camerale" }) { id } }`)).orgUnits;
    const unit = ok(
      await server.gql(
        `query($id: ID!, $p: ID!) { orgUnit(id: $id) { realization(planId: $p, year: 2022) { score display explanation } } }`,
        { id: units[0].id, p: planId },
      ),
    ).orgUnit.realization;
    // Anagrafe camerale answers for 1.3.3 (100%) and 1.3.4 (neutralised) among the scored ones, and 3.2.2 (0%)
    expect(unit.score).toBeCloseTo(0.5, 12);
  });

  it('produces the Relazione table: Valore ottenuto, Risultato atteso, % Realizzazione, with objective rows', async () => {
    const report = ok(
      await server.gql(
        `query($p: ID!) { report(planId: $p, year: 2022) { title profile total { realization } rows { level code actual target realization status excluded note } } }`,
        { p: planId },
      ),
    ).report;
    const row = (code: string) => report.rows.find((r: { code: string }) => r.code === code);
    expect(row('1.1')).toMatchObject({ level: 'OPERATIONAL_OBJECTIVE', realization: '75%' });
    expect(row('1.1.1')).toMatchObject({
      level: 'INDICATOR',
      actual: '3,10%',
      target: '3,25%',
      realization: '80%',
      excluded: false,
    });
    expect(row('1.3.4')).toMatchObject({
      actual: '10%',
      realization: null,
      status: 'NEUTRALISED',
      excluded: true,
      note: 'neutralised: servizio sospeso dal Ministero',
    });
    expect(row('1.2.1')).toBeUndefined();
    expect(row('2.1.1')).toMatchObject({ actual: null, realization: null, status: 'MISSING', excluded: true });
    expect(report.profile).toBe('sondrio@1');
  });

  it('lists what would make scores wrong: the missing weight, unconfirmed polarities', async () => {
    const issues = ok(
      await server.gql(
        `query($p: ID!) { planLint(planId: $p) { code severity subjectType subjectCode year message } }`,
        { p: planId },
      ),
    ).planLint;
    const codes = (code: string) => issues.filter((i: { code: string }) => i.code === code);
    expect(codes('WEIGHT_MISSING')).toEqual([
      expect.objectContaining({ severity: 'ERROR', subjectType: 'STRATEGIC_OBJECTIVE', subjectCode: '3' }),
    ]);
    expect(codes('POLARITY_UNCONFIRMED')).toHaveLength(48);
    expect(codes('DUPLICATE_CODE')).toEqual([]);
    expect(codes('BANDS_NOT_MONOTONE')).toEqual([]);
  });

  it('switches to linear bands through the profile (§6.5 linear), then freezes the profile on approval', async () => {
    const plan = ok(
      await server.gql(`query($p: ID!) { planVersion(id: $p) { scoringProfile { id parameters } } }`, { p: planId }),
    ).planVersion;
    const profileId = plan.scoringProfile.id;
    ok(
      await server.gql(
        `mutation($id: ID!, $params: JSONObject!) { updateScoringProfile(id: $id, input: { parameters: $params }) { id } }`,
        { id: profileId, params: { ...plan.scoringProfile.parameters, bandsMode: 'linear' } },
      ),
    );
    expect((await realizationOf('indicator', '1.1.2')).display).toBe('90%');
    expect((await realizationOf('indicator', '1.1.3')).display).toBe('73.33%');
    expect((await realizationOf('indicator', '1.1.4')).display).toBe('95.08%');
    expect((await realizationOf('indicator', '3.1.1')).display).toBe('70%');
    expect((await realizationOf('indicator', '3.2.2')).display).toBe('0%');
    const before = await realizationOf('strategicObjective', '1');

    const approved = ok(
      await server.gql(
        `mutation($p: ID!) { approvePlanVersion(id: $p) { status approvedAt scoringProfile { status frozenAt } } }`,
        { p: planId },
      ),
    ).approvePlanVersion;
    expect(approved.status).toBe('APPROVED');
    expect(approved.scoringProfile.status).toBe('FROZEN');

    const edit = await server.gql(
      `mutation($id: ID!) { updateScoringProfile(id: $id, input: { parameters: { bandsMode: "step" } }) { id } }`,
      { id: profileId },
    );
    expect(edit.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [expect.objectContaining({ code: 'PROFILE_FROZEN' })],
    });
    const revised = ok(
      await server.gql(
        `mutation($id: ID!) { reviseScoringProfile(id: $id, parameters: { bandsMode: "step" }) { id name profileVersion status parameters } }`,
        { id: profileId },
      ),
    ).reviseScoringProfile;
    expect(revised).toMatchObject({
      name: 'sondrio',
      profileVersion: 2,
      status: 'DRAFT',
      parameters: expect.objectContaining({ bandsMode: 'step' }),
    });
    const switchProfile = await server.gql(
      `mutation($p: ID!, $sp: ID!) { updatePlanVersion(id: $p, input: { scoringProfileId: $sp }) { id } }`,
      { p: planId, sp: revised.id },
    );
    expect(switchProfile.errors![0].extensions!.problems[0].code).toBe('PLAN_APPROVED');
    expect(await realizationOf('strategicObjective', '1')).toEqual(before);
  });

  it('refuses unknown or ill-typed profile parameters by name', async () => {
    const bad = await server.gql(
      `mutation($o: ID!) { createScoringProfile(input: { organisationId: $o, name: "x", profileVersion: 1, parameters: { bandsMode: "smooth", capRatio: "yes", colour: 1 } }) { id } }`,
      { o: orgId },
    );
    expect(bad.errors![0].extensions!.problems.map((p: { field: string; code: string }) => [p.field, p.code])).toEqual([
      ['parameters.bandsMode', 'NOT_ALLOWED'],
      ['parameters.capRatio', 'NOT_BOOLEAN'],
      ['parameters.colour', 'UNKNOWN_PARAMETER'],
    ]);
    const preset = ok(
      await server.gql(
        `mutation($o: ID!) { createScoringProfileFromPreset(organisationId: $o, preset: BRESCIA) { name profileVersion parameters } }`,
        { o: orgId },
      ),
    ).createScoringProfileFromPreset;
    expect(preset).toMatchObject({
      name: 'brescia',
      profileVersion: 1,
      parameters: expect.objectContaining({ ownShare: 0.5 }),
    });
  });
});
