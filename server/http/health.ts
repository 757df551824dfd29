import express, { type Router } from 'express';
import type { Orm } from '../db/orm';
import type { Coordination } from '../ops/redis';
import { shuttingDown } from '../ops/shutdown';

/** One check of /ready that failed: which, and why in Italian and English. */
type Reason = { check: string; messageIt: string; message: string };

/** A check answers within this time or counts as failed: a probe must not hang on a stuck connection. */
const CHECK_TIMEOUT_MS = 2_000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * /health: the process is alive and serving (no database, so a slow database never gets a live instance killed).
 * /ready: it can do its work — the database answers, every migration is applied, Redis answers when configured, and
 * it is not shutting down — else 503 with the reasons, so a load balancer sends requests elsewhere.
 */
export function healthRouter(orm: Orm, coordination: Coordination | null): Router {
  const router = express.Router();
  router.get('/health', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const checks: Record<string, string> = {};
    const reasons: Reason[] = [];
    const fail = (check: string, messageIt: string, message: string) => {
      checks[check] = 'failed';
      reasons.push({ check, messageIt, message });
    };
    if (shuttingDown()) {
      fail('shutdown', 'in chiusura: non accetta nuove richieste', 'shutting down: not taking new requests');
    }
    try {
      await within(orm.em.getConnection().execute('select 1'), CHECK_TIMEOUT_MS);
      checks.database = 'ok';
      try {
        const pending = await within(orm.getMigrator().getPendingMigrations(), CHECK_TIMEOUT_MS);
        if (pending.length === 0) checks.migrations = 'ok';
        else {
          const names = pending.map((m) => m.name).join(', ');
          fail('migrations', `migrazioni non applicate: ${names}`, `migrations not applied: ${names}`);
        }
      } catch (error) {
        fail('migrations', `migrazioni non leggibili (${why(error)})`, `migrations not readable (${why(error)})`);
      }
    } catch (error) {
      fail('database', `database non raggiungibile (${why(error)})`, `database not reachable (${why(error)})`);
    }
    if (!coordination) checks.redis = 'not configured';
    else {
      try {
        await coordination.ping(CHECK_TIMEOUT_MS);
        checks.redis = 'ok';
      } catch (error) {
        fail('redis', `Redis non raggiungibile (${why(error)})`, `Redis not reachable (${why(error)})`);
      }
    }
    res.setHeader('Cache-Control', 'no-store');
    if (reasons.length === 0) res.json({ status: 'ready', checks });
    else res.status(503).json({ status: 'not ready', checks, reasons });
  });
  return router;
}
