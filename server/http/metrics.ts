import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Router } from 'express';
import { registry } from '../ops/metrics';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Equal secrets, compared in constant time (hashes first, so the lengths are equal too). */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * Who may read /metrics: the metrics name operations, counts and the process's memory, which is for the
 * deployment's monitoring, not for the users. With METRICS_TOKEN, whoever sends it as a bearer token (Prometheus's
 * `authorization` setting); without, only a scraper on the machine itself: a loopback connection that no proxy
 * forwarded (a reverse proxy on the same machine connects from loopback too, and adds a Forwarded or
 * X-Forwarded-For header).
 */
function mayRead(req: Request, token: string | undefined): boolean {
  if (token) {
    const sent = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    return sent !== undefined && sameSecret(sent, token);
  }
  const forwarded = req.headers.forwarded !== undefined || req.headers['x-forwarded-for'] !== undefined;
  return !forwarded && LOOPBACK.has(req.socket.remoteAddress ?? '');
}

/** GET /metrics in Prometheus's text format. */
export function metricsRouter(token: string | undefined): Router {
  const router = express.Router();
  router.get('/metrics', async (req, res, next) => {
    if (!mayRead(req, token)) {
      res.status(403).json({
        errors: [
          {
            message: token
              ? 'Metriche riservate: serve il token delle metriche (METRICS_TOKEN) / Metrics need the metrics token'
              : 'Metriche leggibili solo da questa macchina (o impostare METRICS_TOKEN) / Metrics are readable from this machine only (or set METRICS_TOKEN)',
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      });
      return;
    }
    try {
      res.setHeader('Content-Type', registry.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.send(await registry.metrics());
    } catch (error) {
      next(error);
    }
  });
  return router;
}
