/**
 * The column engine's roll-up (docs/scoring.md §5.5–5.7): one level of a plan — operational objectives over their
 * indicators, strategic objectives over their contributing operational objectives, perspectives, the plan — as the
 * weighted mean of each parent's children, read from the children's score and status columns through the same
 * mean as `aggregate` (mean.ts), into typed arrays. A parent's record (with its explanation) is built when asked,
 * by `aggregate` / `scoreStrategicObjective` over its children's records: the object API's result.
 */
import { achievedOf, aggregate } from './aggregate';
import type { AggregateChild, AggregateResult, StrategicResult } from './aggregate-types';
import { MEAN, MEAN_STATE, meanBegin, meanChild, meanEnd } from './mean';
import { DEFAULT_PROFILE } from './profiles';
import { type ScoreColumns, STATUS_CODES, statusCode } from './score-columns';
import { scoreStrategicObjective } from './strategic';
import type { ScoringProfile, Subject } from './types';

const DEFAULT_SUMS: readonly number[] = Object.freeze([100]);

export type RollUpOptions = {
  readonly profile?: ScoringProfile;
  /** the children's weights by child row; NaN for a weight not declared; absent: equal weights */
  readonly weights?: Float64Array;
  /** one pass mark for every parent, or one per parent (NaN: none) */
  readonly passMark?: number | null | Float64Array;
  /** `strategic`: each parent is a strategic objective scored on its contributions only (§5.6) */
  readonly level?: 'aggregate' | 'strategic';
  /** the parents' subjects (id, code, …), for their records */
  readonly subject?: (parent: number) => Partial<Subject>;
  readonly acceptedWeightSums?: readonly number[];
};

/** The children of each parent, in child order: `children[start[p] .. start[p + 1])`. */
export type ChildIndex = { readonly start: Int32Array; readonly children: Int32Array };

/** The children of each of `count` parents (a stable counting sort of the child rows by parent index). */
export function childIndex(parent: Int32Array, count: number): ChildIndex {
  const start = new Int32Array(count + 1);
  for (let i = 0; i < parent.length; i++) start[parent[i] + 1]++;
  for (let p = 0; p < count; p++) start[p + 1] += start[p];
  const next = start.slice(0, count);
  const children = new Int32Array(parent.length);
  for (let i = 0; i < parent.length; i++) children[next[parent[i]]++] = i;
  return { start, children };
}

/** The pass mark of parent p: the one of every parent, or its own (NaN: none). */
function passMarkOf(passMark: RollUpOptions['passMark'], p: number): number | null {
  if (passMark === undefined || passMark === null) return null;
  if (typeof passMark === 'number') return passMark;
  const m = passMark[p];
  return m !== m ? null : m;
}

/** The scores of one level of parents, by parent index. */
export class AggregateScores implements ScoreColumns {
  readonly count: number;
  readonly score: Float64Array;
  readonly status: Uint8Array;
  /** -1 no pass mark or no score, 0 not achieved, 1 achieved */
  readonly achieved: Int8Array;
  readonly warnings: Array<readonly string[]>;
  readonly errors: Array<readonly string[]>;
  readonly #from: ScoreColumns;
  readonly #index: ChildIndex;
  readonly #options: RollUpOptions;

  constructor(from: ScoreColumns, index: ChildIndex, options: RollUpOptions) {
    const n = index.start.length - 1;
    this.count = n;
    this.score = new Float64Array(n);
    this.status = new Uint8Array(n);
    this.achieved = new Int8Array(n);
    this.warnings = new Array(n);
    this.errors = new Array(n);
    this.#from = from;
    this.#index = index;
    this.#options = options;
  }

  /** The record of parent p, as `aggregate` (or `scoreStrategicObjective`) gives it over its children's records. */
  record(p: number): AggregateResult | StrategicResult {
    const { start, children } = this.#index;
    const o = this.#options;
    const from = this.#from;
    const profile = o.profile || DEFAULT_PROFILE;
    const subject = o.subject ? o.subject(p) : undefined;
    const list: AggregateChild[] = [];
    const weights: Array<number | undefined> = [];
    for (let k = start[p]; k < start[p + 1]; k++) {
      const i = children[k];
      const w = o.weights ? o.weights[i] : undefined;
      const weight = w === undefined || w !== w ? undefined : w;
      const r = from.record(i);
      if (o.level === 'strategic') {
        const s = from.score[i];
        list.push({
          id: r.id,
          code: r.code,
          weight,
          score: s !== s ? null : s,
          status: STATUS_CODES[from.status[i]],
          errors: r.errors,
        });
      } else {
        list.push(r as AggregateChild);
        weights.push(weight);
      }
    }
    if (o.level === 'strategic') {
      return scoreStrategicObjective(
        {
          id: subject?.id || '',
          code: subject?.code,
          contributions: list.length ? list : undefined,
          passMark: passMarkOf(o.passMark, p),
        },
        { profile, year: subject?.year, checkpoint: subject?.checkpoint },
      );
    }
    return aggregate(list, {
      profile,
      subject,
      weights: o.weights ? weights : undefined,
      passMark: passMarkOf(o.passMark, p),
      acceptedWeightSums: o.acceptedWeightSums,
    });
  }
}

/**
 * One level rolled up: `count` parents, child row i under parent `parent[i]` (an index built once per plan shape:
 * pass `childIndex(parent, count)`).
 */
export function rollUp(from: ScoreColumns, index: ChildIndex, options: RollUpOptions = {}): AggregateScores {
  const profile = options.profile || DEFAULT_PROFILE;
  const sums = options.acceptedWeightSums || DEFAULT_SUMS;
  const out = new AggregateScores(from, index, options);
  const { start, children } = index;
  const weights = options.weights;
  const strategic = options.level === 'strategic';
  // a contributions-only strategic objective is its contributions' mean, unless its own share is out of range
  const ownShareValid = profile.ownShare >= 0 && profile.ownShare <= 1;
  const score = from.score;
  const status = from.status;
  for (let p = 0; p < out.count; p++) {
    const first = start[p];
    const end = start[p + 1];
    if (strategic && (!ownShareValid || first === end)) {
      const r = out.record(p);
      out.score[p] = r.score === null ? NaN : r.score;
      out.status[p] = statusCode(r.status);
      out.achieved[p] = r.achieved === null ? -1 : r.achieved ? 1 : 0;
      out.warnings[p] = r.warnings;
      out.errors[p] = r.errors;
      continue;
    }
    meanBegin();
    for (let k = first; k < end; k++) {
      const i = children[k];
      const w = weights ? weights[i] : undefined;
      meanChild(STATUS_CODES[status[i]], score[i], w !== w ? undefined : w);
    }
    meanEnd(profile, sums);
    const st = MEAN_STATE.status;
    const s = st === 'scored' ? MEAN[0] : null;
    out.score[p] = s === null ? NaN : s;
    out.status[p] = statusCode(st);
    const achieved = achievedOf(s, passMarkOf(options.passMark, p));
    out.achieved[p] = achieved === null ? -1 : achieved ? 1 : 0;
    out.warnings[p] = MEAN_STATE.warnings;
    out.errors[p] = MEAN_STATE.errors;
  }
  return out;
}
