import {
  backendsDeltaMs,
  capacityNote,
  capacityOf,
  closedLoopFloorMs,
  cpuBudgetMs,
  parseProcStat,
  procCpuMs,
  type Capacity,
  type CpuWindow,
} from '../../bench/capacity';

/** 500 requests in 20 s from 50 panes on 2 cores, 1 s goal: the servers took 30 s of CPU, 20 s of it on event loops */
function capacityOfRun(instances: number, window: Pick<CpuWindow, 'databaseMs' | 'clientsMs'>): Capacity {
  return capacityOf({ seconds: 20, serverMs: 30_000, eventLoopMs: 20_000, ...window }, 500, 50, 2, instances, 1000);
}

/**
 * B4's CPU account (bench/capacity.ts): what a closed loop of 50 panes with no think time asks of the server's CPU
 * for p99 ≤ 1 s, and the /proc readings it is measured from.
 */
describe("the closed-loop bound (Little's law)", () => {
  it('50 panes at 1 s mean on 2 cores allow 40 ms of CPU per request, 20 ms on one event loop', () => {
    expect(cpuBudgetMs(50, 1000, 2)).toBe(40);
    expect(cpuBudgetMs(50, 1000, 1)).toBe(20);
    // and the floor is its inverse: 40 ms per request on 2 cores is a mean of 1 s
    expect(closedLoopFloorMs(50, 40, 2)).toBe(1000);
    expect(closedLoopFloorMs(50, 60, 2)).toBe(1500);
  });

  it('one instance: the floor is set by the event loop when it is the scarcer resource', () => {
    // 500 requests in 20 s (25 req/s): 60 ms of CPU each, 40 of them on the event loop, the panes 40 ms
    const c = capacityOfRun(1, { databaseMs: null, clientsMs: 20_000 });
    expect(c).toMatchObject({
      serverMsPerRequest: 60,
      eventLoopMsPerRequest: 40,
      databaseMsPerRequest: null,
      clientsMsPerRequest: 40,
      clientsShare: expect.closeTo(0.4),
      coresUsed: 1.5,
      littleMeanMs: 2000,
      // 2 cores: 50 × 60 / 2 = 1500 ms; one event loop: 50 × 40 / 1 = 2000 ms
      floorMeanMs: 2000,
      // with the panes' 40 ms on the same 2 cores: 50 × 100 / 2
      floorWithClientsMs: 2500,
      budgetMs: 40,
      eventLoopBudgetMs: 20,
    });
  });

  it('two instances on PostgreSQL: the backends count with the servers, two event loops share the load', () => {
    const c = capacityOfRun(2, { databaseMs: 10_000, clientsMs: 10_000 });
    expect(c).toMatchObject({
      databaseMsPerRequest: 20,
      coresUsed: 2,
      clientsShare: expect.closeTo(0.2),
      // 50 × (60 + 20) / 2 = 2000 ms against 50 × 40 / 2 = 1000 ms on the event loops
      floorMeanMs: 2000,
      eventLoopBudgetMs: 40,
    });
  });

  it('says the figures, that they cannot be split by operation, and what it assumes', () => {
    const c = capacityOfRun(1, { databaseMs: null, clientsMs: 20_000 });
    const note = capacityNote(c, 50, 2, 1000, 1990, 'sqlite');
    expect(note).toContain('servers 60.0 ms, of which event loops 40.0 ms');
    expect(note).toContain('by operation not measurable');
    expect(note).toContain('mean ≥ 2000 ms');
    expect(note).toContain('≤ 40.0 ms of server-side CPU per request and ≤ 20.0 ms on an event loop');
    expect(note).toContain('assuming');
    expect(capacityNote({ ...c, databaseMsPerRequest: null }, 50, 2, 1000, 1990, 'postgresql')).toContain(
      'PostgreSQL backends not visible in /proc, not counted',
    );
  });
});

describe('/proc readings', () => {
  it('parses utime, stime and starttime after a command name holding spaces and parentheses', () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    // field n is at index n - 3: utime (14) = 1234, stime (15) = 56, starttime (22) = 99999
    fields[14 - 3] = '1234';
    fields[15 - 3] = '56';
    fields[22 - 3] = '99999';
    expect(parseProcStat(`4242 (node (a) b) ${fields.join(' ')}\n`)).toEqual({
      utime: 1234,
      stime: 56,
      starttime: 99999,
    });
    expect(() => parseProcStat('no fields here')).toThrow();
  });

  it("counts a backend's difference, a new backend whole, and a recycled pid as new", () => {
    const before = new Map([
      [10, { ms: 100, starttime: 5 }],
      [11, { ms: 300, starttime: 5 }],
    ]);
    const after = new Map([
      [10, { ms: 160, starttime: 5 }],
      [11, { ms: 20, starttime: 900 }],
      [12, { ms: 40, starttime: 800 }],
    ]);
    expect(backendsDeltaMs(before, after)).toBe(60 + 20 + 40);
  });

  it("reads this process's CPU, every thread, at least its main thread's", () => {
    const start = Date.now();
    while (Date.now() - start < 60) Math.sqrt(Math.random());
    const whole = procCpuMs(process.pid);
    const main = procCpuMs(process.pid, process.pid);
    expect(main).toBeGreaterThan(0);
    expect(whole).toBeGreaterThanOrEqual(main);
    // /proc counts in clock ticks (10 ms at 100 Hz), process.cpuUsage in microseconds
    const usage = process.cpuUsage();
    expect(Math.abs(whole - (usage.user + usage.system) / 1000)).toBeLessThan(100);
  });
});
