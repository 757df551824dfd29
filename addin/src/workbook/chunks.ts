/**
 * Request sizing for Excel. Excel on the web refuses a request or a response above 5 MB
 * (RequestPayloadSizeLimitExceeded), so every batch the add-in sends is packed to stay under a budget with room
 * for the envelope Office wraps around our values. Pure: the browser test double and the bench reuse it.
 */
export const EXCEL_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** what our payload may use of a request: the rest is Office's per-action envelope, which we also estimate */
export const CHUNK_BUDGET_BYTES = 4 * 1024 * 1024;
/** Office describes each queued action (object path, method, property) in about this many bytes */
export const ACTION_OVERHEAD_BYTES = 160;
/** the first read chunk at most, before we know how wide rows are... */
export const FIRST_READ_ROWS = 1000;
/** ...and the cell width guessed for it (seed cells are mostly short; a wider first chunk is split on refusal) */
export const GUESSED_CELL_BYTES = 64;
/** Excel's own advice: a read above 5M cells may come back as null */
export const MAX_READ_CELLS = 1_000_000;

const encoder = new TextEncoder();

/** UTF-8 size of a value as it travels in Office's JSON request */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/**
 * Splits items into consecutive [start, end) runs whose summed sizes stay within the budget. An item bigger than
 * the budget travels alone (Excel will refuse it, and the caller reports that row) rather than being dropped.
 */
export function packBySize(sizes: readonly number[], budget = CHUNK_BUDGET_BYTES): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let start = 0;
  let used = 0;
  for (let i = 0; i < sizes.length; i++) {
    if (i > start && used + sizes[i] > budget) {
      chunks.push([start, i]);
      start = i;
      used = 0;
    }
    used += sizes[i];
  }
  if (start < sizes.length) chunks.push([start, sizes.length]);
  return chunks;
}

/** How many rows the next read may ask for, knowing the widest row seen so far (bytes). */
export function nextReadRows(widestRowBytes: number, columns: number, budget = CHUNK_BUDGET_BYTES): number {
  const byBytes = widestRowBytes > 0 ? Math.floor(budget / (widestRowBytes * 1.25)) : FIRST_READ_ROWS;
  const byCells = Math.floor(MAX_READ_CELLS / Math.max(1, columns));
  return Math.max(1, Math.min(byBytes, byCells));
}

/** Consecutive runs of sorted positions: [3,4,5,9] → [[3,3],[9,1]] as [first, count]. */
export function runsOf(positions: readonly number[]): Array<[number, number]> {
  const sorted = [...positions].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && p === last[0] + last[1]) last[1]++;
    else if (!last || p >= last[0] + last[1]) runs.push([p, 1]);
  }
  return runs;
}

/** Whether an Office error says the batch was too big for Excel on the web. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  return /PayloadSizeLimitExceeded/i.test(code);
}
