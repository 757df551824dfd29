import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAddin } from './addin';
import { benchFailover } from './failover';
import { benchFairness } from './fairness';
import { benchFormulas } from './formulas';
import { benchLive } from './live';
import { benchLoad } from './load';
import { benchAddinLoadApart } from './load-apart';
import { type BenchConfig, type BenchEntry, isUnavailable } from './measure';
import { benchScoring } from './scoring';
import { benchServer, postgresAnswers } from './server';
import { redisUnavailable } from '../test/helpers/redis';
import { benchSync } from './sync';
import { benchTree } from './tree';

/**
 * `npm run bench`: the suite of issue 8 on a generated plan, written to bench/results/<date>.json and .md.
 *   --smoke (or BENCH_SMALL=1)  every figure at a tiny size in a few seconds, for CI; times mean nothing
 *   --size PxSxOxI (or BENCH_SIZE)  plan shape, default 4x12x10x10 (4,800 indicators)
 *   --only B1,B3 (or BENCH_ONLY)  a subset of B1…B10 (B4 is the add-in's mix on 1 and 2 instances, and the old mix;
 *     B10: CRUSCOTTO.* formula cells, issue 18)
 *   --out DIR (or BENCH_OUT)  where to write; a smoke writes to the system's temporary directory unless told
 * Other sizes: BENCH_SYNC_ROWS (10000), BENCH_SCORING (100000), BENCH_LOAD_SECONDS (20), BENCH_CONNECTIONS (50),
 * BENCH_ADDIN_ROWS (5000), BENCH_LIVE_EVENTS (200), BENCH_COMPUTE_THREADS (B9's threads, default 1). PostgreSQL (B6, B7) is TEST_PG_URL, default
 * postgres://postgres@127.0.0.1:5432/test; Redis (B7) is REDIS_URL, default redis://127.0.0.1:6379.
 */
function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const next = args[i + 1];
  return next && !next.startsWith('--') ? next : '';
}

function number(env: string, fallback: number): number {
  const value = process.env[env];
  return value ? Number(value) : fallback;
}

export function configFromArgs(): BenchConfig & {
  only: Set<string> | null;
  out: string;
  liveEvents: number;
  computeThreads: number;
} {
  const smoke = flag('smoke') !== undefined || process.env.BENCH_SMALL === '1';
  const size = flag('size') || process.env.BENCH_SIZE || (smoke ? '1x2x2x5' : '4x12x10x10');
  const [perspectives, strategic, operational, indicators] = size.split(/[x×,]/).map(Number);
  if ([perspectives, strategic, operational, indicators].some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`--size wants four positive integers like 4x12x10x10, got "${size}"`);
  }
  const only = flag('only') || process.env.BENCH_ONLY;
  return {
    smoke,
    shape: { perspectives, strategic, operational, indicators },
    syncRows: number('BENCH_SYNC_ROWS', smoke ? 200 : 10_000),
    scoringIndicators: number('BENCH_SCORING', smoke ? 1_000 : 100_000),
    loadSeconds: number('BENCH_LOAD_SECONDS', smoke ? 1 : 20),
    loadConnections: number('BENCH_CONNECTIONS', smoke ? 10 : 50),
    addinRows: number('BENCH_ADDIN_ROWS', smoke ? 200 : 5_000),
    liveEvents: number('BENCH_LIVE_EVENTS', smoke ? 5 : 200),
    computeThreads: number('BENCH_COMPUTE_THREADS', 1),
    only: only ? new Set(only.split(',').map((s) => s.trim().toUpperCase())) : null,
    out:
      flag('out') ||
      process.env.BENCH_OUT ||
      (smoke ? path.join(os.tmpdir(), 'cruscotto-bench-smoke') : path.join(__dirname, 'results')),
  };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

const fmt = (n: number | null, unit = '') => (n === null ? '—' : `${n >= 100 ? n.toFixed(0) : n.toFixed(1)}${unit}`);

function table(entries: BenchEntry[]): string {
  const lines = ['| id | what | measured | baseline | ratio | goal | met |', '|---|---|---:|---:|---:|---|---|'];
  for (const e of entries) {
    if (isUnavailable(e)) {
      lines.push(`| ${e.id} | ${e.name} | not available | | | | ${e.unavailable} |`);
      continue;
    }
    const unit = e.unit === 'ms' ? ' ms' : ` ${e.unit}`;
    const met = e.met === null ? 'n/a' : e.met ? 'yes' : '**no**';
    lines.push(
      `| ${e.id} | ${e.name} | ${fmt(e.measured, unit)} | ${fmt(e.baseline, e.baseline === null ? '' : unit)} | ${e.ratio === null ? '—' : `${e.ratio.toFixed(2)}×`} | ${e.goal} | ${met} |`,
    );
  }
  return lines.join('\n');
}

/** Runs one figure; a failure is recorded as such (the suite goes on), never as a number. */
async function attempt(
  entries: BenchEntry[],
  id: string,
  name: string,
  work: () => Promise<BenchEntry | BenchEntry[]>,
): Promise<void> {
  const started = Date.now();
  try {
    const out = await work();
    entries.push(...(Array.isArray(out) ? out : [out]));
  } catch (error) {
    entries.push({ id, name, unavailable: `failed: ${(error as Error).message.split('\n')[0]}` });
  }
  console.error(`${id}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function runSuite(): Promise<{ file: string; failed: number }> {
  const config = configFromArgs();
  const wanted = (id: string) => !config.only || config.only.has(id);
  const entries: BenchEntry[] = [];
  const started = new Date();

  if (wanted('B1') || wanted('B2')) {
    const server = await benchServer('sqlite');
    try {
      if (wanted('B1'))
        await attempt(entries, 'B1', 'bulk sync (sqlite)', () => benchSync(server, config.syncRows, config.smoke));
      if (wanted('B2'))
        await attempt(entries, 'B2', 'plan tree (sqlite)', () => benchTree(server, config.shape, config.smoke));
    } finally {
      await server.close();
    }
  }
  if (wanted('B10')) await attempt(entries, 'B10', 'CRUSCOTTO.* formulas', () => benchFormulas(config.smoke));
  if (wanted('B3'))
    await attempt(entries, 'B3', 'scoring', async () => benchScoring(config.scoringIndicators, config.smoke));
  if (wanted('B4')) {
    // the add-in's mix (bench/addin-mix.ts) on server processes: one on SQLite, two on PostgreSQL + Redis; the panes
    // in a process of their own, as bench/b4pg-alone.ts runs them, not in this one with what B1–B3 left in its heap
    const { shape, loadSeconds, loadConnections, smoke } = config;
    await attempt(entries, 'B4', 'load, add-in mix (sqlite)', () =>
      benchAddinLoadApart('B4', 'sqlite', 1, shape, loadSeconds, loadConnections, smoke),
    );
    const missing = [await postgresAnswers(), redisUnavailable()].filter(Boolean);
    if (missing.length)
      entries.push({ id: 'B4-pg', name: 'load, add-in mix (2 instances)', unavailable: missing.join('; ') });
    else
      await attempt(entries, 'B4-pg', 'load, add-in mix (2 instances)', () =>
        benchAddinLoadApart('B4-pg', 'postgresql', 2, shape, loadSeconds, loadConnections, smoke),
      );
    // the mix measured before (tree reads, reports, 20-row syncs of new rows, in process): kept beside it
    const server = await benchServer('sqlite');
    try {
      await attempt(entries, 'B4-tree', 'load, tree + report + sync', () =>
        benchLoad(server, shape, loadSeconds, loadConnections, smoke),
      );
    } finally {
      await server.close();
    }
  }
  if (wanted('B5')) await attempt(entries, 'B5', 'add-in', () => benchAddin(config.addinRows));
  if (wanted('B6')) {
    const missing = await postgresAnswers();
    if (missing) {
      entries.push({ id: 'B6', name: 'B1 and B2 on PostgreSQL', unavailable: missing });
    } else {
      const server = await benchServer('postgresql');
      try {
        await attempt(entries, 'B6-sync', 'bulk sync (postgresql)', () =>
          benchSync(server, config.syncRows, config.smoke),
        );
        await attempt(entries, 'B6-tree', 'plan tree (postgresql)', () =>
          benchTree(server, config.shape, config.smoke),
        );
      } finally {
        await server.close();
      }
    }
  }

  if (wanted('B7'))
    await attempt(entries, 'B7', 'live updates across instances', () =>
      benchLive(config.shape, config.liveEvents, config.smoke),
    );

  if (wanted('B8')) {
    const missing = [await postgresAnswers(), redisUnavailable()].filter(Boolean);
    if (missing.length) entries.push({ id: 'B8', name: 'failover', unavailable: missing.join('; ') });
    else
      await attempt(entries, 'B8', 'failover', () =>
        benchFailover(
          config.shape,
          config.loadConnections,
          Math.max(config.loadSeconds, config.smoke ? 6 : 0),
          config.smoke,
        ),
      );
  }

  if (wanted('B9'))
    await attempt(entries, 'B9', 'small requests during the worst allowed request', () =>
      benchFairness(config.shape, config.smoke, config.computeThreads),
    );

  const date = started.toISOString();
  const m = machine();
  const machineLine = `${m.cores} × ${m.cpu}, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.platform}`;
  const { only, out, ...sizes } = config;
  const markdown = [
    `Measured ${date} on ${machineLine}.`,
    config.smoke ? '\n**Smoke run: sizes are tiny and times are not meaningful.**' : '',
    `\nPlan shape ${Object.values(config.shape).join(' × ')} (perspectives × strategic × operational × indicators); ratios are against a baseline measured in the same run.\n`,
    table(entries),
    '',
    ...entries.map((e) => `- ${e.id}: ${isUnavailable(e) ? e.unavailable : e.note}`),
    '',
  ].join('\n');
  console.log(markdown);
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `${date.slice(0, 10)}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify(
      { date, machine: m, config: { ...sizes, only: only ? [...only] : null }, results: entries },
      null,
      2,
    ) + '\n',
  );
  fs.writeFileSync(path.join(out, `${date.slice(0, 10)}.md`), markdown);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  const failed = entries.filter((e) => isUnavailable(e) && e.unavailable.startsWith('failed')).length;
  return { file, failed };
}

if (require.main === module) {
  runSuite()
    .then(({ failed }) => {
      // a figure that failed to run fails the command (CI); a goal not met does not
      process.exit(failed > 0 ? 1 : 0);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
