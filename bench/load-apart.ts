import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAddinLoad } from './load-addin';
import type { BenchResult } from './measure';
import type { PlanShape } from '../test/helpers/synthetic-plan';

const ROOT = path.join(__dirname, '..');
const TS_NODE = path.join(ROOT, 'node_modules/ts-node/dist/bin.js');

type Args = Parameters<typeof benchAddinLoad>;
type Asked = {
  id: string;
  dialect: Args[1];
  count: number;
  shape: PlanShape;
  seconds: number;
  connections: number;
  smoke: boolean;
  out: string;
};

/**
 * B4's panes in a process of their own, as `bench/b4pg-alone.ts` runs them: the figure the README reports is then
 * the one a deployer's load gives, whatever the suite ran before in its process. In `npm run bench` the panes shared
 * the suite's process, which B1 and B2 (a server in process, 10,000-row syncs, the plan tree) had left holding
 * ~115 MB more live heap than at its start (78 → 193 MB after a full collection): each of the panes' major
 * collections marked it, on the 2 cores the server under load needs (bench/results/2026-12-08.md, session inproc).
 */
export async function benchAddinLoadApart(...args: Args): Promise<BenchResult> {
  const [id, dialect, count, shape, seconds, connections, smoke] = args;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruscotto-bench-load-'));
  const out = path.join(dir, 'result.json');
  const asked: Asked = { id, dialect, count, shape, seconds, connections, smoke, out };
  try {
    const child = spawn(
      process.execPath,
      [TS_NODE, '--swc', '-r', 'tsconfig-paths/register', path.join(__dirname, 'load-apart.ts')],
      { cwd: ROOT, env: { ...process.env, BENCH_LOAD_APART: JSON.stringify(asked) }, stdio: 'inherit' },
    );
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exit) => resolve(exit));
    });
    if (code !== 0) throw new Error(`${id}: the panes' process exited with ${code}`);
    return JSON.parse(fs.readFileSync(out, 'utf8')) as BenchResult;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The panes' process: one load, its result written where the suite reads it. */
async function apart(asked: Asked): Promise<void> {
  const { id, dialect, count, shape, seconds, connections, smoke, out } = asked;
  const result = await benchAddinLoad(id, dialect, count, shape, seconds, connections, smoke);
  fs.writeFileSync(out, JSON.stringify({ ...result, details: { ...result.details, panesPid: process.pid } }));
}

if (require.main === module) {
  apart(JSON.parse(process.env.BENCH_LOAD_APART ?? 'null') as Asked).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
