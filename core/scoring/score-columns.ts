/**
 * The column engine (docs/scoring.md §5.2–5.4 for a whole plan at once): the indicators of `IndicatorColumns` scored
 * into typed arrays — score, attainment, status — with no object per indicator. A numeric row is scored from its
 * numbers by the same functions as `scoreIndicator` (numeric-row.ts); any other row by `scoreIndicator` itself,
 * whose record is kept. A row's record (rule, mode, warnings, errors, display, explanation) is built when asked:
 * `record(i)` scores its input again with `scoreIndicator`, the same engine, so it is the object API's result.
 */
import type { IndicatorColumns } from './columns';
import { scoreIndicator } from './indicator';
import { DEFAULT_PROFILE } from './profiles';
import { outcomeAttainment, outcomeScore } from './rules/common';
import { ROW_GENERAL, scoreNumeric } from './numeric-row';
import { STATUS_ORDER } from './status';
import type { ChildStatus, IndicatorResult, ScoreContext } from './types';

/** Status codes of the result columns: the indicator statuses in the order of STATUS_ORDER, then `empty`. */
export const STATUS_CODES: readonly ChildStatus[] = Object.freeze([...STATUS_ORDER, 'empty'] as ChildStatus[]);
export const SCORED = STATUS_CODES.indexOf('scored');
export const INVALID = STATUS_CODES.indexOf('invalid');
export const EMPTY = STATUS_CODES.indexOf('empty');

/** The code of a status (STATUS_CODES). */
export function statusCode(status: ChildStatus): number {
  switch (status) {
    case 'scored':
      return SCORED;
    case 'empty':
      return EMPTY;
    default:
      return STATUS_CODES.indexOf(status);
  }
}

/** What a roll-up reads of its children (rollup-columns.ts): scores (NaN for none), statuses, records on demand. */
export interface ScoreColumns {
  readonly count: number;
  readonly score: Float64Array;
  readonly status: Uint8Array;
  record(i: number): { readonly id: string; readonly code?: string; readonly errors?: readonly string[] };
}

/** The scores of a plan's indicators, by row of its columns. */
export class IndicatorScores implements ScoreColumns {
  readonly count: number;
  /** NaN when the row has no score */
  readonly score: Float64Array;
  /** NaN when the row has no attainment */
  readonly attainment: Float64Array;
  /** STATUS_CODES */
  readonly status: Uint8Array;
  readonly #columns: IndicatorColumns;
  readonly #ctx: ScoreContext;
  /** the records of the rows scored from their input */
  readonly #kept: Map<number, IndicatorResult>;

  constructor(columns: IndicatorColumns, ctx: ScoreContext) {
    const n = columns.count;
    this.count = n;
    this.score = new Float64Array(n);
    this.attainment = new Float64Array(n);
    this.status = new Uint8Array(n);
    this.#columns = columns;
    this.#ctx = ctx;
    this.#kept = new Map();
  }

  /** The record of row i, as `scoreIndicator` gives it (built now, not memoized: a caller keeps what it shows). */
  record(i: number): IndicatorResult {
    return this.#kept.get(i) || scoreIndicator(this.#columns.inputs[i], this.#ctx);
  }

  /** Row i scored from its input (scoreColumns): its record kept, its numbers copied into the columns. */
  keep(i: number, r: IndicatorResult): void {
    this.#kept.set(i, r);
    this.score[i] = r.score === null ? NaN : r.score;
    this.attainment[i] = r.attainment === null ? NaN : r.attainment;
    this.status[i] = statusCode(r.status);
  }
}

/** Scores every row of the columns in (year, checkpoint) with the context's profile. */
export function scoreColumns(columns: IndicatorColumns, ctx: ScoreContext): IndicatorScores {
  const profile = ctx.profile || DEFAULT_PROFILE;
  const out = new IndicatorScores(columns, ctx);
  const { kind, target, actual, bandStart, bandValues, bandScores } = columns;
  const score = out.score;
  const attainment = out.attainment;
  const status = out.status;
  const n = columns.count;
  for (let i = 0; i < n; i++) {
    const k = kind[i];
    if (k === ROW_GENERAL) {
      out.keep(i, scoreIndicator(columns.inputs[i], ctx));
      continue;
    }
    const from = bandStart[i];
    scoreNumeric(k, target[i], actual[i], bandValues, bandScores, from, bandStart[i + 1] - from, profile);
    // a numeric row is always scored (numeric-row.ts)
    score[i] = outcomeScore()!;
    const a = outcomeAttainment();
    attainment[i] = a === null ? NaN : a;
    status[i] = SCORED;
  }
  return out;
}
