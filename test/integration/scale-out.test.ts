/**
 * Several instances on one PostgreSQL, coordinated through Redis (issue 15, README "Running several instances"):
 * two real server processes share one request budget per token and one count of failed authentications per
 * address; /ready tells a Redis it cannot reach; request ids, redacted logs and /metrics as a deployer sees them.
 * Needs PostgreSQL and Redis (test/global-setup.ts probes both; without them the suite says it skips this file).
 */
import net from 'node:net';
import { createApp, listen } from '../../server/app';
import { openOrm } from '../../server/db/orm';
import { databaseFor } from '../helpers/databases';
import { expectNotReady, expectReady } from '../helpers/readiness';
import { dropKeys, REDIS_TEST_URL, redisAvailable, uniquePrefix } from '../helpers/redis';
import { seedAdminTokens, type ServerProcess, startServerProcess } from '../helpers/server-process';

const ready = process.env.CRUSCOTTO_TEST_PG === 'yes' && redisAvailable();
if (!ready) {
  console.warn(
    `SKIPPING scale-out tests (test/integration/scale-out.test.ts): they need PostgreSQL and Redis (${REDIS_TEST_URL}); PostgreSQL ${process.env.CRUSCOTTO_TEST_PG === 'yes' ? 'answers' : 'does not answer'}, Redis ${redisAvailable() ? 'answers' : 'does not answer'}`,
  );
}

const REQUESTS = 5;
const FAILURES = 3;

/** A port nothing listens on: the wrong Redis of instance D. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function post(url: string, token: string | null, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

(ready ? describe : describe.skip)('two instances on PostgreSQL + Redis', () => {
  const database = databaseFor('postgresql');
  const prefix = uniquePrefix();
  let databaseUrl: string;
  /** the token whose budget the instances share, and one that stays fresh */
  let spent: string;
  let fresh: string;
  /** the /metrics test's own budget */
  let probe: string;
  let a: ServerProcess;
  let b: ServerProcess;
  /** configured with a Redis port where nothing listens */
  let d: ServerProcess;

  beforeAll(async () => {
    databaseUrl = await database.create();
    [spent, fresh, probe] = await seedAdminTokens(databaseUrl, 'SCALE', ['spent', 'fresh', 'probe']);
    const shared = {
      DATABASE_URL: databaseUrl,
      REDIS_KEY_PREFIX: prefix,
      RATE_LIMIT_PER_MINUTE: String(REQUESTS),
      AUTH_FAILURES_PER_MINUTE: String(FAILURES),
    };
    [a, b, d] = await Promise.all([
      startServerProcess({ ...shared, REDIS_URL: REDIS_TEST_URL }, 'A'),
      startServerProcess({ ...shared, REDIS_URL: REDIS_TEST_URL }, 'B'),
      startServerProcess({ ...shared, REDIS_URL: `redis://127.0.0.1:${await closedPort()}` }, 'D'),
    ]);
  });

  afterAll(async () => {
    const codes = await Promise.all([a?.stop(), b?.stop(), d?.stop()]);
    await dropKeys(prefix);
    await database.dropAll();
    // an idle instance stops cleanly on SIGTERM
    expect(codes).toEqual([0, 0, 0]);
  });

  it("a token's budget spent on instance A is spent on instance B, and a lone instance would not know", async () => {
    for (let i = 0; i < REQUESTS; i++) expect((await post(a.url, spent, '{ __typename }')).status).toBe(200);
    const onB = await post(b.url, spent, '{ __typename }');
    expect(onB.status).toBe(429);
    expect(onB.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(onB.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post(a.url, spent, '{ __typename }')).status).toBe(429);
    // the other token of the same user has its own budget
    expect((await post(b.url, fresh, '{ __typename }')).status).toBe(200);

    // the control: an instance counting in its own memory (no REDIS_URL) on the same database lets the token in,
    // so the 429 above is the shared count and nothing else
    const orm = await openOrm(databaseUrl);
    const lone = await createApp(orm, {
      security: { requestsPerWindow: REQUESTS, authFailuresPerWindow: FAILURES },
      scaleOut: { redisUrl: undefined },
      log: () => undefined,
    });
    try {
      const port = await listen(lone.httpServer, 0, '127.0.0.1');
      expect((await post(`http://127.0.0.1:${port}`, spent, '{ __typename }')).status).toBe(200);
    } finally {
      await lone.stop();
      await orm.close(true);
    }
  });

  it('failed authentications counted on A stop the same address on B; a valid token still passes', async () => {
    for (let i = 0; i < FAILURES; i++) {
      const refused = await post(a.url, 'cru_not-a-real-token', '{ __typename }');
      expect(refused.status).toBe(401);
      expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const onB = await post(b.url, 'cru_another-guess', '{ __typename }');
    expect(onB.status).toBe(429);
    expect(onB.body.errors[0].message).toMatch(/failed authentications/);
    expect((await post(b.url, fresh, '{ __typename }')).status).toBe(200);
  });

  it('/ready is 200 with every check when Redis answers, 503 naming Redis when it does not; /health stays 200', async () => {
    await expectReady(a.url, { database: 'ok', migrations: 'ok', redis: 'ok' });
    await expectNotReady(d.url, { database: 'ok', migrations: 'ok', redis: 'failed' }, [
      {
        check: 'redis',
        messageIt: expect.stringMatching(/^Redis non raggiungibile \(/),
        message: expect.stringMatching(/^Redis not reachable \(/),
      },
    ]);
    expect((await fetch(`${d.url}/health`)).status).toBe(200);
    // without its Redis an instance still serves, uncounted (README: the limits fail open), rather than failing
    expect((await post(d.url, fresh, '{ __typename }')).status).toBe(200);
  });

  it("echoes the caller's X-Request-Id, logs the request as JSON under it, never the token", async () => {
    const answered = await post(b.url, fresh, 'query WhoAmI { __typename }', { 'x-request-id': 'prova-42' });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('x-request-id')).toBe('prova-42');
    const line = await b.waitForLog((l) => l.req?.id === 'prova-42' && l.res !== undefined);
    expect(line).toMatchObject({
      level: 30,
      operation: 'WhoAmI',
      req: { method: 'POST', url: '/graphql', headers: { authorization: '[redacted]' } },
      res: { statusCode: 200 },
    });
    expect(b.output.join('\n')).not.toContain(fresh);
    // a value that could forge a log line is replaced by an id of the server's
    for (const sent of ['x", "level": 60, "y": "', 'x'.repeat(200)]) {
      const forged = await post(b.url, fresh, '{ __typename }', { 'x-request-id': sent });
      expect(forged.headers.get('x-request-id')).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    }
  });

  it('/metrics: latency by operation and process metrics for a scraper on this machine, nothing for a forwarded one', async () => {
    expect((await post(a.url, probe, 'query Probe { __typename }')).status).toBe(200);
    const text = await (await fetch(`${a.url}/metrics`)).text();
    expect(text).toMatch(
      /cruscotto_request_duration_seconds_count\{route="\/graphql",operation="Probe",status="200"\} 1/,
    );
    expect(text).toMatch(/cruscotto_request_duration_seconds_count\{route="\/graphql",operation="",status="429"\} \d+/);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('# TYPE cruscotto_subscriptions gauge');
    const forwarded = await fetch(`${a.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(forwarded.status).toBe(403);
  });
});
