import type { Logger } from './logger';

/**
 * Graceful shutdown of the process (SIGTERM from systemd, pm2, Kubernetes; SIGINT from a terminal): /ready turns
 * 503 at once, the HTTP server stops accepting and lets the requests in flight finish, whatever registered with
 * onShutdown (open sockets, subscriptions) is closed at the same time, and then the database and Redis are
 * released. Past the timeout the remaining connections are cut and the exit code is 1, so a process manager can
 * tell a clean stop from a forced one.
 */

type Closer = { name: string; close: () => Promise<void> | void };

const closers = new Set<Closer>();
let stopping = false;

/**
 * Registers something to close when the process shuts down (e.g. the websocket server and its sockets), closed
 * while the HTTP requests drain. Returns the function that unregisters it, for a server closed on its own earlier
 * (app.stop() in tests).
 */
export function onShutdown(name: string, close: () => Promise<void> | void): () => void {
  const closer = { name, close };
  closers.add(closer);
  return () => closers.delete(closer);
}

/** True from the signal on: /ready answers 503 so load balancers stop sending requests here. */
export function shuttingDown(): boolean {
  return stopping;
}

export type ShutdownPlan = {
  /** stops accepting and waits for the requests in flight, cutting them at the timeout (app.stop()) */
  drain: () => Promise<void>;
  /** what the requests needed: the ORM, Redis; after the drain */
  release: () => Promise<void>;
  timeoutMs: number;
  logger: Logger;
};

/** Runs the shutdown; the exit code: 0 when everything finished in time, 1 otherwise. */
export async function shutDown(plan: ShutdownPlan, signal: string): Promise<number> {
  stopping = true;
  const started = Date.now();
  plan.logger.info({ signal, timeoutMs: plan.timeoutMs }, 'shutdown started: draining requests');
  let code = 0;
  const attempt = async (what: string, work: () => Promise<void> | void) => {
    try {
      await work();
    } catch (error) {
      code = 1;
      plan.logger.error({ err: error, what }, 'shutdown step failed');
    }
  };
  const steps = (async () => {
    await Promise.all([
      attempt('http', plan.drain),
      ...[...closers].map((closer) => attempt(closer.name, closer.close)),
    ]);
    // the drain cuts what is left at the timeout: then the requests did not all finish
    if (Date.now() - started >= plan.timeoutMs) code = 1;
    await attempt('release', plan.release);
  })();
  // a last guard over everything, release included: a hung close must not keep the process alive forever
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), plan.timeoutMs + 5_000);
  });
  const outcome = await Promise.race([steps.then(() => 'done' as const), guard]);
  clearTimeout(timer);
  if (outcome === 'late') code = 1;
  plan.logger.info({ code, ms: Date.now() - started }, code === 0 ? 'shutdown complete' : 'shutdown forced');
  return code;
}

/** SIGTERM and SIGINT run the shutdown once and exit with its code; a second signal exits at once. */
export function installShutdown(plan: ShutdownPlan): void {
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      plan.logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    void shutDown(plan, signal).then((code) => {
      plan.logger.flush();
      process.exit(code);
    });
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
