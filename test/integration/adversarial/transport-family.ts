/**
 * Transport (raw HTTP to /graphql) and GraphQL types (variables and documents of the wrong shape) for the adversarial
 * corpus: every case must be a 4xx or a GraphQL error with a code, never an internal error.
 */
import { gzipSync } from 'node:zlib';
import { type Ctx, gql, http, label, post, Raw, type RequestCase } from './http';

export function transport(): RequestCase[] {
  const t = (name: string, send: RequestCase['send'], must: RequestCase['must'] = 'refused'): RequestCase => ({
    family: 'transport',
    name,
    send,
    must,
  });
  const bodies: Array<[string, BodyInit]> = [
    ['empty body', ''],
    ['not JSON', 'hello'],
    ['broken JSON', '{"query":'],
    ['JSON null', 'null'],
    ['JSON number', '42'],
    ['JSON string', '"{ me { id } }"'],
    ['JSON array (batched)', '[{"query":"{ __typename }"}]'],
    ['empty array', '[]'],
    ['query not a string', '{"query": 42}'],
    ['query null', '{"query": null}'],
    ['no query', '{"variables":{}}'],
    ['variables a string', '{"query":"{ __typename }","variables":"x"}'],
    ['variables an array', '{"query":"{ __typename }","variables":[1]}'],
    ['operationName a number', '{"query":"{ __typename }","operationName":5}'],
    ['unknown operationName', '{"query":"query A { __typename }","operationName":"B"}'],
    ['two operations without a name', '{"query":"query A { __typename } query B { __typename }"}'],
    ['extensions a string', '{"query":"{ __typename }","extensions":"x"}'],
    [
      'persisted query hash mismatch',
      JSON.stringify({
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
      }),
    ],
    [
      'persisted query unknown',
      JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    ],
    ['deeply nested JSON', `{"query":"{ __typename }","variables":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`],
    ['JSON with a lone surrogate escape', '{"query":"{ __typename \\ud800 }"}'],
    ['JSON with NUL', '{"query":"{ __typename }\\u0000"}'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d]) as unknown as BodyInit],
    ['a syntax error', '{"query":"{ me { "}'],
    ['a lexer error', '{"query":"{ ` }"}'],
    ['an unterminated string', '{"query":"{ a(x: \\"abc) }"}'],
    ['a subscription', '{"query":"subscription { me { id } }"}'],
  ];
  const out = bodies.map(([name, body]) => t(name, post(body)));
  // valid, if odd: the last key wins, a mutation may select only __typename
  out.push(t('duplicate keys', post('{"query":"{ __typename }","query":"{ me { id } }"}'), 'accepted'));
  out.push(t('a mutation selecting __typename', post('{"query":"mutation { __typename }"}'), 'accepted'));
  out.push(
    t('a body over 5 MB', post(JSON.stringify({ query: `{ __typename }`, variables: { x: 'x'.repeat(5_300_000) } }))),
  );
  out.push(
    t(
      'gzip body that is not gzip',
      post('{"query":"{ __typename }"}', { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
    ),
  );
  out.push(
    t(
      'unknown content encoding',
      post('{"query":"{ __typename }"}', { 'content-type': 'application/json', 'content-encoding': 'br2' }),
    ),
  );
  out.push(
    t(
      'a gzip bomb',
      post(gzipSync(Buffer.alloc(20_000_000, 32)) as unknown as BodyInit, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      }),
    ),
  );
  out.push(
    t('latin-1 charset', post('{"query":"{ __typename }"}', { 'content-type': 'application/json; charset=latin1' })),
  );
  out.push(
    t('utf-16 charset', post('{"query":"{ __typename }"}', { 'content-type': 'application/json; charset=utf-16' })),
  );
  out.push(t('text/plain', post('{"query":"{ __typename }"}', { 'content-type': 'text/plain' })));
  out.push(t('form encoded', post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' })));
  out.push(t('multipart', post('--x\r\n\r\n--x--', { 'content-type': 'multipart/form-data; boundary=x' })));
  out.push(t('no content type', post('{"query":"{ __typename }"}', {})));
  out.push(
    t('GET without a query', (ctx) =>
      http(ctx, '/graphql', { method: 'GET', headers: { 'apollo-require-preflight': 'true' } }),
    ),
  );
  out.push(
    t('GET with a mutation', (ctx) =>
      http(ctx, `/graphql?query=${encodeURIComponent('mutation { __typename }')}`, {
        headers: { 'apollo-require-preflight': 'true' },
      }),
    ),
  );
  out.push(
    t('PUT', (ctx) =>
      http(ctx, '/graphql', { method: 'PUT', body: '{}', headers: { 'content-type': 'application/json' } }),
    ),
  );
  out.push(t('DELETE', (ctx) => http(ctx, '/graphql', { method: 'DELETE' })));
  for (const header of [
    'Bearer',
    'Bearer ',
    'Basic dXNlcjpwYXNz',
    'Bearer cru_' + 'A'.repeat(43),
    'Bearer ' + 'x'.repeat(10_000),
    'bearer\u0000x',
    'Token abc',
  ])
    out.push(
      t(`authorization "${header.slice(0, 20)}"`, (ctx) =>
        http(ctx, '/graphql', {
          method: 'POST',
          body: '{"query":"{ me { id } }"}',
          headers: { 'content-type': 'application/json', authorization: header.replace('\u0000', '') },
        }),
      ),
    );
  out.push(t('a plain valid query', gql('{ __typename }'), 'accepted'));
  return out;
}

export function graphqlTypes(): RequestCase[] {
  const q = (
    name: string,
    query: string,
    variables?: unknown,
    must: RequestCase['must'] | 'either' = 'refused',
  ): RequestCase => ({
    family: 'GraphQL types',
    name,
    send: gql(query, variables),
    must: must === 'either' ? undefined : must,
  });
  const out: RequestCase[] = [];
  const rows = 'query R($planId: ID!, $year: Int!) { sheetRows(planId: $planId, year: $year) { serverTime } }';
  const years: unknown[] = [
    '2022',
    2022.5,
    2 ** 31,
    -(2 ** 31) - 1,
    new Raw('1e309'),
    null,
    true,
    [2022],
    { y: 2022 },
    'NaN',
    '',
    -1,
    0,
    99999,
  ];
  years.forEach((year, i) =>
    out.push({
      family: 'GraphQL types',
      name: `year ${JSON.stringify(year)}`,
      send: (ctx) => gql(rows, { planId: ctx.plan.planId, year })(ctx),
      must: i >= 10 ? undefined : 'refused',
    }),
  );
  const ids: unknown[] = [
    null,
    42,
    true,
    [],
    {},
    '',
    ' ',
    'x'.repeat(10_000),
    '../../etc',
    "' OR 1=1 --",
    '00000000-0000-0000-0000-000000000000',
    '\u0000',
    '\ud800',
    'é',
    '%00',
  ];
  ids.forEach((planId, i) =>
    out.push(q(`planId ${label(planId)}`, rows, { planId, year: 2022 }, i < 5 ? 'refused' : 'either')),
  );
  const enums = ['MIDYEAR', 'year_end', '', 'null', 'YEAR_END ', 42, null];
  enums.forEach((checkpoint) =>
    out.push(
      q(
        `checkpoint ${JSON.stringify(checkpoint)}`,
        'query C($c: Checkpoint!) { report(planId: "x", year: 2022, checkpoint: $c) { title } }',
        { c: checkpoint },
      ),
    ),
  );
  const docs: Array<[string, string]> = [
    ['unknown field', '{ nope }'],
    ['unknown argument', '{ me(x: 1) { id } }'],
    ['missing selection', '{ me }'],
    ['selection on a scalar', '{ __typename { x } }'],
    ['undefined variable', '{ indicator(id: $x) { id } }'],
    ['unused variable', 'query Q($x: Int) { __typename }'],
    ['wrong literal type', '{ sheetRows(planId: 1, year: "2022") { serverTime } }'],
    ['fragment cycle', 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'],
    ['unknown fragment', '{ ...Nope }'],
    ['fragment on unknown type', 'fragment F on Nope { id } { ...F }'],
    ['unknown directive', '{ __typename @nope }'],
    ['directive flood', `{ __typename ${'@include(if: true) '.repeat(50)}}`],
    ['alias flood', `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }`],
    [
      'depth bomb',
      `{ planVersions { ${'perspectives { strategicObjectives { operationalObjectives { strategicObjective { perspective { '.repeat(4)}id${' } } } } }'.repeat(4)} } }`,
    ],
    [
      '30 reports',
      `{ ${Array.from({ length: 30 }, (_, i) => `r${i}: report(planId: "x", year: 2022) { title }`).join(' ')} }`,
    ],
    [
      'five sheetRows',
      `{ ${Array.from({ length: 5 }, (_, i) => `s${i}: sheetRows(planId: "x", year: ${2022 + i}) { serverTime }`).join(' ')} }`,
    ],
    ['a page of 1,000,000', '{ indicators(first: 1000000) { edges { node { id } } } }'],
    ['a negative page', '{ indicators(first: -1) { edges { node { id } } } }'],
    ['a bad cursor', '{ indicators(first: 1, after: "zzz") { edges { node { id } } } }'],
    ['mutation on query root', 'mutation { planVersions { id } }'],
    ['int overflow literal', '{ sheetRows(planId: "x", year: 99999999999) { serverTime } }'],
    ['float for int', '{ sheetRows(planId: "x", year: 2022.0) { serverTime } }'],
    ['a 2,100-token document', `{ ${Array.from({ length: 700 }, (_, i) => `a${i}: __typename`).join(' ')} }`],
  ];
  for (const [name, doc] of docs) out.push(q(name, doc));
  out.push(q('introspection of an unknown type', '{ __type(name: "Nope") { name } }', undefined, 'accepted'));
  const sync = 'mutation S($input: SyncBatchInput!) { syncRows(input: $input) { applied } }';
  const inputs: Array<[string, (ctx: Ctx) => unknown]> = [
    ['rows not a list', (c) => ({ planId: c.plan.planId, year: 2022, rows: 'x' })],
    ['rows null', (c) => ({ planId: c.plan.planId, year: 2022, rows: null })],
    ['a row a string', (c) => ({ planId: c.plan.planId, year: 2022, rows: ['x'] })],
    [
      'a threshold score a string',
      (c) => ({ planId: c.plan.planId, year: 2022, rows: [{ thresholds: [{ score: 'x', value: '1' }] }] }),
    ],
    [
      'a threshold score NaN-like',
      (c) => ({ planId: c.plan.planId, year: 2022, rows: [{ thresholds: [{ score: new Raw('1e309'), value: '1' }] }] }),
    ],
    [
      'a future year a float',
      (c) => ({ planId: c.plan.planId, year: 2022, rows: [{ futureTargets: [{ year: 2023.5, value: '1' }] }] }),
    ],
    ['rowVersion a string', (c) => ({ planId: c.plan.planId, year: 2022, rows: [{ rowId: 'x', rowVersion: 'x' }] })],
    ['an unknown field', (c) => ({ planId: c.plan.planId, year: 2022, rows: [{ nope: 1 }] })],
    ['mode lowercase', (c) => ({ planId: c.plan.planId, year: 2022, mode: 'partial', rows: [] })],
    ['source kind unknown', (c) => ({ planId: c.plan.planId, year: 2022, source: { kind: 'HACK' }, rows: [] })],
    ['5,001 rows', (c) => ({ planId: c.plan.planId, year: 2022, rows: Array.from({ length: 5001 }, () => ({})) })],
    ['a year outside the plan', (c) => ({ planId: c.plan.planId, year: 1999, rows: [{}] })],
    ['an unknown plan', () => ({ planId: '00000000-0000-4000-8000-000000000000', year: 2022, rows: [{}] })],
    [
      'a batch key of 1 MB',
      (c) => ({ planId: c.plan.planId, year: 2022, batchKey: 'k'.repeat(1_000_000), rows: [{}] }),
    ],
    ['a text field an object', (c) => ({ planId: c.plan.planId, year: 2022, rows: [{ note: { a: 1 } }] })],
    ['delete a string', (c) => ({ planId: c.plan.planId, year: 2022, rows: [{ delete: 'yes' }] })],
  ];
  for (const [name, input] of inputs)
    out.push({
      family: 'GraphQL types',
      name: `syncRows: ${name}`,
      send: (ctx) => gql(sync, { input: input(ctx) })(ctx),
      must: 'refused',
    });
  return out;
}
