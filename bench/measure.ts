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

function elapsedMs(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(times: number[]): number {
  const sorted = times.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time of `runs` calls after one warm-up call (JIT), in milliseconds. */
export function measure(fn: () => unknown, runs = 5): { medianMs: number; runs: number } {
  fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) times.push(elapsedMs(fn));
  return { medianMs: median(times), runs };
}

/**
 * A measured function and its baseline, timed alternately (so that load from other processes on a shared machine
 * weighs on both alike) after `warmup` alternate calls of each: a large workload needs several calls before the
 * JIT has seen every level of it and stops re-optimizing (one warm-up call measures mostly compilation), while a
 * small baseline loop is steady after one. Medians of `runs` calls each, in milliseconds.
 */
export function measurePair(
  fn: () => unknown,
  baseline: () => unknown,
  options: { warmup?: number; runs?: number } = {},
): { medianMs: number; baselineMs: number; runs: number; warmup: number } {
  const warmup = options.warmup ?? 8;
  const runs = options.runs ?? 15;
  for (let r = 0; r < warmup; r++) {
    fn();
    baseline();
  }
  const times: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < runs; r++) {
    times.push(elapsedMs(fn));
    base.push(elapsedMs(baseline));
  }
  return { medianMs: median(times), baselineMs: median(base), runs, warmup };
}
