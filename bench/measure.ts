/** A figure of the suite: a time measured next to a baseline measured in the same run (ratios, not absolutes). */
export type BenchResult = {
  id: string;
  name: string;
  measuredMs: number;
  baselineMs: number;
  ratio: number;
  goal: number;
  note: string;
};

/** Median wall time of `runs` calls after one warm-up call (JIT), in milliseconds. */
export function measure(fn: () => unknown, runs = 5): { medianMs: number; runs: number } {
  fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], runs };
}
