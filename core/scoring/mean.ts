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

/**
 * The running sums, in a Float64Array: numbers in module variables would be boxed on every write (a heap number
 * per child and sum), typed-array slots are not. [declared, undeclared, negative, weightSum, used, childInvalid,
 * numW, denW, loW, hiW, numE, denE, loE, hiE]
 */
const ACC = new Float64Array(14);
const DECLARED = 0;
const UNDECLARED = 1;
const NEGATIVE = 2;
const WEIGHT_SUM = 3;
const USED = 4;
const CHILD_INVALID = 5;
const NUM_W = 6;
const DEN_W = 7;
const LO_W = 8;
const HI_W = 9;
const NUM_E = 10;
const DEN_E = 11;
const LO_E = 12;
const HI_E = 13;

export function meanBegin(): void {
  ACC.fill(0);
  ACC[LO_W] = Infinity;
  ACC[HI_W] = -Infinity;
  ACC[LO_E] = Infinity;
  ACC[HI_E] = -Infinity;
}

/** One child, in order: its status (undefined for an aggregate without one), score and declared weight. */
export function meanChild(status: string | undefined, s: number | null | undefined, w: unknown): void {
  const acc = ACC;
  let finite = false;
  if (w === undefined || w === null) {
    if (status !== 'monitoring') acc[UNDECLARED]++;
  } else if (typeof w !== 'number' || w - w !== 0) {
    acc[UNDECLARED]++;
  } else {
    finite = true;
    acc[DECLARED]++;
    acc[WEIGHT_SUM] += w;
    if (w < 0) acc[NEGATIVE] = 1;
  }
  if (status === 'invalid') {
    acc[CHILD_INVALID] = 1;
    return; // never scored (isScoredChild)
  }
  // isScoredChild: a finite score, status absent or `scored`
  if (typeof s !== 'number' || s - s !== 0 || (status !== undefined && status !== 'scored')) return;
  acc[USED]++;
  acc[NUM_E] += s;
  acc[DEN_E] += 1;
  if (s < acc[LO_E]) acc[LO_E] = s;
  if (s > acc[HI_E]) acc[HI_E] = s;
  if (finite) {
    const wn = w as number;
    acc[NUM_W] += wn * s;
    acc[DEN_W] += wn;
    if (wn > 0) {
      if (s < acc[LO_W]) acc[LO_W] = s;
      if (s > acc[HI_W]) acc[HI_W] = s;
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
  const acc = ACC;
  let warnings = EMPTY_LIST;
  let errors = EMPTY_LIST;
  const weighted = acc[DECLARED] > 0;
  const weightSum = acc[WEIGHT_SUM];
  if (weighted && acc[UNDECLARED] > 0) errors = addCode(errors, 'WEIGHT_MISSING');
  if (acc[NEGATIVE] === 1) errors = addCode(errors, 'WEIGHT_NEGATIVE');
  const num = weighted ? acc[NUM_W] : acc[NUM_E];
  const den = weighted ? acc[DEN_W] : acc[DEN_E];
  const lo = weighted ? acc[LO_W] : acc[LO_E];
  const hi = weighted ? acc[HI_W] : acc[HI_E];
  if (acc[CHILD_INVALID] === 1) warnings = addCode(warnings, 'CHILD_INVALID');
  if (weighted && errors.length === 0 && !sumAccepted(weightSum, acceptedSums, profile.weightSumTolerance)) {
    warnings = addCode(warnings, 'WEIGHT_SUM');
  }

  let score = NaN;
  let status: AggregateStatus;
  if (errors.length > 0) status = 'invalid';
  else if (acc[USED] === 0) status = 'empty';
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
