import { benchAddinLoad } from './load-addin';

/**
 * B4 on SQLite alone (1 instance, 50 panes, the default 4x12x10x10 plan), without the B4-pg and B4-tree that
 * `--only B4` also runs: for before/after pairs of the SQLite mix (BENCH_LOAD_SECONDS, default 20).
 *   npx ts-node --swc -r tsconfig-paths/register bench/b4-alone.ts
 */
async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
  const shape = { perspectives: 4, strategic: 12, operational: 10, indicators: 10 };
  const result = await benchAddinLoad('B4', 'sqlite', 1, shape, seconds, 50, false);
  console.log(JSON.stringify(result, null, 1));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
