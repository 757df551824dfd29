import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSuite } from '../../bench/run';

/**
 * `npm run bench`'s B4 runs its panes as `bench/b4pg-alone.ts` does, in a process of their own: in the suite's
 * process they shared the heap B1–B3 had left (~115 MB more live, marked by each of the panes' major collections),
 * and the README's figure was slower than the same load run alone (bench/results/2026-12-08.md, session inproc).
 */
describe('npm run bench -- --only B4', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cruscotto-bench-apart-'));
  const saved = { small: process.env.BENCH_SMALL, out: process.env.BENCH_OUT, only: process.env.BENCH_ONLY };

  afterAll(() => {
    for (const [key, value] of [
      ['BENCH_SMALL', saved.small],
      ['BENCH_OUT', saved.out],
      ['BENCH_ONLY', saved.only],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    fs.rmSync(out, { recursive: true, force: true });
  });

  it("runs the add-in's load with its panes in a process other than the suite's, and reads its result whole", async () => {
    process.env.BENCH_SMALL = '1';
    process.env.BENCH_OUT = out;
    process.env.BENCH_ONLY = 'B4';
    const { file, failed } = await runSuite();
    expect(failed).toBe(0);
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    const b4 = report.results.find((r: { id: string }) => r.id === 'B4');
    expect(b4.details.panesPid).toEqual(expect.any(Number));
    expect(b4.details.panesPid).not.toBe(process.pid);
    expect(b4.details).toMatchObject({ errors: 0, lostWrites: 0, connections: 10 });
    expect(b4.details.rowsAcknowledged).toBeGreaterThan(0);
    expect(b4.details.cpu.window.clientsMs).toBeGreaterThan(0);
    const pg = report.results.find((r: { id: string }) => r.id === 'B4-pg');
    if (!pg.unavailable) expect(pg.details.panesPid).not.toBe(process.pid);
  }, 300_000);
});
