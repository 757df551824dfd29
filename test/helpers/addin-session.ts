/**
 * Helpers of the add-in sync-logic tests (test/addin/sync-*.test.ts): a session over a MemoryWorkbook talking to the
 * real test server, fetches that fail like a dropped network, and readers for the loaded table.
 */
import type { FetchLike } from '../../addin/src/api/client';
import { canonicalHeaders } from '../../addin/src/sync/columns';
import { WorkbookSession } from '../../addin/src/sync/session';
import type { Language } from '../../addin/src/i18n';
import { MemoryWorkbook } from '../../addin/src/workbook/memory';
import type { TestServer } from './server';
import type { SondrioServer } from './sondrio-server';

export const H = canonicalHeaders('it');
export const HEN = canonicalHeaders('en');

/** the real fetch, with a switch that makes it fail the way a dropped connection does */
export function networkFetch(): FetchLike & { offline: boolean; calls: number } {
  const wrapper = Object.assign(
    async (input: string, init?: Parameters<FetchLike>[1]) => {
      wrapper.calls++;
      if (wrapper.offline) throw new TypeError('fetch failed');
      return fetch(input, init as RequestInit);
    },
    { offline: false, calls: 0 },
  );
  return wrapper;
}

export async function openSession(
  server: TestServer,
  workbook: MemoryWorkbook,
  options: { fetch?: FetchLike; language?: Language } = {},
): Promise<WorkbookSession> {
  const session = await WorkbookSession.open({
    workbook,
    fetch: options.fetch ?? networkFetch(),
    language: options.language ?? 'it',
    author: 'test',
    workbookName: 'Piano.xlsx',
  });
  session.useConnection({ serverUrl: server.url, token: server.token });
  return session;
}

/** the body row of a table whose code (and, if given, level word) matches */
export function rowOf(workbook: MemoryWorkbook, table: string, code: string, level?: string, headers = H): number {
  const codes = workbook.column(table, headers.code);
  const levels = workbook.column(table, headers.level);
  const row = codes.findIndex((c, i) => String(c) === code && (!level || levels[i] === level));
  if (row < 0) throw new Error(`no row with code ${code}`);
  return row;
}

/**
 * The user types lines just below a table, written as they stand on the sheet: a row of headers, then one row of cells
 * per line; a short line leaves the cells after it empty. Returns the body rows they became.
 */
export function typeRows(workbook: MemoryWorkbook, table: string, [headers, ...lines]: string[][]): number[] {
  return lines.map((line) => workbook.addRow(table, Object.fromEntries(line.map((cell, i) => [headers[i], cell]))));
}

export type LoadedWorkbook = { wb: MemoryWorkbook; session: WorkbookSession; table: string };

/** A new workbook with a plan's 2022 year-end rows loaded into a table by a new session: where a sync test starts. */
export async function loadedWorkbook(server: TestServer, planId: string): Promise<LoadedWorkbook> {
  const wb = new MemoryWorkbook();
  const session = await openSession(server, wb);
  const { table } = await session.load({ planId, year: 2022, checkpoint: 'YEAR_END' });
  return { wb, session, table };
}

/**
 * loadedWorkbook for the enclosing describe block (or file), on the Sondrio plan of withSondrioServer: loaded before
 * its first test. Returns the object its hook fills in: read its fields inside tests; `row(code)` finds a row by code.
 */
export function withLoadedWorkbook(
  sondrio: SondrioServer,
): LoadedWorkbook & { row: (code: string, level?: string) => number } {
  const loaded = {
    /** the table row of a code (rowOf) */
    row: (code: string, level?: string) => rowOf(loaded.wb, loaded.table, code, level),
  } as LoadedWorkbook & { row: (code: string, level?: string) => number };
  beforeAll(async () => {
    Object.assign(loaded, await loadedWorkbook(sondrio.server, sondrio.plan.planId));
  });
  return loaded;
}
