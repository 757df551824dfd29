/**
 * A figure of the suite. A timed figure is a time measured next to a baseline measured in the same run (the ratio
 * is what compares across machines and loads, not the absolutes); a counted figure (SQL statements, Excel syncs,
 * errors) has no baseline. `met` is null when the run is a smoke (its times mean nothing) or the goal is not
 * numeric.
 */
export type BenchResult = {
  id: string;
  name: string;
  /** what the measured and baseline numbers count */
  unit: 'ms' | 'statements' | 'syncs' | 'requests/s' | 'errors';
  measured: number;
  baseline: number | null;
  ratio: number | null;
  goal: string;
  met: boolean | null;
  note: string;
  /** every number behind the figure, for the JSON file */
  details?: Record<string, unknown>;
};

/** A figure the run could not take (no PostgreSQL, a missing module): said so, never faked. */
export type Unavailable = { id: string; name: string; unavailable: string };

export type BenchEntry = BenchResult | Unavailable;

export function isUnavailable(entry: BenchEntry): entry is Unavailable {
  return 'unavailable' in entry;
}

/** Sizes of one run: the defaults of issue 8, or a smoke of every figure in a few seconds. */
export type BenchConfig = {
  smoke: boolean;
  shape: { perspectives: number; strategic: number; operational: number; indicators: number };
  syncRows: number;
  scoringIndicators: number;
  loadSeconds: number;
  loadConnections: number;
  addinRows: number;
};

export function timed(
  id: string,
  name: string,
  measuredMs: number,
  baselineMs: number,
  goalRatio: number,
  smoke: boolean,
  note: string,
  details?: Record<string, unknown>,
): BenchResult {
  const ratio = measuredMs / baselineMs;
  return {
    id,
    name,
    unit: 'ms',
    measured: measuredMs,
    baseline: baselineMs,
    ratio,
    goal: `≤ ${goalRatio}×`,
    met: smoke ? null : ratio <= goalRatio,
    note,
    details,
  };
}

export function elapsedMs(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function elapsedMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(times: number[]): number {
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

/** The process's CPU time (user + system) spent in one call, in milliseconds, with its wall time. */
function timesOf(fn: () => unknown): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const wall = elapsedMs(fn);
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/**
 * A measured function and its baseline, timed alternately (so that load from other processes on a shared machine
 * weighs on both alike) after `warmup` alternate calls of each: a large workload needs several calls before the
 * JIT has seen every level of it and stops re-optimizing (one warm-up call measures mostly compilation), while a
 * small baseline loop is steady after one. Medians of `runs` calls each, in milliseconds. Beside the wall times,
 * the medians of the CPU time each call took (process.cpuUsage): on a machine shared with other work the wall
 * time also counts the turns the process waited for a core, the CPU time does not (the figure stays the wall time).
 */
export function measurePair(
  fn: () => unknown,
  baseline: () => unknown,
  options: { warmup?: number; runs?: number } = {},
): { medianMs: number; baselineMs: number; cpuMs: number; baselineCpuMs: number; runs: number; warmup: number } {
  const warmup = options.warmup ?? 8;
  const runs = options.runs ?? 15;
  for (let r = 0; r < warmup; r++) {
    fn();
    baseline();
  }
  const times: number[] = [];
  const base: number[] = [];
  const cpu: number[] = [];
  const baseCpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const measured = timesOf(fn);
    times.push(measured.wall);
    cpu.push(measured.cpu);
    const reference = timesOf(baseline);
    base.push(reference.wall);
    baseCpu.push(reference.cpu);
  }
  return {
    medianMs: median(times),
    baselineMs: median(base),
    cpuMs: median(cpu),
    baselineCpuMs: median(baseCpu),
    runs,
    warmup,
  };
}

/** measurePair for asynchronous work (a request and its raw-database baseline). */
export async function measurePairAsync(
  fn: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
  options: { warmup?: number; runs?: number } = {},
): Promise<{ medianMs: number; baselineMs: number; runs: number; warmup: number }> {
  const warmup = options.warmup ?? 2;
  const runs = options.runs ?? 7;
  for (let r = 0; r < warmup; r++) {
    await fn();
    await baseline();
  }
  const times: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < runs; r++) {
    times.push(await elapsedMsAsync(fn));
    base.push(await elapsedMsAsync(baseline));
  }
  return { medianMs: median(times), baselineMs: median(base), runs, warmup };
}
