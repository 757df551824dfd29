/**
 * The weighted mean of docs/scoring.md §5.5, child by child (see aggregate.ts for the rules): `meanBegin`, one
 * `meanChild` per child in order, `meanEnd`. Both APIs roll up through it — `aggregate` over a child list, the
 * column engine (rollup-columns.ts) over typed arrays — so there is one mean. Its outcome is one shared place, read
 * right after `meanEnd`: the numbers unboxed in MEAN — [score, weightSum, Σw·s, Σw] — and the rest in MEAN_STATE
 * (shared constants on the common path: status strings, the frozen empty list). Nothing is allocated per child.
 *
 * Whether the mean is weighted (some weight declared) is only known at the end, so both means are accumulated — the
 * weighted one over the scored children with a usable weight, the equal one over all scored children — in input
 * order, exactly as two passes would.
 */
import type { AggregateStatus, ScoringProfile } from './types';
import { addCode, EMPTY_LIST } from './util';

export const MEAN = new Float64Array(4);

export const MEAN_STATE: {
  status: AggregateStatus;
  weighted: boolean;
  warnings: string[];
  errors: string[];
} = { status: 'empty', weighted: false, warnings: EMPTY_LIST, errors: EMPTY_LIST };

let declared = 0;
let undeclared = 0;
let negative = false;
let weightSum = 0;
let used = 0;
let childInvalid = false;
let numW = 0;
let denW = 0;
let loW = Infinity;
let hiW = -Infinity;
let numE = 0;
let denE = 0;
let loE = Infinity;
let hiE = -Infinity;

export function meanBegin(): void {
  declared = 0;
  undeclared = 0;
  negative = false;
  weightSum = 0;
  used = 0;
  childInvalid = false;
  numW = 0;
  denW = 0;
  loW = Infinity;
  hiW = -Infinity;
  numE = 0;
  denE = 0;
  loE = Infinity;
  hiE = -Infinity;
}

/** One child, in order: its status (undefined for an aggregate without one), score and declared weight. */
export function meanChild(status: string | undefined, s: number | null | undefined, w: unknown): void {
  let finite = false;
  if (w === undefined || w === null) {
    if (status !== 'monitoring') undeclared++;
  } else if (typeof w !== 'number' || w - w !== 0) {
    undeclared++;
  } else {
    finite = true;
    declared++;
    weightSum += w;
    if (w < 0) negative = true;
  }
  if (status === 'invalid') {
    childInvalid = true;
    return; // never scored (isScoredChild)
  }
  // isScoredChild: a finite score, status absent or `scored`
  if (typeof s !== 'number' || s - s !== 0 || (status !== undefined && status !== 'scored')) return;
  used++;
  numE += s;
  denE += 1;
  if (s < loE) loE = s;
  if (s > hiE) hiE = s;
  if (finite) {
    const wn = w as number;
    numW += wn * s;
    denW += wn;
    if (wn > 0) {
      if (s < loW) loW = s;
      if (s > hiW) hiW = s;
    }
  }
}

function sumAccepted(sum: number, accepted: readonly number[], tol: number): boolean {
  for (let i = 0; i < accepted.length; i++) {
    if (Math.abs(sum - accepted[i]) <= tol + 1e-9) return true;
  }
  return false;
}

/** The mean of the children given since `meanBegin`, written to MEAN / MEAN_STATE. */
export function meanEnd(profile: ScoringProfile, acceptedSums: readonly number[]): void {
  let warnings = EMPTY_LIST;
  let errors = EMPTY_LIST;
  const weighted = declared > 0;
  if (weighted && undeclared > 0) errors = addCode(errors, 'WEIGHT_MISSING');
  if (negative) errors = addCode(errors, 'WEIGHT_NEGATIVE');
  const num = weighted ? numW : numE;
  const den = weighted ? denW : denE;
  const lo = weighted ? loW : loE;
  const hi = weighted ? hiW : hiE;
  if (childInvalid) warnings = addCode(warnings, 'CHILD_INVALID');
  if (weighted && errors.length === 0 && !sumAccepted(weightSum, acceptedSums, profile.weightSumTolerance)) {
    warnings = addCode(warnings, 'WEIGHT_SUM');
  }

  let score = NaN;
  let status: AggregateStatus;
  if (errors.length > 0) status = 'invalid';
  else if (used === 0) status = 'empty';
  else if (!(den > 0)) {
    errors = addCode(errors, 'WEIGHT_SUM_ZERO');
    status = 'invalid';
  } else {
    let m = num / den;
    if (m < lo) m = lo;
    else if (m > hi) m = hi;
    score = m;
    status = 'scored';
  }
  MEAN[0] = score;
  MEAN[1] = weightSum;
  MEAN[2] = num;
  MEAN[3] = den;
  const out = MEAN_STATE;
  out.status = status;
  out.weighted = weighted;
  out.warnings = warnings;
  out.errors = errors;
}
