import { openOrm } from '../../server/db/orm';
import { seedIfEmpty } from '../../server/fixtures/sondrio';
import { databaseFor, type TestDatabase } from './databases';
import { SCORE_TREE } from './score-tree';
import { type GraphQLResponse, standIn, startServer, type TestServer } from './server';
import {
  ok,
  SHEET_ROWS,
  type SheetRow,
  type SheetRowIn,
  sondrioPlan,
  type SondrioPlan,
  SYNC_ROWS,
  withoutTimes,
} from './sync';

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
  /** with `other`: a second instance on kept's database, without Redis unless `live` says so (then it tells kept) */
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
  options: { other?: boolean; live?: { redisUrl: string; channelPrefix: string } } = {},
): KeptAndComputed {
  const databases = databaseFor(dialect);
  const made: Partial<KeptAndComputed> = {};
  beforeAll(async () => {
    const { source, copy } = await seededWithCopy(databases);
    made.kept = await startServer(dialect, { databaseUrl: source, live: options.live });
    if (options.other) made.other = await startServer(dialect, { databaseUrl: source, live: options.live });
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

/** The indicators of the plan with a numeric target, whose actual moves their score: at least `least` of them. */
export function numericIndicators(plan: SondrioPlan, least: number): SheetRow[] {
  const indicators = plan.rows.filter((r) => r.level === 'INDICATOR' && r.target?.kind === 'NUMBER');
  expect(indicators.length).toBeGreaterThanOrEqual(least);
  return indicators;
}

/** A PARTIAL sync of 2022's year-end rows, its answer as it came: sent alike to the kept side and to the reference. */
export function partialSync(server: TestServer, planId: string, rows: SheetRowIn[]): Promise<GraphQLResponse> {
  return server.gql(SYNC_ROWS, { input: { planId, year: 2022, mode: 'PARTIAL', rows } });
}

/** The plan's score tree and its sheet rows with scores on `server` equal the reference's (times aside). */
export async function expectSameReads(server: TestServer, reference: TestServer, planId: string): Promise<void> {
  const vars = { planId, year: 2022, checkpoint: 'YEAR_END', since: null };
  expect(ok(await server.gql(SCORE_TREE, { id: planId }))).toEqual(ok(await reference.gql(SCORE_TREE, { id: planId })));
  expect(withoutTimes(ok(await server.gql(SHEET_ROWS, vars)))).toEqual(
    withoutTimes(ok(await reference.gql(SHEET_ROWS, vars))),
  );
}
