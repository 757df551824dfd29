import { REALIZATIONS, SHEET_ROWS, SHEET_SCORES, SYNC_ROWS } from '../addin/src/api/queries';

/**
 * The add-in's traffic (addin/src/sync): the pane's own GraphQL documents, in the proportions one bound workbook
 * produces. One cycle of a client is
 *   Sync       → syncRows of 20 edited rows (send.ts), then the scores moved since its last read of them
 *                (sheetScores(after: cursor), computed.ts and score-memory.ts)
 *   Refresh    → sheetRows(after: cursor) (refresh.ts), then again the scores moved since its last read
 *   2 × live   → sheetRows(after: cursor): a colleague's change announced by planChanged carries its scores (session.ts),
 *                or the polling fallback asks the same
 * that is 6 requests: 1 sync, 2 moved-score reads, 3 delta reads; binding read every score once (as Load and Bind
 * do), before the clock starts. BENCH_MIX=full gives the cycle before issue 15's moved scores, where
 * both score reads asked every row's realization (the Realizations read, ~1 MB on B4's plan): 1 sync, 2 full
 * realization reads, 3 delta reads. The pane asks no plan tree and no report (those are the web pages' and
 * documents'). Each client edits 20 indicator rows of its own, naming the version it last read, so a refused row is a
 * real conflict, not two benchmark clients writing the same cell.
 */
export type Op = 'sync' | 'realizations' | 'scores' | 'delta';
export const MIX = process.env.BENCH_MIX === 'full' ? 'full' : 'moved';
export const CYCLE: Op[] =
  MIX === 'full'
    ? ['sync', 'realizations', 'delta', 'realizations', 'delta', 'delta']
    : ['sync', 'scores', 'delta', 'scores', 'delta', 'delta'];
export const ROWS_PER_SYNC = 20;

export type Sample = { op: Op; ms: number; ok: boolean; url: string; at: number };
/**
 * The last value acknowledged per row, and the value of a sync sent after it whose answer never came (its instance
 * died): that one may have committed, so finding it stored is no loss.
 */
export type Acknowledged = Map<string, string> & {
  maybe?: Map<string, string>;
  /** the rows an acknowledged write changed: those a subscriber hears of (B8) */
  changed?: Set<string>;
  log?: Map<string, Acknowledgement>;
};
/** where and when a row's last value was acknowledged, kept when a run asks (B8 explains a row its subscriber missed) */
export type Acknowledgement = { url: string; at: number; status: string; rowVersion: number };
export type AnsweredRow = { index: number; status: string; rowVersion: number };
const ACKNOWLEDGED = new Set(['UPDATED', 'UNCHANGED']);

/**
 * A sync's answer in the books: every row it acknowledged has its value stored (lostWrites checks it), and the rows
 * it UPDATED are changes a subscriber must hear of. An UNCHANGED row was sent the value it already held (a pane's
 * value can match the generated plan's, about one in 150): no commit, no event, nothing in a delta. Counting it as a
 * change made B8 report "acknowledged rows never seen" that no subscriber could have seen (issue 15, 6 December).
 */
export function acknowledge(
  acknowledged: Acknowledged,
  sent: Array<{ rowId: string; actual: string }>,
  rows: AnsweredRow[],
  url: string,
): void {
  for (const { index, status, rowVersion } of rows) {
    if (!ACKNOWLEDGED.has(status)) continue;
    const { rowId, actual } = sent[index];
    acknowledged.set(rowId, actual);
    if (status === 'UPDATED') (acknowledged.changed ??= new Set()).add(rowId);
    acknowledged.log?.set(rowId, { url, at: Date.now(), status, rowVersion });
  }
}

/**
 * The rows a subscriber should have heard of (or caught up with) and did not (B8's `missedBySubscriber`): those an
 * acknowledged write UPDATED. A row only ever answered UNCHANGED was committed by nobody during the run, so no event
 * or delta names it; it still counts for lost writes (lostWrites reads every acknowledged row).
 */
export function unheard(acknowledged: Acknowledged, heard: ReadonlySet<string>): string[] {
  return [...(acknowledged.changed ?? [])].filter((rowId) => !heard.has(rowId));
}

/** a failed request of the cycle, or a pane's re-reading of its rows' versions after its instance died */
export type Failure = { op: Op | 'bind'; url: string; what: string };

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });

/** One pane: its rows and their versions, where it sends, and what it has seen acknowledged. */
export class Pane {
  private versions = new Map<string, number>();
  /** the last delta's cursor (commit order, as the add-in keeps it); the time of the pane's start before the first */
  private since: string;
  private cursor: string | null = null;
  /** the last sheetScores' cursor: the scores this pane holds (addin/src/sync/score-memory.ts) */
  private scoresCursor: string | null = null;
  private turn = 0;
  /** moved-score reads answered with every row (the first, or a cursor the server no longer keeps) */
  completeScores = 0;
  private cycle = 0;
  /** why the last request that answered was refused: its status, its first error, or its rows' statuses */
  private refusal = 'refused';

  constructor(
    readonly id: number,
    public url: string,
    private readonly token: string,
    private readonly planId: string,
    readonly rowIds: string[],
    private readonly acknowledged: Acknowledged,
    private readonly samples: Sample[],
    private readonly failures: Failure[],
  ) {
    this.since = new Date().toISOString();
  }

  private async post(text: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: text,
      signal: AbortSignal.timeout(30_000),
    });
    return { status: response.status, text: await response.text() };
  }

  /** Reads its rows' versions, as a workbook bound to the plan holds them. */
  async bind(): Promise<void> {
    const answer = await this.post(
      body(`query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) { rows { rowId rowVersion } } }`, {
        p: this.planId,
      }),
    );
    const rows = (JSON.parse(answer.text).data.sheetRows.rows as Array<{ rowId: string; rowVersion: number }>).filter(
      (r) => this.rowIds.includes(r.rowId),
    );
    for (const r of rows) this.versions.set(r.rowId, r.rowVersion);
  }

  /**
   * Load and Bind remember every score (addin/src/sync/session-core.ts, rememberScores), so the cycle's score reads
   * are moved ones; nothing in the old mix. Asked once every pane has bound (openPanes): the 50 binds at once already
   * come near their 30 s on a loaded machine.
   */
  async rememberScores(): Promise<void> {
    if (MIX !== 'moved') return;
    const scores = await this.post(body(SHEET_SCORES, { planId: this.planId, year: 2022, checkpoint: 'YEAR_END' }));
    this.scoresCursor = /"cursor":"([^"]+)"/.exec(scores.text.slice(-300))?.[1] ?? null;
  }

  /** One request of the cycle, timed; false when it failed (transport, status, GraphQL error or a refused row). */
  async step(): Promise<boolean> {
    const op = CYCLE[this.turn++ % CYCLE.length];
    if (op === 'sync') this.cycle++;
    const started = performance.now();
    this.refusal = '';
    let ok = false;
    let what = '';
    try {
      ok = await this.send(op);
      if (!ok) what = this.refusal;
    } catch (error) {
      what = (error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    }
    const ms = performance.now() - started;
    this.samples.push({ op, ms, ok, url: this.url, at: Date.now() });
    if (!ok) this.failures.push({ op, url: this.url, what });
    return ok;
  }

  private refused(answer: { status: number; text: string }): false {
    this.refusal = `refused: HTTP ${answer.status} ${answer.text.slice(0, 300)}`;
    return false;
  }

  private async send(op: Op): Promise<boolean> {
    const vars = { planId: this.planId, year: 2022, checkpoint: 'YEAR_END' };
    if (op === 'sync') {
      const sent = this.rowIds.map((rowId, k) => ({
        rowId,
        rowVersion: this.versions.get(rowId),
        actual: String((this.id * 31 + this.cycle * 7 + k) % 150),
      }));
      const input = { ...vars, mode: 'PARTIAL', batchKey: `pane-${this.id}-${this.cycle}`, rows: sent };
      const maybe = (this.acknowledged.maybe ??= new Map());
      for (const row of sent) maybe.set(row.rowId, row.actual);
      const answer = await this.post(body(SYNC_ROWS, { input }));
      if (answer.status !== 200) return this.refused(answer);
      const json = JSON.parse(answer.text) as { data?: any; errors?: unknown };
      if (json.errors || !json.data) return this.refused(answer);
      const rows = json.data.syncRows.rows as AnsweredRow[];
      acknowledge(this.acknowledged, sent, rows, this.url);
      for (const row of rows)
        if (ACKNOWLEDGED.has(row.status)) this.versions.set(sent[row.index].rowId, row.rowVersion);
      // answered: nothing of this batch is left uncertain (a refused row was not written)
      for (const row of sent) maybe.delete(row.rowId);
      // an UNCHANGED row (the value sent is the one stored: a pane's first value met the generated plan's) is no error
      const refused = (json.data.syncRows.rows as Array<{ status: string; errors?: Array<{ code: string }> }>).filter(
        (row) => !ACKNOWLEDGED.has(row.status),
      );
      this.refusal = refused.length
        ? `refused: ${refused.length} rows ${refused[0].status} ${refused[0].errors?.[0]?.code ?? ''}`
        : '';
      return refused.length === 0;
    }
    const text =
      op === 'delta'
        ? body(SHEET_ROWS, { ...vars, since: this.cursor ? null : this.since, after: this.cursor, dashboards: false })
        : op === 'scores'
          ? body(SHEET_SCORES, { ...vars, after: this.scoresCursor })
          : body(REALIZATIONS, vars);
    const answer = await this.post(text);
    if (answer.status !== 200 || graphqlFailed(answer.text)) return this.refused(answer);
    const cursor = /"cursor":"([^"]+)"/.exec(answer.text);
    if (op === 'delta' && cursor) this.cursor = cursor[1];
    if (op === 'scores') {
      // complete and cursor are the answer's last fields: read from its end, not by scanning a megabyte of scores
      const tail = answer.text.slice(-300);
      this.scoresCursor = /"cursor":"([^"]+)"/.exec(tail)?.[1] ?? null;
      if (/"complete":true/.test(tail)) this.completeScores++;
    }
    return true;
  }
}

/**
 * Whether a GraphQL answer carries request errors. A score's own `errors` (codes, strings) are data the pane reads,
 * so the test is for the top-level list of error objects, not for the word: the answers run to megabytes, and
 * parsing them all in the load clients would compete for the CPU with the server being measured.
 */
export function graphqlFailed(text: string): boolean {
  return /"errors":\s*\[\s*\{/.test(text);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** p50/p99 by operation: which part of the mix makes the tail. */
export function byOperation(
  samples: Sample[],
): Record<Op, { n: number; p50: number; p99: number; max: number; mean: number }> {
  const out = {} as Record<Op, { n: number; p50: number; p99: number; max: number; mean: number }>;
  for (const op of new Set(CYCLE)) {
    const ms = samples.filter((s) => s.op === op).map((s) => s.ms);
    out[op] = {
      n: ms.length,
      p50: Math.round(percentile(ms, 50)),
      p99: Math.round(percentile(ms, 99)),
      max: Math.round(Math.max(...ms)),
      mean: Math.round(ms.reduce((a, b) => a + b, 0) / ms.length),
    };
  }
  return out;
}

/** Every acknowledged row's last value, read back from `url`: the rows whose stored actual differs are lost. */
export async function lostWrites(
  url: string,
  token: string,
  planId: string,
  acknowledged: Acknowledged,
): Promise<Array<{ rowId: string; sent: string; stored: string | null }>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body(
      `query($p: ID!) { sheetRows(planId: $p, year: 2022, checkpoint: YEAR_END) { rows { rowId actual { raw } } } }`,
      { p: planId },
    ),
  });
  const rows = (await response.json()).data.sheetRows.rows as Array<{ rowId: string; actual: { raw: string } | null }>;
  const stored = new Map(rows.map((r) => [r.rowId, r.actual?.raw ?? null]));
  return [...acknowledged]
    .filter(([rowId, sent]) => stored.get(rowId) !== sent && stored.get(rowId) !== acknowledged.maybe?.get(rowId))
    .map(([rowId, sent]) => ({ rowId, sent, stored: stored.get(rowId) ?? null }));
}
