/**
 * The create and update mutations read values, dates, years and parameters by the rules syncRows applies (issue 13,
 * finding 6: "31/02/2022" and "1e309" were stored as text, "2022-02-31" as a date, years outside the plan, a cycle of
 * [2022, 2022, 2022], a 1 MB lock reason, any JSON — a 10,000-level nesting as an internal error). Each refusal is
 * BAD_USER_INPUT naming the field, with the reason in Italian first, and nothing is written.
 */
import { databaseNames } from '../helpers/databases';
import type { GraphQLResponse } from '../helpers/server';
import { withTenantServer } from '../helpers/tenant';

type Problem = { field: string; code: string; message: string; messageIt: string };

/** The problems of a refused mutation: one BAD_USER_INPUT error, no data. */
function problems(r: GraphQLResponse): Problem[] {
  expect(r.errors).toHaveLength(1);
  expect(r.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
  return r.errors![0].extensions!.problems as Problem[];
}

/** A value nested `depth` levels deep: { a: { a: … 1 } } */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { a: 1 };
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
}

describe.each(databaseNames())('mutations refuse the values a sheet would refuse (%s)', (dialect) => {
  const env = withTenantServer(dialect, 'VAL');

  /** How many rows a query lists: a connection's total, or a list's length */
  const count = async (query: string, variables: Record<string, unknown>) => {
    const [answer] = Object.values((await env.server.gql(query, variables)).data as Record<string, unknown>);
    return Array.isArray(answer) ? answer.length : (answer as { totalCount: number }).totalCount;
  };
  const MEASUREMENTS = `query($i: ID!) { measurements(filter: { indicatorId: $i }) { totalCount } }`;
  const TARGETS = `query($i: ID!) { targets(filter: { indicatorId: $i }) { id } }`;

  it.each([
    ['31/02/2022', 'INVALID_DATE'],
    ['1e309', 'NOT_A_VALUE'],
    ['=1+1', 'FORMULA_NOT_ALLOWED'],
  ])('a measurement of %j is refused on value (%s), created or updated', async (value, code) => {
    const measurements = await count(MEASUREMENTS, { i: env.tenant.indicator });
    const created = await env.server.gql(
      `mutation($i: ID!, $v: String!) { createMeasurement(input: { indicatorId: $i, year: 2022, checkpoint: MID_YEAR, value: $v }) { id } }`,
      { i: env.tenant.indicator, v: value },
    );
    const [problem] = problems(created);
    expect(problem).toMatchObject({ field: 'value', code });
    // Italian first, English after
    // Italian in messageIt, English in message (server/errors)
    expect(problem.messageIt).toMatch(/non è|formule/);
    expect(problem.message).not.toMatch(/non è|formule/);
    expect(await count(MEASUREMENTS, { i: env.tenant.indicator })).toBe(measurements);

    const updated = await env.server.gql(
      `mutation($id: ID!, $v: String!) { updateMeasurement(id: $id, input: { value: $v }) { id } }`,
      { id: env.tenant.measurement, v: value },
    );
    expect(problems(updated)).toEqual([expect.objectContaining({ field: 'value', code })]);
    const stored = await env.server.gql(`query($id: ID!) { measurement(id: $id) { value { raw } } }`, {
      id: env.tenant.measurement,
    });
    expect(stored.data.measurement.value.raw).toBe('105');
  });

  it('a target, a threshold, a revision and a baseline take only values a sheet takes', async () => {
    const targets = await count(TARGETS, { i: env.tenant.indicator });
    const target = await env.server.gql(
      `mutation($i: ID!) { createTarget(input: { indicatorId: $i, year: 2024, value: "1e309", thresholds: [{ value: "31/02/2022", score: 0.8 }] }) { id } }`,
      { i: env.tenant.indicator },
    );
    expect(problems(target)).toEqual([
      expect.objectContaining({ field: 'thresholds.0.value', code: 'INVALID_DATE' }),
      expect.objectContaining({ field: 'value', code: 'NOT_A_VALUE' }),
    ]);
    expect(await count(TARGETS, { i: env.tenant.indicator })).toBe(targets);
    const revision = await env.server.gql(
      `mutation($t: ID!) { createTargetRevision(input: { targetId: $t, value: "31/02/2022" }) { id } }`,
      { t: env.tenant.target },
    );
    expect(problems(revision)).toEqual([expect.objectContaining({ field: 'value', code: 'INVALID_DATE' })]);
    const baseline = await env.server.gql(
      `mutation($id: ID!) { updateBaseline(id: $id, input: { actual: "1e309" }) { id } }`,
      { id: env.tenant.baseline },
    );
    expect(problems(baseline)).toEqual([expect.objectContaining({ field: 'actual', code: 'NOT_A_VALUE' })]);
    // what a sheet takes, a mutation takes
    const fine = await env.server.gql(
      `mutation($t: ID!) { createTargetRevision(input: { targetId: $t, value: "1.000,5" }) { value { number } } }`,
      { t: env.tenant.target },
    );
    expect(fine.errors).toBeUndefined();
    expect(fine.data.createTargetRevision.value.number).toBe(1000.5);
  });

  /** Each refusal names its field and code, and its reason in Italian (messageIt) and in English (message). */
  it.each([
    [
      'a date that does not exist: replacedOn "2022-02-31"',
      `mutation($id: ID!) { updateIndicator(id: $id, input: { replacedOn: "2022-02-31" }) { replacedOn } }`,
      'indicator',
      { field: 'replacedOn', code: 'INVALID_DATE' },
      { messageIt: '"2022-02-31" non è una data esistente', message: '"2022-02-31" is not a date that exists' },
    ],
    [
      'a year outside the plan cycle: a measurement of 2030',
      `mutation($id: ID!) { createMeasurement(input: { indicatorId: $id, year: 2030, value: "1" }) { id } }`,
      'indicator',
      { field: 'year', code: 'BAD_YEAR' },
      { messageIt: '2030 non è un anno di questo piano', message: '2030 is not a year of this plan' },
    ],
    [
      'a year outside the plan cycle: a target of 2099',
      `mutation($id: ID!) { createTarget(input: { indicatorId: $id, year: 2099, value: "1" }) { id } }`,
      'indicator',
      { field: 'year', code: 'BAD_YEAR' },
      { messageIt: '2099 non è un anno di questo piano', message: '2099 is not a year of this plan' },
    ],
    [
      'a year outside the plan cycle: a lock of 2030',
      `mutation($id: ID!) { lockCheckpoint(planId: $id, year: 2030, checkpoint: YEAR_END) { id } }`,
      'plan',
      { field: 'year', code: 'BAD_YEAR' },
      { messageIt: '2030 non è un anno di questo piano', message: '2030 is not a year of this plan' },
    ],
  ] as const)('%s is refused', async (_, mutation, on, problem, messages) => {
    const answer = await env.server.gql(mutation, { id: env.tenant[on] });
    expect(problems(answer)).toEqual([expect.objectContaining({ ...problem, ...messages })]);
  });

  it('a date that exists only in a leap year is taken: replacedOn "2024-02-29"', async () => {
    const leap = await env.server.gql(
      `mutation($id: ID!) { updateIndicator(id: $id, input: { replacedOn: "2024-02-29" }) { replacedOn } }`,
      { id: env.tenant.indicator },
    );
    expect(leap.errors).toBeUndefined();
  });

  it('a cycle names each of its years once, and starts at its first year', async () => {
    const CYCLE = `mutation($i: CreatePlanCycleInput!) { createPlanCycle(input: $i) { id } }`;
    const repeated = await env.server.gql(CYCLE, {
      i: { organisationId: env.tenant.org, name: 'Ciclo ripetuto', firstYear: 2022, years: [2022, 2022, 2022] },
    });
    expect(problems(repeated)).toEqual([expect.objectContaining({ field: 'years', code: 'arrayUnique' })]);
    const misplaced = await env.server.gql(CYCLE, {
      i: { organisationId: env.tenant.org, name: 'Ciclo spostato', firstYear: 2021, years: [2022, 2023, 2024] },
    });
    expect(problems(misplaced)).toEqual([expect.objectContaining({ field: 'firstYear', code: 'FIRST_YEAR' })]);
    expect(
      await count(`query($o: ID!) { planCycles(filter: { organisationId: $o }) { id } }`, { o: env.tenant.org }),
    ).toBe(1);
  });

  it('a lock reason is free text of at most 4,000 characters, as on both databases', async () => {
    const LOCK = `mutation($p: ID!, $r: String) { lockCheckpoint(planId: $p, year: 2022, checkpoint: MID_YEAR, reason: $r) { reason } }`;
    for (const reason of ['x'.repeat(4001), 'x'.repeat(1024 * 1024)]) {
      expect(problems(await env.server.gql(LOCK, { p: env.tenant.plan, r: reason }))).toEqual([
        expect.objectContaining({ field: 'reason', code: 'maxLength' }),
      ]);
    }
    expect(problems(await env.server.gql(LOCK, { p: env.tenant.plan, r: '=HYPERLINK("x")' }))).toEqual([
      expect.objectContaining({ field: 'reason', code: 'TEXT_NOT_ACCEPTED' }),
    ]);
    const fine = await env.server.gql(LOCK, { p: env.tenant.plan, r: 'è'.repeat(4000) });
    expect(fine.errors).toBeUndefined();
    expect(fine.data.lockCheckpoint.reason).toBe('è'.repeat(4000));
  });

  it('a text longer than its column is refused alike on both databases (a name of 250 characters)', async () => {
    const long = 'N'.repeat(250);
    const person = await env.server.gql(
      `mutation($o: ID!, $n: String!) { createPerson(input: { organisationId: $o, fullName: $n }) { id } }`,
      { o: env.tenant.org, n: long },
    );
    expect(problems(person)).toEqual([expect.objectContaining({ field: 'fullName', code: 'isLength' })]);
    const plan = await env.server.gql(
      `mutation($id: ID!, $l: String!) { updatePlanVersion(id: $id, input: { label: $l }) { label } }`,
      { id: env.tenant.plan, l: long },
    );
    expect(problems(plan)).toEqual([expect.objectContaining({ field: 'label', code: 'isLength' })]);
    const fits = await env.server.gql(
      `mutation($id: ID!, $l: String!) { updatePlanVersion(id: $id, input: { label: $l }) { label } }`,
      { id: env.tenant.plan, l: 'P'.repeat(200) },
    );
    expect(fits.errors).toBeUndefined();
  });

  describe('JSON parameters are read against their schema, with bounded depth and size', () => {
    const INDICATOR = `mutation($id: ID!, $i: UpdateIndicatorInput!) { updateIndicator(id: $id, input: $i) { rule ruleParams } }`;

    it('an indicator takes only the parameters its rule reads, each with an allowed value', async () => {
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ rule: 'RATIO', ruleParams: { graceDays: 3 } }, 'ruleParams.graceDays', 'UNKNOWN_PARAMETER'],
        [{ rule: 'RATIO', ruleParams: { capRatio: 'sì' } }, 'ruleParams.capRatio', 'NOT_BOOLEAN'],
        [{ rule: 'DEADLINE', ruleParams: { deadlineLate: 'sometimes' } }, 'ruleParams.deadlineLate', 'NOT_ALLOWED'],
        [{ ruleParams: { colour: 'red' } }, 'ruleParams.colour', 'UNKNOWN_PARAMETER'],
      ];
      for (const [input, field, code] of cases) {
        expect(problems(await env.server.gql(INDICATOR, { id: env.tenant.indicator, i: input }))).toEqual([
          expect.objectContaining({ field, code }),
        ]);
      }
      const fine = await env.server.gql(INDICATOR, {
        id: env.tenant.indicator,
        i: { rule: 'DEADLINE', ruleParams: { deadlineLate: 'linear', graceDays: 10 } },
      });
      expect(fine.errors).toBeUndefined();
      expect(fine.data.updateIndicator.ruleParams).toEqual({ deadlineLate: 'linear', graceDays: 10 });
    });

    it("nesting past the parameters' depth is BAD_USER_INPUT; 10,000 levels are refused with the body, before GraphQL", async () => {
      // written as text: serialising such a value would overflow the test's own stack
      const nested = (levels: number) => '{"a":'.repeat(levels - 1) + '{"a":1}' + '}'.repeat(levels - 1);
      const post = async (query: string, variables: string) => {
        const response = await fetch(`${env.server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${env.server.token}` },
          body: `{"query":${JSON.stringify(query)},"variables":${variables}}`,
        });
        return Object.assign((await response.json()) as GraphQLResponse, { status: response.status });
      };
      // 20 levels: a body the transport takes (server/http/json-depth.ts), parameters too deep for their schema
      expect(
        problems(await post(INDICATOR, `{"id":"${env.tenant.indicator}","i":{"ruleParams":${nested(20)}}}`)),
      ).toEqual([expect.objectContaining({ field: 'ruleParams', code: 'JSON_TOO_DEEP' })]);
      const profileQuery = `mutation($o: ID!, $p: JSONObject!) { createScoringProfile(input: { organisationId: $o, name: "Annidato", profileVersion: 1, parameters: $p }) { id } }`;
      const profile = await post(profileQuery, `{"o":"${env.tenant.org}","p":{"display":${nested(20)}}}`);
      expect(problems(profile)).toEqual([expect.objectContaining({ field: 'parameters', code: 'JSON_TOO_DEEP' })]);
      // 10,000 levels: refused as a body, with a 400 and a JSON answer, never a RangeError
      for (const body of [
        post(INDICATOR, `{"id":"${env.tenant.indicator}","i":{"ruleParams":${nested(10_000)}}}`),
        post(profileQuery, `{"o":"${env.tenant.org}","p":{"display":${nested(10_000)}}}`),
      ]) {
        const refused = await body;
        expect(refused.status).toBe(400);
        expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
        expect(JSON.stringify(refused)).not.toMatch(/RangeError|call stack|Internal server error/);
      }
      const literal = '{a:'.repeat(9_999) + '{a:1}' + '}'.repeat(9_999);
      const inline = await post(
        `mutation($id: ID!) { updateIndicator(id: $id, input: { ruleParams: ${literal} }) { id } }`,
        `{"id":"${env.tenant.indicator}"}`,
      );
      expect(inline.errors?.[0]?.extensions?.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_PARSE_FAILED)$/);
      expect(JSON.stringify(inline)).not.toMatch(/RangeError|call stack|Internal server error/);
    });

    it.each([
      ['5 levels', nested(5), 'JSON_TOO_DEEP'],
      ['1,000 keys', Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i])), 'JSON_TOO_LARGE'],
    ])('%s in ruleParams or a profile is a clear BAD_USER_INPUT', async (_name, value, code) => {
      expect(problems(await env.server.gql(INDICATOR, { id: env.tenant.indicator, i: { ruleParams: value } }))).toEqual(
        [expect.objectContaining({ field: 'ruleParams', code })],
      );
      const created = await env.server.gql(
        `mutation($o: ID!, $p: JSONObject!) { createScoringProfile(input: { organisationId: $o, name: "Annidato", profileVersion: 1, parameters: $p }) { id } }`,
        { o: env.tenant.org, p: { display: value } },
      );
      expect(problems(created)).toEqual([expect.objectContaining({ field: 'parameters', code })]);
      const revised = await env.server.gql(
        `mutation($id: ID!, $p: JSONObject!) { reviseScoringProfile(id: $id, parameters: $p) { id } }`,
        { id: env.tenant.profile, p: { display: value } },
      );
      expect(problems(revised)).toEqual([expect.objectContaining({ field: 'parameters', code })]);
    });

    it('a profile states how scores are shown as the engine shows them, and nothing else', async () => {
      const answer = await env.server.gql(
        `mutation($id: ID!, $p: JSONObject!) { reviseScoringProfile(id: $id, parameters: $p) { id } }`,
        { id: env.tenant.profile, p: { display: { indicatorDecimals: 7, extra: { a: 1 } } } },
      );
      expect(problems(answer)).toEqual([expect.objectContaining({ field: 'parameters.display', code: 'NOT_ALLOWED' })]);
    });
  });
});
