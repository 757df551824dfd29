/**
 * A small GraphQL client for the pane: server URL, Bearer token and an injected fetch (the browser's, or a test's).
 * Every failure becomes an OfflineError (nothing reached the server) or an ApiError (the server said no).
 */
import { ApiError, graphqlError, httpError, OfflineError } from './errors';
import {
  CONFIRM_POLARITIES,
  ME,
  PLAN,
  PLANS,
  POLARITY_FINDINGS,
  REALIZATIONS,
  SHEET_ROWS,
  SHEET_SCORES,
  SYNC_ROWS,
  type Operation,
} from './queries';
import type { PolarityFindingsQuery } from './generated';
import { SHEET_SCOPES } from './insight-queries';
import type {
  Me,
  PlanDetails,
  PlanListing,
  RealizationView,
  ServerCheckpoint,
  SheetRowsPage,
  SyncAnswer,
  SyncBatch,
} from './types';

/** the part of fetch the client uses, so tests and the browser can pass their own */
export type FetchLike = (
  input: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

type GraphQLBody<T> = { data?: T | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

async function readJson<T>(response: { json(): Promise<unknown> }): Promise<GraphQLBody<T> | null> {
  try {
    return (await response.json()) as GraphQLBody<T>;
  } catch {
    // a proxy's HTML error page or a cut connection: the status says more than the body
    return null;
  }
}

export type ClientOptions = {
  serverUrl: string;
  token: string | null;
  fetch: FetchLike;
  /** a request that failed on the network is tried once more after this pause (ms) before giving up as offline */
  retryDelayMs?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** the scope of a scoped sheet (sync/types.ts BindingScope), as the API names it */
export type ScopeOfSheet = { kind: 'unit' | 'dashboard'; id: string };

export function scopeInput(scope: ScopeOfSheet | null | undefined): { unitId?: string; dashboardId?: string } | null {
  if (!scope) return null;
  return scope.kind === 'unit' ? { unitId: scope.id } : { dashboardId: scope.id };
}

export class CruscottoClient {
  readonly endpoint: string;

  constructor(private readonly options: ClientOptions) {
    const base = options.serverUrl.trim().replace(/\/+$/, '');
    this.endpoint = /\/graphql$/i.test(base) ? base : `${base}/graphql`;
  }

  /** the operation's generated types say what the variables must be and what the answer holds */
  async request<Result, Variables>(
    query: Operation<Result, Variables>,
    variables: NoInfer<Variables>,
  ): Promise<Result> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    const body = JSON.stringify({ query, variables });
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await this.options.fetch(this.endpoint, { method: 'POST', headers, body });
    } catch {
      // a reused connection the server just closed fails once and then works; every request here is safe to
      // repeat (reads, and batches under their idempotency key)
      await sleep(this.options.retryDelayMs ?? 300);
      try {
        response = await this.options.fetch(this.endpoint, { method: 'POST', headers, body });
      } catch (error) {
        throw new OfflineError(error);
      }
    }
    const answer = await readJson<Result>(response);
    if (answer?.errors?.length) throw graphqlError(answer.errors);
    if (!response.ok) throw httpError(response.status);
    if (!answer || answer.data === undefined || answer.data === null)
      throw new ApiError('bad-response', 'no data in the answer', { status: response.status });
    return answer.data;
  }

  async plans(): Promise<PlanListing[]> {
    return (await this.request(PLANS, {})).planVersions;
  }

  /** the caller's role in each organisation */
  async me(): Promise<Me> {
    return (await this.request(ME, {})).me;
  }

  /** a plan with its scoring profile and the pass marks of its strategic objectives */
  async plan(id: string): Promise<{ plan: PlanDetails | null; passMarks: number[] }> {
    const data = await this.request(PLAN, { id });
    return {
      plan: data.planVersion,
      passMarks: data.strategicObjectives.map((s) => s.passMark).filter((p): p is number => typeof p === 'number'),
    };
  }

  async sheetRows(
    planId: string,
    year: number,
    checkpoint: ServerCheckpoint,
    /** a delta after the last read: its cursor, or its time for a binding saved before cursors (`since`) */
    last: { serverTime: string | null; cursor?: string | null } | null = null,
    dashboards = false,
    scope: ScopeOfSheet | null = null,
  ): Promise<SheetRowsPage> {
    // the cursor is in commit order: a time at the read misses a colleague's sync still open then (issue 15)
    const after = last?.cursor ?? null;
    const since = after ? null : (last?.serverTime ?? null);
    // a scoped sheet never holds the cruscotti's own rows (docs/sheet-contract.md)
    const vars = { planId, year, checkpoint, since, after, dashboards: dashboards && !scope, scope: scopeInput(scope) };
    return (await this.request(SHEET_ROWS, vars)).sheetRows;
  }

  async realizations(
    planId: string,
    year: number,
    checkpoint: ServerCheckpoint,
    scope: ScopeOfSheet | null = null,
  ): Promise<Array<{ rowId: string; realization: RealizationView | null }>> {
    return (await this.request(REALIZATIONS, { planId, year, checkpoint, scope: scopeInput(scope) })).sheetRows.rows;
  }

  /** the rows' scores: all (`complete`), or with `after` only those moved since the answer that gave that cursor */
  async sheetScores(
    planId: string,
    year: number,
    checkpoint: ServerCheckpoint,
    after: string | null,
    scope: ScopeOfSheet | null = null,
  ): Promise<{
    rows: Array<{ rowId: string; realization: RealizationView | null }>;
    complete: boolean;
    cursor: string;
  }> {
    const vars = { planId, year, checkpoint, after, scope: scopeInput(scope) };
    return (await this.request(SHEET_SCORES, vars)).sheetScores;
  }

  async syncRows(batch: SyncBatch): Promise<SyncAnswer> {
    return (await this.request(SYNC_ROWS, { input: batch })).syncRows;
  }

  /**
   * what this user may scope a sheet of this plan to (bindableScopes): the server lists only what it would accept,
   * and says whether the lists are limited to the user's own units
   */
  async sheetScopes(planId: string): Promise<{
    limitedToOwnUnits: boolean;
    units: Array<{ id: string; name: string }>;
    dashboards: Array<{ id: string; name: string }>;
  }> {
    return (await this.request(SHEET_SCOPES, { planId })).bindableScopes;
  }

  /** planLint's polarity findings of a plan (unconfirmed, not stated, suggested by the KPI's words) */
  async polarityFindings(planId: string): Promise<PolarityFinding[]> {
    const issues = (await this.request(POLARITY_FINDINGS, { planId })).planLint;
    return issues.filter((i) => i.code.startsWith('POLARITY_'));
  }

  /** confirms every unconfirmed polarity of the plan; with acceptSuggestions the suggested one first (draft only) */
  async confirmPolarities(planId: string, acceptSuggestions: boolean): Promise<number> {
    return (await this.request(CONFIRM_POLARITIES, { planId, acceptSuggestions })).confirmPolarities.length;
  }
}

export type PolarityFinding = PolarityFindingsQuery['planLint'][number];
