/**
 * The list cells of an indicator row as the tests write them, in the shape of the Sondrio plan's table: thresholds
 * earning 80% and 60% (the two threshold columns, server/import/sondrio-header.ts) and the targets of the years after
 * 2022, the plan's year. The scores and years are the same in every test and stand here; the values each test
 * writes or asserts stay in the test. A value is a cell as typed, as read back (`{ raw, number }`) or as parsed.
 */

/** The thresholds reached at `at80` (score 0.8) and, when given, at `at60` (score 0.6). */
export function thresholdsAt80And60<V>(at80: V, at60?: V): Array<{ score: number; value: V }> {
  const thresholds = [{ score: 0.8, value: at80 }];
  if (at60 !== undefined) thresholds.push({ score: 0.6, value: at60 });
  return thresholds;
}

/** The targets of 2023, 2024… in that order: the sheet's "Target anni successivi" of a 2022 row. */
export function laterTargets<V>(...values: V[]): Array<{ year: number; value: V }> {
  return values.map((value, k) => ({ year: 2023 + k, value }));
}
