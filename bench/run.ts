import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './measure';
import { benchScoring } from './scoring';
import { benchSync } from './sync';

/**
 * `npm run bench`: runs the suite and writes bench/results/<date>.json and a markdown table. BENCH_SMALL=1 runs a
 * small smoke of every benchmark (CI), whose times mean nothing.
 */
function table(results: BenchResult[]): string {
  const lines = ['| id | what | measured (ms) | baseline (ms) | ratio | goal |', '|---|---|---:|---:|---:|---:|'];
  for (const r of results) {
    lines.push(`| ${r.id} | ${r.name} | ${r.measuredMs.toFixed(1)} | ${r.baselineMs.toFixed(1)} | ${r.ratio.toFixed(2)}× | ≤ ${r.goal}× |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const small = process.env.BENCH_SMALL === '1';
  const results = [await benchSync(small ? 200 : 10_000), benchScoring(small ? 1_000 : 100_000)];
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
  const date = new Date().toISOString();
  const markdown = `Measured ${date} on ${machine}${small ? ' (small smoke run: times are not meaningful)' : ''}\n\n${table(results)}\n`;
  console.log(markdown);
  for (const r of results) console.log(`${r.id}: ${r.note}`);
  if (!small) {
    const dir = path.join(__dirname, 'results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${date.slice(0, 10)}.json`);
    fs.writeFileSync(file, JSON.stringify({ date, machine, results }, null, 2) + '\n');
    fs.writeFileSync(path.join(dir, `${date.slice(0, 10)}.md`), markdown);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
