/**
 * The operations endpoints of one instance (README, "Running several instances"): /ready's checks and reasons,
 * who may read /metrics with METRICS_TOKEN, the sync-rows counter; and a limiter whose Redis was down at start
 * counting again once Redis is up (rate-limit-redis alone would stay broken: server/http/redis-window-store.ts).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { type App, createApp, listen } from '../../server/app';
import { HANG_GUARD_MS, until } from '../helpers/live';
import { expectNotReady, expectReady } from '../helpers/readiness';
import { withSondrioServer } from '../helpers/sondrio-server';
import { asInput } from '../helpers/sync';
import { dropKeys, redisAvailable, uniquePrefix } from '../helpers/redis';

/** The value of one series of the Prometheus text, 0 when absent. */
function series(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

async function started(app: App): Promise<string> {
  return `http://127.0.0.1:${await listen(app.httpServer, 0, '127.0.0.1')}`;
}

describe('/ready, /metrics and the sync counter (sqlite, in-process)', () => {
  const sondrio = withSondrioServer('sqlite');

  it('/ready lists its checks, and a migration missing from the database makes it 503 naming it', async () => {
    const { server } = sondrio;
    await expectReady(server.url, { database: 'ok', migrations: 'ok', redis: 'not configured' });
    const connection = server.orm.em.getConnection();
    const [last] = await connection.execute('select * from mikro_orm_migrations order by id desc limit 1');
    await connection.execute('delete from mikro_orm_migrations where id = ?', [last.id]);
    try {
      await expectNotReady(server.url, { database: 'ok', migrations: 'failed', redis: 'not configured' }, [
        {
          check: 'migrations',
          messageIt: `migrazioni non applicate: ${last.name}`,
          message: `migrations not applied: ${last.name}`,
        },
      ]);
    } finally {
      await connection.execute('insert into mikro_orm_migrations (id, name, executed_at) values (?, ?, ?)', [
        last.id,
        last.name,
        last.executed_at,
      ]);
    }
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
  });

  it('with METRICS_TOKEN, /metrics answers only that bearer token', async () => {
    const { server } = sondrio;
    const metricsToken = 'metrics-token-for-the-test';
    const app = await createApp(server.orm, { ops: { metricsToken }, log: () => undefined });
    try {
      const url = await started(app);
      expect((await fetch(`${url}/metrics`)).status).toBe(403);
      const wrong = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${server.token}` } });
      expect(wrong.status).toBe(403);
      const right = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
      expect(right.status).toBe(200);
      expect(right.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await right.text()).toContain('cruscotto_sync_rows_total');
    } finally {
      await app.stop();
    }
  });

  it('counts the rows syncRows answered, by status', async () => {
    const { server, sheet } = sondrio;
    const metrics = async () => (await fetch(`${server.url}/metrics`)).text();
    const before = await metrics();
    const rows = (await sheet.read()).rows.slice(0, 5).map(asInput);
    rows[1] = { ...rows[1], title: `${rows[1].title} (rivisto)` };
    const result = await sheet.sync(rows);
    const after = await metrics();
    const counted = new Map<string, number>();
    for (const row of result.rows) counted.set(row.status, (counted.get(row.status) ?? 0) + 1);
    expect(counted.get('UPDATED')).toBe(1);
    for (const status of ['CREATED', 'UPDATED', 'UNCHANGED', 'DELETED', 'CONFLICT', 'REJECTED']) {
      const name = `cruscotto_sync_rows_total{status="${status}"}`;
      expect([status, series(after, name) - series(before, name)]).toEqual([status, counted.get(status) ?? 0]);
    }
  });
});

/** Ends the test's own redis-server and waits for it: a child still running when the suite ends keeps Jest alive. */
async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const haveRedisServer = spawnSync('redis-server', ['--version']).status === 0;
if (!redisAvailable() || !haveRedisServer)
  console.warn('SKIPPING the Redis-comes-back test: no Redis or no redis-server');

(redisAvailable() && haveRedisServer ? describe : describe.skip)('a Redis that comes up after the server', () => {
  const sondrio = withSondrioServer('sqlite');
  let redis: ChildProcess | undefined;
  const prefix = uniquePrefix();
  afterAll(() => stop(redis));

  it('requests pass uncounted while it is down, and are counted (429 past the limit) once it answers', async () => {
    const { server } = sondrio;
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const redisUrl = `redis://127.0.0.1:${port}`;
    const app = await createApp(server.orm, {
      security: { requestsPerWindow: 2, authFailuresPerWindow: 100 },
      scaleOut: { redisUrl, redisPrefix: prefix },
      log: () => undefined,
    });
    try {
      const url = await started(app);
      const ask = async () =>
        (
          await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
            body: JSON.stringify({ query: '{ __typename }' }),
          })
        ).status;
      // Redis down: the limiter's scripts could not be loaded; the requests go through, uncounted
      for (let i = 0; i < 3; i++) expect(await ask()).toBe(200);

      redis = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      // ioredis reconnects by itself (at most every 2 s): its connection ready is what the limiter needs, where a
      // PING within 500 ms could fail on a loaded machine round after round
      const commands = app.coordination!.commands;
      await until(() => commands.status === 'ready', HANG_GUARD_MS, 'the Redis connection ready once Redis started');
      expect(await ask()).toBe(200);
      expect(await ask()).toBe(200);
      expect(await ask()).toBe(429);
    } finally {
      await app.stop();
      await stop(redis);
      await dropKeys(prefix).catch(() => undefined);
    }
  });
});
