/**
 * A plan's indicators as columns, for the column engine (score-columns.ts): the numbers of every numeric row
 * (numeric-row.ts) in typed arrays — kind, target, actual, band points — built once per plan snapshot, so that
 * scoring the plan reads a few flat arrays instead of seven objects per indicator. The inputs stay beside them:
 * the rows that are not numeric are scored from their input, and a row's record and explanation are built from it
 * when asked (`IndicatorScores.record`).
 */
import { numericRow, ROW_GENERAL, ROW_NUM, ROW_POINTS, ROW_SCORES, ROW_VALS } from './numeric-row';
import type { IndicatorInput } from './types';

export type IndicatorColumns = {
  readonly count: number;
  readonly inputs: readonly IndicatorInput[];
  /** ROW_* of numeric-row.ts; ROW_GENERAL for a row scored from its input */
  readonly kind: Uint8Array;
  readonly target: Float64Array;
  readonly actual: Float64Array;
  /** the band points of row i are bandValues / bandScores [bandStart[i], bandStart[i + 1]) */
  readonly bandStart: Int32Array;
  readonly bandValues: Float64Array;
  readonly bandScores: Float64Array;
};

/** The columns of these inputs, in their order (the order of every result column). */
export function indicatorColumns(inputs: readonly IndicatorInput[]): IndicatorColumns {
  const n = inputs.length;
  const kind = new Uint8Array(n);
  const target = new Float64Array(n).fill(NaN);
  const actual = new Float64Array(n).fill(NaN);
  const bandStart = new Int32Array(n + 1);
  const values: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    const input = inputs[i];
    const k = numericRow(input);
    kind[i] = k;
    bandStart[i] = values.length;
    if (k === ROW_GENERAL) continue;
    target[i] = ROW_NUM[0];
    actual[i] = ROW_NUM[1];
    for (let p = 0; p < ROW_POINTS[0]; p++) {
      values.push(ROW_VALS[p]);
      scores.push(ROW_SCORES[p]);
    }
  }
  bandStart[n] = values.length;
  return {
    count: n,
    inputs,
    kind,
    target,
    actual,
    bandStart,
    bandValues: Float64Array.from(values),
    bandScores: Float64Array.from(scores),
  };
}
