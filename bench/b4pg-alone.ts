import { benchAddinLoad } from './load-addin';

/**
 * B4 on PostgreSQL alone (2 instances, 50 panes, the default 4x12x10x10 plan), without the SQLite B4 and B4-tree that
 * `--only B4` also runs: for the phase profile of a sync's turn (set SYNC_PHASE_LOG; BENCH_LOAD_SECONDS, default 20).
 *   SYNC_PHASE_LOG=/tmp/phases.jsonl npx ts-node --swc -r tsconfig-paths/register bench/b4pg-alone.ts
 * With BENCH_DIALECT=sqlite, B4 on SQLite alone (1 instance, the same panes and plan) instead: for before/after pairs
 * of the SQLite mix without the two other loads.
 */
async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
  const shape = { perspectives: 4, strategic: 12, operational: 10, indicators: 10 };
  const result =
    process.env.BENCH_DIALECT === 'sqlite'
      ? await benchAddinLoad('B4', 'sqlite', 1, shape, seconds, 50, false)
      : await benchAddinLoad('B4-pg', 'postgresql', 2, shape, seconds, 50, false);
  console.log(JSON.stringify(result, null, 1));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
