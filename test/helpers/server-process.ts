import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openOrm } from '../../server/db/orm';
import { Organisation } from '../../server/entities';
import { createUser, issueToken } from '../../server/services/users';
import { PG_QUEUE_WARNING } from './pg-query-queue';

const ROOT = path.join(__dirname, '../..');
const TS_NODE = path.join(ROOT, 'node_modules/ts-node/dist/bin.js');

/** A JSON log line of the server (pino), parsed; other lines of its output are kept as text only. */
export type LogLine = Record<string, any>;

/** `npm start`'s entry point (server/main.ts) as a real process of its own, on a port the system chose. */
export type ServerProcess = {
  url: string;
  child: ChildProcess;
  /** everything it wrote to standard output, in order */
  output: string[];
  /** its JSON log lines so far */
  logs(): LogLine[];
  /** resolves with the first log line for which `match` is true (already written or still to come) */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** resolves with the exit code when the process ends */
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code; fails if the server queued a query on a busy pg client (its stderr says so) */
  stop(): Promise<number | null>;
};

/**
 * Prepares a database for a server process: an organisation and a system administrator holding one token per label,
 * so the server neither loads the example plan nor makes a local administrator. Resolves with the tokens, in order.
 */
export async function seedAdminTokens(databaseUrl: string, orgCode: string, labels: string[]): Promise<string[]> {
  const orm = await openOrm(databaseUrl);
  try {
    const em = orm.em.fork();
    em.create(Organisation, { code: orgCode, name: 'Ente di prova' });
    await em.flush();
    const admin = await createUser(em, { email: 'ops@test.local', name: 'Ops', systemAdmin: true });
    const tokens: string[] = [];
    for (const label of labels) tokens.push((await issueToken(em, admin, { label })).token);
    return tokens;
  } finally {
    await orm.close(true);
  }
}

/**
 * The options `npm start` gives node before the server's entry point (package.json), so that a server process of the
 * tests and benches runs as a user's: the young generation's size changes how often and how long the server collects
 * garbage under load (bench/results/2026-12-07.md, session tail).
 */
export function startNodeOptions(): string[] {
  const start = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } })
    .scripts.start;
  const node = /(?:^|&&\s*)node\s+((?:--\S+\s+)*)dist\/server\/main\.js/.exec(start);
  if (!node) throw new Error(`npm start does not run node dist/server/main.js: ${start}`);
  return node[1].split(/\s+/).filter(Boolean);
}

/** node's arguments for a server process: a CPU profile when asked, `npm start`'s options, the entry point */
export function serverProcessArgs(profileDir = process.env.SERVER_CPU_PROF_DIR): string[] {
  // a CPU profile of each server (--cpu-prof is refused in NODE_OPTIONS): written when it exits, one file a thread
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  return [...profile, ...startNodeOptions(), TS_NODE, '--swc', '-r', 'tsconfig-paths/register', 'server/main.ts'];
}

/**
 * Starts the server in a child process with `env` added to this one's (DATABASE_URL at least), PORT=0 and JSON logs
 * at info; resolves once it listens. The database must hold a user already, or the server would create the local
 * administrator and write its token under ./data.
 */
export async function startServerProcess(env: Record<string, string>, name = 'server'): Promise<ServerProcess> {
  const child = spawn(process.execPath, serverProcessArgs(), {
    cwd: ROOT,
    // no Redis, metrics token or proxy from the developer's shell unless the test gives them (empty means unset)
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      REDIS_URL: '',
      METRICS_TOKEN: '',
      TRUST_PROXY: '',
      // pg's warning of a query queued on a busy client, printed with its stack (checked by stop())
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --trace-deprecation`.trim(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const errors: string[] = [];
  const parsed: LogLine[] = [];
  const waiters: Array<{ match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }> = [];
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const text of lines) {
      output.push(text);
      if (!text.startsWith('{')) continue;
      const line = JSON.parse(text) as LogLine;
      parsed.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.match(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => errors.push(chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs = 120_000) => {
    const seen = parsed.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<LogLine>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${name}: no such log line in ${timeoutMs} ms; output:\n${output.join('\n')}`)),
        timeoutMs,
      );
      const waiter = {
        match,
        resolve: (line: LogLine) => {
          clearTimeout(timer);
          resolve(line);
        },
      };
      waiters.push(waiter);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${code}) before the log line; stderr:\n${errors.join('')}`));
      });
    });
  };
  const listening = await waitForLog((line) => line.msg === 'listening');
  return {
    url: `http://127.0.0.1:${listening.port}`,
    child,
    output,
    logs: () => [...parsed],
    waitForLog,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await exited;
      const stderr = errors.join('');
      if (stderr.includes(PG_QUEUE_WARNING)) {
        throw new Error(`${name} queued a query on a busy pg client (test/helpers/pg-query-queue.ts):\n${stderr}`);
      }
      return code;
    },
  };
}
