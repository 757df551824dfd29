import type { SecurityConfig } from '../../server/config';
import { databaseNames } from './databases';
import { startServer, type TestServer } from './server';
import {
  type Batch,
  currentRow,
  deltaStart,
  readRows,
  rowHistory,
  type SheetRowIn,
  sondrioPlan,
  type SondrioPlan,
  sync,
  syncRaw,
} from './sync';

/**
 * What most integration and add-in tests start from: a real server on a fresh database seeded with the Sondrio
 * 2022-2024 plan, that plan as the sheet sees it (its id, its organisation, every row by level and code), and the
 * sync helpers bound to both.
 */
export type SondrioServer = { server: TestServer; plan: SondrioPlan; sheet: PlanSheet };

/**
 * The sync helpers of test/helpers/sync.ts on one plan of one server, as its administrator: what a test of the
 * Sondrio plan calls most, without naming the server and the plan at every call.
 */
export type PlanSheet = {
  /** the plan's rows (readRows: 2022, year end, unless `options` say otherwise) */
  read(options?: Parameters<typeof readRows>[2]): ReturnType<typeof readRows>;
  /** a row as the server has it now, by level and code (currentRow) */
  row(level: string, code: string): ReturnType<typeof currentRow>;
  /** `rows` in one batch, with the batch defaults (2022, year end, PARTIAL) or those of `batch` (sync) */
  sync(rows: SheetRowIn[], batch?: Omit<Batch, 'planId' | 'rows'>): ReturnType<typeof sync>;
  /** the same batch, its answer not checked: for refusals (syncRaw) */
  syncRaw(rows: SheetRowIn[], batch?: Omit<Batch, 'planId' | 'rows'>): ReturnType<typeof syncRaw>;
  /** a row's history (rowHistory) */
  history(rowId: string, year?: number): ReturnType<typeof rowHistory>;
  /** a full read to start a delta from (deltaStart) */
  deltaStart(): ReturnType<typeof deltaStart>;
};

export function planSheet(server: TestServer, planId: string): PlanSheet {
  return {
    read: (options) => readRows(server, planId, options),
    row: (level, code) => currentRow(server, planId, level, code),
    sync: (rows, batch = {}) => sync(server, { ...batch, planId, rows }),
    syncRaw: (rows, batch = {}) => syncRaw(server, { ...batch, planId, rows }),
    history: (rowId, year) => rowHistory(server, planId, rowId, year),
    deltaStart: () => deltaStart(server, planId),
  };
}

type Dialect = 'sqlite' | 'postgresql';
type Options = { security?: Partial<SecurityConfig> };

export async function startSondrioServer(dialect: Dialect = 'sqlite', options: Options = {}): Promise<SondrioServer> {
  const server = await startServer(dialect, { ...options, seed: true });
  try {
    const plan = await sondrioPlan(server);
    return { server, plan, sheet: planSheet(server, plan.planId) };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * A Sondrio server for the enclosing describe block (or file): started before its first test, closed after its last.
 * Jest wants its hooks registered synchronously, so this returns the object the hook fills in; read its fields inside
 * tests and later hooks (registered after this call, they run after the server is up).
 */
export function withSondrioServer(dialect: Dialect = 'sqlite', options: Options = {}): SondrioServer {
  const context = {} as SondrioServer;
  beforeAll(async () => {
    Object.assign(context, await startSondrioServer(dialect, options));
  });
  afterAll(() => context.server?.close());
  return context;
}

/**
 * `describe` once for each database the run has (SQLite, and PostgreSQL when it answers: `(%s)` in the title names
 * it), with a Sondrio server for the block (withSondrioServer). The body gets the object the hook fills in, and the
 * database's name for the few tests that differ by it.
 */
export function describeOnSondrio(
  title: string,
  body: (sondrio: SondrioServer, dialect: Dialect) => void,
  options: Options = {},
): void {
  describe.each(databaseNames())(title, (dialect) => body(withSondrioServer(dialect, options), dialect));
}
