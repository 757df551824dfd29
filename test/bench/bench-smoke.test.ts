import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSuite } from '../../bench/run';

/**
 * CI's smoke of the benchmark suite (issue 8): every figure runs at a tiny size, so the suite keeps working, and
 * the results file has the shape the README table and later runs rely on. Times are never asserted on; counts
 * that are correctness (statements constant in plan size, no lost or refused writes under load) are.
 */
describe('npm run bench -- --smoke', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cruscotto-bench-test-'));
  const saved = { small: process.env.BENCH_SMALL, out: process.env.BENCH_OUT };
  let report: any;

  beforeAll(async () => {
    process.env.BENCH_SMALL = '1';
    process.env.BENCH_OUT = out;
    const { file, failed } = await runSuite();
    expect(failed).toBe(0);
    report = JSON.parse(fs.readFileSync(file, 'utf8'));
  });

  afterAll(() => {
    process.env.BENCH_SMALL = saved.small;
    process.env.BENCH_OUT = saved.out;
    if (saved.small === undefined) delete process.env.BENCH_SMALL;
    if (saved.out === undefined) delete process.env.BENCH_OUT;
    fs.rmSync(out, { recursive: true, force: true });
  });

  const byId = (id: string) => report.results.find((r: { id: string }) => r.id === id);

  it('writes the date, the machine and the sizes, and a markdown table next to the JSON', () => {
    expect(new Date(report.date).toISOString()).toBe(report.date);
    expect(report.machine).toEqual({
      cpu: expect.any(String),
      cores: expect.any(Number),
      ramGiB: expect.any(Number),
      node: process.version,
      platform: expect.any(String),
    });
    expect(report.config).toMatchObject({
      smoke: true,
      shape: { perspectives: 1, strategic: 2, operational: 2, indicators: 5 },
    });
    const markdown = fs.readFileSync(path.join(out, `${report.date.slice(0, 10)}.md`), 'utf8');
    expect(markdown).toContain('| id | what | measured | baseline | ratio | goal | met |');
    for (const r of report.results) expect(markdown).toContain(`| ${r.id} |`);
  });

  it('has every figure, timed ones as a ratio to a baseline of the same run, with no verdict on smoke times', () => {
    const pg = process.env.CRUSCOTTO_TEST_PG === 'yes';
    const ids = [
      'B1',
      'B2-statements',
      'B2-time',
      'B10',
      'B3',
      'B4',
      'B4-pg',
      'B4-tree',
      'B5',
      ...(pg ? ['B6-sync', 'B6-tree-statements', 'B6-tree-time'] : ['B6']),
      'B7',
      'B8',
      'B9',
    ];
    expect(report.results.map((r: { id: string }) => r.id)).toEqual(ids);
    for (const id of ['B1', 'B2-time', 'B3', ...(pg ? ['B6-sync', 'B6-tree-time'] : [])]) {
      const r = byId(id);
      expect(r).toMatchObject({
        unit: 'ms',
        measured: expect.any(Number),
        baseline: expect.any(Number),
        goal: expect.stringMatching(/^≤ \d+×$/),
        met: null,
      });
      expect(r.measured).toBeGreaterThan(0);
      expect(r.baseline).toBeGreaterThan(0);
      expect(r.ratio).toBeCloseTo(r.measured / r.baseline, 9);
    }
    if (!pg) expect(byId('B6').unavailable).toMatch(/PostgreSQL/);
    // small requests during the worst allowed one: an absolute goal, beside the same requests alone in the same run
    expect(byId('B9')).toMatchObject({ unit: 'ms', goal: '≤ 100 ms', met: null });
    expect(byId('B9').baseline).toBeGreaterThan(0);
  });

  it('counts the same SQL statements for the plan tree at two plan sizes', () => {
    for (const id of ['B2-statements', ...(process.env.CRUSCOTTO_TEST_PG === 'yes' ? ['B6-tree-statements'] : [])]) {
      const r = byId(id);
      expect(r.details.small).toBeLessThan(r.details.large);
      expect(r.details.statementsLarge).toBe(r.details.statementsSmall);
      expect(r.met).toBe(true);
    }
  });

  it("loses no acknowledged write under the add-in's load, on one instance and on two, and refuses no request", () => {
    for (const id of ['B4', ...(byId('B4-pg').unavailable ? [] : ['B4-pg'])]) {
      const r = byId(id);
      expect(r).toMatchObject({ unit: 'ms', goal: 'p99 ≤ 1000 ms, 0 errors, 0 lost writes', met: null });
      expect(r.details.rowsAcknowledged).toBeGreaterThan(0);
      expect(r.details.lostWrites).toBe(0);
      expect(r.details.errors).toBe(0);
      expect(Object.keys(r.details.byOperation).sort()).toEqual(['delta', 'scores', 'sync']);
      // the CPU of the load window (bench/capacity.ts): the servers', their event loops' and the panes'
      const cpu = r.details.cpu;
      expect(cpu.window.serverMs).toBeGreaterThan(0);
      expect(cpu.window.serverMs).toBeGreaterThanOrEqual(cpu.window.eventLoopMs);
      expect(cpu.window.clientsMs).toBeGreaterThan(0);
      expect(cpu.budgetMs).toBe((report.machine.cores * 1000) / r.details.connections);
      // PostgreSQL's backends of the run's database are counted when /proc shows them (a local server)
      if (id === 'B4-pg') expect(cpu.window.databaseMs === null || cpu.window.databaseMs >= 0).toBe(true);
    }
  });

  it('kills one of two instances under load: nothing acknowledged lost, no error on the other, or says why not', () => {
    const r = byId('B8');
    if (r.unavailable) {
      expect(r.unavailable).toMatch(/PostgreSQL|Redis/);
      return;
    }
    expect(r).toMatchObject({ unit: 'errors', met: null });
    expect(r.details.acknowledged).toBeGreaterThan(0);
    expect(r.details.lost).toEqual([]);
    expect(r.details.onSurvivor).toEqual([]);
    expect(r.details.missedBySubscriber).toEqual([]);
  });

  it('loses no acknowledged write under the old concurrent mix, and refuses no request', () => {
    const d = byId('B4-tree').details;
    expect(d.syncsAcknowledged).toBeGreaterThan(0);
    expect(d.rowsAcknowledged).toBe(20 * d.syncsAcknowledged);
    expect(d.lostWrites).toBe(0);
    expect(d.non2xx + d.graphqlErrors).toBe(0);
    expect(d.requests).toBeGreaterThan(0);
    expect(d.processCpuMsPerRequest).toBeGreaterThan(0);
  });

  it('times live updates across two instances, every event heard, or says why it could not', () => {
    const r = byId('B7');
    if (r.unavailable) {
      expect(r.unavailable).toMatch(/PostgreSQL|Redis/);
      return;
    }
    expect(r).toMatchObject({ unit: 'ms', goal: 'p99 ≤ 200 ms', met: null });
    expect(r.details.samples).toHaveLength(r.details.events);
    expect(r.measured).toBe(r.details.p99);
  });

  it('reports the add-in traffic from the Excel double: syncs and bytes per request', () => {
    const r = byId('B5');
    expect(r.unit).toBe('syncs');
    expect(r.measured).toBe(r.details.operations.reduce((s: number, o: { syncs: number }) => s + o.syncs, 0));
    expect(r.details.maxRequestBytes).toBeGreaterThan(0);
  });
});
