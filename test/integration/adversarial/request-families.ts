/**
 * The request families of the adversarial corpus: transport and GraphQL types (transport-family.ts), JSON parameters
 * (scoring profiles, rule parameters) and file routes (reports, the plan workbook, workbook import). Each case is one
 * HTTP request, judged by judgeHttp.
 */
import { gzipSync } from 'node:zlib';
import { REPORT_KINDS } from '../../helpers/files';
import type { TestServer } from '../../helpers/server';
import type { SondrioPlan } from '../../helpers/sync';
import { type Answer, type Ctx, deep, gql, http, label, Raw, type RequestCase } from './http';
import { judgeHttp, type Tally } from './tally';
import { graphqlTypes, transport } from './transport-family';

export type { RequestCase };

function jsonParameters(): RequestCase[] {
  const revise = 'mutation R($id: ID!, $p: JSONObject!) { reviseScoringProfile(id: $id, parameters: $p) { id } }';
  const profileGarbage: unknown[] = [
    { graceDays: -1 },
    { graceDays: 'x' },
    { graceDays: new Raw('1e309') },
    { ownShare: 2 },
    { ownShare: -0.1 },
    { ownShare: 'half' },
    { weightSumTolerance: -1 },
    { overachievementWarnAt: 0 },
    { deadlineLate: 'linear', graceDays: 0 },
    { bandsMode: 42 },
    { bandsMode: 'sideways' },
    { nope: 1 },
    { graceDays: null },
    { graceDays: [1] },
    { graceDays: { $gt: 0 } },
    'x',
    42,
    [1, 2],
    null,
    deep(100),
    deep(10_000),
    { trafficLights: 'red' },
    { capRatio: 'yes' },
    new Raw('{"__proto__":{"polluted":true}}'),
    { constructor: { prototype: { x: 1 } } },
    { toString: 'x' },
    { hasOwnProperty: 1 },
  ];
  const out: RequestCase[] = profileGarbage.map((p, i) => ({
    family: 'JSON parameters',
    name: `profile parameters #${i} ${label(p)}`,
    send: (ctx: Ctx) => gql(revise, { id: ctx.profileId, p })(ctx),
    must: 'refused' as const,
  }));
  out.push({
    family: 'JSON parameters',
    name: 'profile parameters: a valid graceDays',
    send: (ctx) => gql(revise, { id: ctx.profileId, p: { graceDays: 10 } })(ctx),
    must: 'accepted',
  });
  const update = 'mutation U($id: ID!, $p: JSONObject) { updateIndicator(id: $id, input: { ruleParams: $p }) { id } }';
  const ruleParams: unknown[] = [
    { graceDays: 5 },
    { graceDays: -5 },
    { graceDays: 'x' },
    deep(50),
    deep(10_000),
    { x: 'y'.repeat(2_000_000) },
    [1],
    'x',
    1,
    { a: null },
    { '': 1 },
    { '\u0000': 1 },
    { a: '\ud800' },
  ];
  ruleParams.forEach((p, i) =>
    out.push({
      family: 'JSON parameters',
      name: `ruleParams #${i} ${label(p)}`,
      send: (ctx) => gql(update, { id: ctx.indicatorId, p })(ctx),
    }),
  );
  return out;
}

function fileRoutes(): RequestCase[] {
  const f = (
    name: string,
    path: (ctx: Ctx) => string,
    must: RequestCase['must'] | 'either' = 'refused',
    auth = true,
  ): RequestCase => ({
    family: 'file routes',
    name,
    send: (ctx) => http(ctx, path(ctx), {}, auth),
    must: must === 'either' ? undefined : must,
  });
  const out: RequestCase[] = [];
  for (const kind of REPORT_KINDS) {
    out.push(f(`${kind}.html`, (c) => `/reports/${kind}.html?planId=${c.plan.planId}&year=2022`, 'accepted'));
    out.push(
      f(`${kind}.xlsx`, (c) => `/reports/${kind}.xlsx?planId=${c.plan.planId}&year=2022&checkpoint=30/6`, 'accepted'),
    );
    out.push(f(`${kind} without planId`, () => `/reports/${kind}.html?year=2022`));
    out.push(f(`${kind} with a bad year`, (c) => `/reports/${kind}.html?planId=${c.plan.planId}&year=abc`));
    out.push(
      f(
        `${kind} with a bad checkpoint`,
        (c) => `/reports/${kind}.xlsx?planId=${c.plan.planId}&year=2022&checkpoint=1/1`,
      ),
    );
    out.push(
      f(
        `${kind} of an unknown plan`,
        () => `/reports/${kind}.xlsx?planId=00000000-0000-4000-8000-000000000000&year=2022`,
      ),
    );
    out.push(
      f(`${kind} without a token`, (c) => `/reports/${kind}.html?planId=${c.plan.planId}&year=2022`, 'refused', false),
    );
  }
  const paths: Array<(c: Ctx) => string> = [
    () => '/reports/nope.html?planId=x&year=2022',
    () => '/reports/relazione.doc?planId=x&year=2022',
    () => '/reports/..%2F..%2Fetc%2Fpasswd',
    () => '/reports/relazione',
    () => '/reports/RELAZIONE.HTML?planId=x&year=2022',
    (c) => `/reports/relazione.html?planId=${c.plan.planId}&planId=x&year=2022`,
    (c) => `/reports/relazione.html?planId=${c.plan.planId}&year=2022&year=2023`,
    (c) => `/reports/relazione.html?planId[a]=${c.plan.planId}&year=2022`,
    (c) => `/reports/monitoring.html?planId=${c.plan.planId}&year=2022&alert=abc`,
    (c) => `/reports/monitoring.html?planId=${c.plan.planId}&year=2022&alert=1e309`,
    (c) => `/reports/relazione.html?planId=${c.plan.planId}&year=99999`,
    (c) => `/reports/relazione.html?planId=${c.plan.planId}&year=-2022`,
    () => `/reports/relazione.html?planId=${encodeURIComponent("' OR 1=1 --")}&year=2022`,
    () => `/reports/relazione.html?planId=${'x'.repeat(5000)}&year=2022`,
    () => '/reports/relazione.html?planId=%00&year=2022',
    () => '/reports/relazione.html?planId=%ZZ&year=2022',
    () => '/export/plan.xlsx',
    () => '/export/plan.xlsx?planId=x&year=2022',
    (c) => `/export/plan.xlsx?planId=${c.plan.planId}&year=abc`,
    (c) => `/export/plan.xlsx?planId=${c.plan.planId}&year=2022&checkpoint=noon`,
    () => '/export/plan.xlsx?planId=00000000-0000-4000-8000-000000000000&year=2022',
    () => '/export/../graphql',
    () => '/export/plan.csv?planId=x&year=2022',
  ];
  // a repeated or odd parameter may be read one way or refused; never an error of the server
  paths.forEach((p, i) => out.push(f(`bad path #${i}`, p, [5, 6, 8, 9, 21].includes(i) ? 'either' : 'refused')));
  out.push(
    f('the plan workbook', (c) => `/export/plan.xlsx?planId=${c.plan.planId}&year=2022&language=en`, 'accepted'),
  );
  out.push(
    f(
      'the plan workbook, unknown language (Italian)',
      (c) => `/export/plan.xlsx?planId=${c.plan.planId}&year=2022&language=xx`,
      'either',
    ),
  );
  const upload = (
    name: string,
    body: Buffer | string,
    query: (c: Ctx) => string,
    headers: Record<string, string> = {},
  ): RequestCase => ({
    family: 'file routes',
    name: `import: ${name}`,
    must: 'refused',
    send: (ctx) =>
      http(ctx, `/import/workbook?${query(ctx)}`, {
        method: 'POST',
        body: typeof body === 'string' ? body : new Uint8Array(body),
        headers: { 'content-type': 'application/octet-stream', ...headers },
      }),
  });
  const inPlan = (c: Ctx) => `planId=${c.plan.planId}`;
  const zipHead = Buffer.from('504b0304', 'hex');
  out.push(
    upload('empty body', '', inPlan),
    upload('text', 'hello', inPlan),
    upload('a zip header only', zipHead, inPlan),
    upload('a truncated zip', Buffer.concat([zipHead, Buffer.alloc(100)]), inPlan),
    upload('random bytes', Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)), inPlan),
    upload('a PDF', '%PDF-1.4\n%EOF', inPlan),
    upload('HTML', '<html><body>x</body></html>', inPlan),
    upload('JSON', '{"rows":[]}', inPlan),
    upload('over 5 MB', Buffer.alloc(5_300_000, 1), inPlan),
    upload('no planId', 'x', () => ''),
    upload('an unknown plan', 'x', () => 'planId=00000000-0000-4000-8000-000000000000'),
    upload('a bad year', 'x', (c) => `${inPlan(c)}&year=abc`),
    upload('a bad checkpoint', 'x', (c) => `${inPlan(c)}&checkpoint=xx`),
    upload('a gzip bomb declared as xlsx', gzipSync(Buffer.alloc(10_000_000)), inPlan),
    upload('a lying content length', 'abc', inPlan, { 'content-length': '3' }),
  );
  return out;
}

export function requestCases(): RequestCase[] {
  return [...transport(), ...graphqlTypes(), ...jsonParameters(), ...fileRoutes()];
}

/** Sends the cases one by one (each is one request) and judges them. */
export async function runRequests(
  server: TestServer,
  plan: SondrioPlan,
  cases: RequestCase[],
  tally: Tally,
): Promise<void> {
  const profile = await server.gql(
    `mutation { createScoringProfileFromPreset(organisationId: "${plan.orgId}", preset: SONDRIO) { id } }`,
  );
  const ctx: Ctx = {
    server,
    plan,
    profileId: profile.data.createScoringProfileFromPreset.id,
    indicatorId: plan.indicator('1.1.1').rowId,
  };
  for (const c of cases) {
    let answer: Answer;
    try {
      answer = await c.send(ctx);
    } catch (error) {
      tally.add(c.family, c.name, 'other', `the request failed: ${String(error)}`);
      continue;
    }
    const { outcome, why } = judgeHttp(answer.status, answer.text, answer.type);
    if (outcome === 'other') tally.add(c.family, c.name, 'other', why);
    else if (c.must && outcome !== c.must)
      tally.add(
        c.family,
        c.name,
        'other',
        outcome === 'accepted' ? 'garbage accepted' : `a valid request refused: ${answer.text.slice(0, 160)}`,
      );
    else tally.add(c.family, c.name, outcome);
  }
}
