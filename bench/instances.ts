import { openOrm } from '../server/db/orm';
import { createUser, issueToken } from '../server/services/users';
import { databaseFor } from '../test/helpers/databases';
import { dropKeys, TEST_REDIS_URL, uniquePrefix } from '../test/helpers/redis';
import { type ServerProcess, startServerProcess } from '../test/helpers/server-process';
import { buildPlan, type PlanShape } from '../test/helpers/synthetic-plan';

/**
 * Servers as a deployer runs them (B4, B8): `npm start`'s entry point in processes of their own, with the production
 * defaults (score cache, compute threads, JSON logs at info), over a fresh database holding one generated plan, so the
 * load generator never shares an event loop with a server. One instance on SQLite, or several on PostgreSQL meeting
 * through Redis. The rate limit is raised: the load's clients share one token, where 50 colleagues would have 50.
 */
export type Instances = {
  dialect: 'sqlite' | 'postgresql';
  servers: ServerProcess[];
  urls: string[];
  token: string;
  planId: string;
  indicators: number;
  databaseUrl: string;
  close(): Promise<void>;
};

export async function startInstances(
  dialect: 'sqlite' | 'postgresql',
  count: number,
  shape: PlanShape,
  env: Record<string, string> = {},
): Promise<Instances> {
  const database = databaseFor(dialect);
  const databaseUrl = await database.create();
  const prefix = uniquePrefix('bench');
  const orm = await openOrm(databaseUrl);
  let token: string;
  let plan: { planId: string; indicators: number };
  try {
    plan = await buildPlan(orm.em, `INST${Date.now()}`, shape);
    const admin = await createUser(orm.em.fork(), { email: 'bench@test.local', name: 'Bench', systemAdmin: true });
    token = (await issueToken(orm.em.fork(), admin, { label: 'bench' })).token;
  } finally {
    await orm.close(true);
  }
  const shared: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_PER_MINUTE: '10000000',
    ...(dialect === 'postgresql' ? { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix } : {}),
    ...env,
  };
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await startServerProcess(shared, `instance ${i + 1}`));
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    await database.dropAll();
    throw error;
  }
  return {
    dialect,
    servers,
    urls: servers.map((s) => s.url),
    token,
    databaseUrl,
    ...plan,
    async close() {
      await Promise.all(servers.map((s) => s.stop()));
      if (dialect === 'postgresql') await dropKeys(prefix);
      await database.dropAll();
    },
  };
}
