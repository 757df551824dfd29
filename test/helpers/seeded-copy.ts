import { openOrm } from '../../server/db/orm';
import { seedIfEmpty } from '../../server/fixtures/sondrio';
import { databaseFor, type TestDatabase } from './databases';
import { standIn, startServer, type TestServer } from './server';
import { sondrioPlan, type SondrioPlan } from './sync';

/** One database seeded with the Sondrio plan and a copy of it: servers started on each begin from the same rows and ids. */
export async function seededWithCopy(databases: TestDatabase): Promise<{ source: string; copy: string }> {
  const source = await databases.create();
  const orm = await openOrm(source);
  await seedIfEmpty(orm.em);
  await orm.close(true);
  return { source, copy: await databases.copy(source) };
}

/** A server that keeps scored plans and answers, and the reference beside it, on the same Sondrio rows and ids. */
export type KeptAndComputed = {
  /** keeps scored plans and plan-tree answers (the defaults) */
  kept: TestServer;
  /** SCORE_CACHE_MB=0, on a copy of kept's database: computes on every read, the reference */
  computed: TestServer;
  /** with `other`: a second instance on kept's database, without Redis, so it tells kept nothing */
  other: TestServer;
  /** the Sondrio plan as kept reads it */
  plan: SondrioPlan;
};

/**
 * kept and computed (and other, when asked) for the enclosing describe block: started before its first test, closed
 * after its last with their databases. Each field is a stand-in until then: read them inside tests and later hooks.
 */
export function withKeptAndComputed(
  dialect: 'sqlite' | 'postgresql',
  options: { other?: boolean } = {},
): KeptAndComputed {
  const databases = databaseFor(dialect);
  const made: Partial<KeptAndComputed> = {};
  beforeAll(async () => {
    const { source, copy } = await seededWithCopy(databases);
    made.kept = await startServer(dialect, { databaseUrl: source });
    if (options.other) made.other = await startServer(dialect, { databaseUrl: source });
    made.computed = await startServer(dialect, { databaseUrl: copy, scoreCacheMb: 0 });
    made.plan = await sondrioPlan(made.kept);
  });
  afterAll(async () => {
    await made.kept?.close();
    await made.other?.close();
    await made.computed?.close();
    await databases.dropAll();
  });
  return {
    kept: standIn(() => made.kept, 'kept'),
    computed: standIn(() => made.computed, 'computed'),
    other: standIn(() => made.other, 'other (withKeptAndComputed with { other: true })'),
    plan: standIn(() => made.plan, 'the plan'),
  };
}
