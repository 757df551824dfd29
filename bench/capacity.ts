import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * What B4's goal asks of the CPU (issue 15). The panes of B4 form a closed loop: each sends its next request when the
 * last is answered, with no think time, so N panes keep N requests in the system and Little's law gives
 *   mean latency = N / throughput.
 * A server cannot answer faster than its CPU allows: throughput ≤ cores / (CPU per request), and its event loop is
 * one thread, so also throughput ≤ instances / (event-loop CPU per request). Together:
 *   mean latency ≥ N × max(CPU per request / cores, event-loop CPU per request / min(instances, cores)),
 * the closed-loop floor; and a mean of at most L (p99 ≤ 1 s needs mean ≤ 1 s, if the mean is not above the p99)
 * needs CPU per request ≤ cores × L / N, and event-loop CPU per request ≤ min(instances, cores) × L / N.
 * Assumed: the CPU a request costs does not grow with the load (it does a little: more GC, colder caches, longer
 * queues to walk), and the server has the machine's cores to itself (here the panes and, in a loaded sitting, other
 * work share them); the floor is reached only when the CPU never idles while requests wait. A measured mean far above
 * the floor is time spent waiting for something other than this CPU: locks, turns, or a core taken by others.
 */

/** Times of a process or thread from /proc/<pid>/stat, in clock ticks. */
export type ProcTimes = { utime: number; stime: number; starttime: number };

/**
 * Parses /proc/<pid>/stat (proc(5)): the command name, field 2, is in parentheses and may hold spaces or parentheses
 * itself, so the fields are counted from the last `)`. utime and stime are fields 14 and 15, starttime field 22.
 */
export function parseProcStat(text: string): ProcTimes {
  const close = text.lastIndexOf(')');
  if (close < 0) throw new Error(`not a /proc/<pid>/stat line: ${text.slice(0, 80)}`);
  // rest[0] is field 3 (state)
  const rest = text
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const field = (n: number) => {
    const value = Number(rest[n - 3]);
    if (!Number.isFinite(value)) throw new Error(`field ${n} of /proc/<pid>/stat is "${rest[n - 3]}"`);
    return value;
  };
  return { utime: field(14), stime: field(15), starttime: field(22) };
}

let ticks: number | undefined;

/** Clock ticks per second of /proc's times (`getconf CLK_TCK`, 100 on Linux when getconf is missing). */
export function clockTicks(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

/** CPU time (user + system) in ms of a process, every thread it has or had, or of one of its threads (`tid`). */
export function procCpuMs(pid: number, tid?: number): number {
  const file = tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`;
  const { utime, stime } = parseProcStat(fs.readFileSync(file, 'utf8'));
  return ((utime + stime) * 1000) / clockTicks();
}

/**
 * The PostgreSQL backends serving `database` (their command line names it: "postgres: 15/main: user db host(port)
 * state"), with their CPU in ms and start (ticks since boot). None when /proc does not show them (another host, a
 * container): then the database's CPU is not counted, and the note says so.
 */
export function backendsOf(database: string): Map<number, { ms: number; starttime: number }> {
  const found = new Map<number, { ms: number; starttime: number }>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!args.startsWith('postgres:') || !args.split(/[\s\0]+/).includes(database)) continue;
      const times = parseProcStat(fs.readFileSync(`/proc/${entry}/stat`, 'utf8'));
      found.set(Number(entry), { ms: ((times.utime + times.stime) * 1000) / clockTicks(), starttime: times.starttime });
    } catch {
      // a process that ended while the directory was read
    }
  }
  return found;
}

/**
 * CPU of the backends between two readings: a backend in both counts its difference, one started in between counts
 * whole. One that ended in between is missed (its time is gone with it): the pools keep their connections, so none
 * should.
 */
export function backendsDeltaMs(
  before: Map<number, { ms: number; starttime: number }>,
  after: Map<number, { ms: number; starttime: number }>,
): number {
  let sum = 0;
  for (const [pid, now] of after) {
    const then = before.get(pid);
    sum += then && then.starttime === now.starttime ? now.ms - then.ms : now.ms;
  }
  return sum;
}

/** Mean latency in ms that `panes` in a closed loop cannot beat when each request costs `cpuMs` of `cores` cores. */
export function closedLoopFloorMs(panes: number, cpuMs: number, cores: number): number {
  return (panes * cpuMs) / cores;
}

/** CPU per request in ms that lets `panes` in a closed loop see a mean latency of `latencyMs` on `cores` cores. */
export function cpuBudgetMs(panes: number, latencyMs: number, cores: number): number {
  return (cores * latencyMs) / panes;
}

export type CpuWindow = {
  seconds: number;
  /** every server process, all threads (piscina's compute threads are threads of the process) */
  serverMs: number;
  /** the servers' main threads: the event loops */
  eventLoopMs: number;
  /** the database's backends (PostgreSQL); null when not measured (SQLite runs in the server process) */
  databaseMs: number | null;
  /** this process: the load's clients */
  clientsMs: number;
};

/**
 * Starts counting the CPU of the server processes `pids`, of PostgreSQL's backends of `database` (if given), and of
 * this process; the function returned stops and gives the window's figures.
 */
export function startCpuWindow(pids: number[], database?: string): () => CpuWindow {
  const read = () => ({
    at: performance.now(),
    self: process.cpuUsage(),
    servers: pids.map((pid) => procCpuMs(pid)),
    loops: pids.map((pid) => procCpuMs(pid, pid)),
    backends: database ? backendsOf(database) : null,
  });
  const before = read();
  return () => {
    const after = read();
    const clients = process.cpuUsage(before.self);
    const sum = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v - b[i], 0);
    return {
      seconds: (after.at - before.at) / 1000,
      serverMs: sum(after.servers, before.servers),
      eventLoopMs: sum(after.loops, before.loops),
      databaseMs:
        before.backends && after.backends && after.backends.size > 0
          ? backendsDeltaMs(before.backends, after.backends)
          : null,
      clientsMs: (clients.user + clients.system) / 1000,
    };
  };
}

export type Capacity = {
  /** CPU ms per request: the servers (every thread), their event loops, the database's backends, the clients */
  serverMsPerRequest: number;
  eventLoopMsPerRequest: number;
  databaseMsPerRequest: number | null;
  clientsMsPerRequest: number;
  /** the clients' part of all the CPU measured (servers, backends, clients) */
  clientsShare: number;
  /** cores the servers (and backends) kept busy on average over the window */
  coresUsed: number;
  /** Little's law: panes / throughput, to set beside the measured mean */
  littleMeanMs: number;
  /** the mean latency the measured CPU per request allows at best, servers alone on `cores` */
  floorMeanMs: number;
  /** the same, with the clients' CPU on the same cores (as in this bench) */
  floorWithClientsMs: number;
  /** CPU per request (servers + backends, and event loop alone) a mean of `goalMs` allows */
  budgetMs: number;
  eventLoopBudgetMs: number;
};

/** The window's CPU as per-request figures and the closed-loop floor and budget for `panes` and `goalMs`. */
export function capacityOf(
  window: CpuWindow,
  requests: number,
  panes: number,
  cores: number,
  instances: number,
  goalMs: number,
): Capacity {
  const per = (ms: number) => ms / requests;
  const serverSide = window.serverMs + (window.databaseMs ?? 0);
  const loopCores = Math.min(instances, cores);
  const floor = Math.max(
    closedLoopFloorMs(panes, per(serverSide), cores),
    closedLoopFloorMs(panes, per(window.eventLoopMs), loopCores),
  );
  return {
    serverMsPerRequest: per(window.serverMs),
    eventLoopMsPerRequest: per(window.eventLoopMs),
    databaseMsPerRequest: window.databaseMs === null ? null : per(window.databaseMs),
    clientsMsPerRequest: per(window.clientsMs),
    clientsShare: window.clientsMs / (serverSide + window.clientsMs),
    coresUsed: serverSide / (window.seconds * 1000),
    littleMeanMs: (panes * window.seconds * 1000) / requests,
    floorMeanMs: floor,
    floorWithClientsMs: Math.max(
      closedLoopFloorMs(panes, per(serverSide + window.clientsMs), cores),
      closedLoopFloorMs(panes, per(window.eventLoopMs), loopCores),
    ),
    budgetMs: cpuBudgetMs(panes, goalMs, cores),
    eventLoopBudgetMs: cpuBudgetMs(panes, goalMs, loopCores),
  };
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

/** The figures as B4's note says them, with the assumptions (see the head of this file). */
export function capacityNote(
  c: Capacity,
  panes: number,
  cores: number,
  goalMs: number,
  meanMs: number,
  dialect: 'sqlite' | 'postgresql',
): string {
  const database =
    dialect === 'sqlite'
      ? ' (SQLite runs in the server process)'
      : c.databaseMsPerRequest === null
        ? '; PostgreSQL backends not visible in /proc, not counted'
        : `; PostgreSQL backends ${ms(c.databaseMsPerRequest)} ms; Redis (shared) not counted`;
  return (
    `CPU per request (/proc) of the window's mix, which moves with the load (each pane's cycle opens with its sync, ` +
    `and a loaded pane sends few cycles): servers ${ms(c.serverMsPerRequest)} ms, of which event loops ` +
    `${ms(c.eventLoopMsPerRequest)} ms${database}; panes ${ms(c.clientsMsPerRequest)} ms, ` +
    `${(c.clientsShare * 100).toFixed(0)}% of the CPU measured; by operation not measurable (the requests overlap ` +
    `in one process); servers used ${c.coresUsed.toFixed(2)} of ${cores} cores; closed-loop floor for ${panes} panes ` +
    `on ${cores} cores: mean ≥ ${ms(c.floorMeanMs)} ms (${ms(c.floorWithClientsMs)} ms with the panes' CPU on the ` +
    `same cores), measured mean ${ms(meanMs)} ms (${panes}/throughput ${ms(c.littleMeanMs)} ms); p99 ≤ ${goalMs} ms ` +
    `needs a mean ≤ ${goalMs} ms, so ≤ ${ms(c.budgetMs)} ms of server-side CPU per request and ≤ ` +
    `${ms(c.eventLoopBudgetMs)} ms on an event loop (assuming the CPU per request does not grow with the load, the ` +
    `servers alone on the cores, a mean not above the p99; server-side: servers and database backends)`
  );
}
