import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { LogLevel } from '../config';

export type { Logger };

/**
 * What never reaches a log line: the bearer token (a log is read by more people than the database), cookies, and
 * a metrics token. pino replaces them at serialisation, whatever logs the request.
 */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
];

/** One JSON object per line on standard output (LOG_LEVEL), with ISO times: what log collectors read. */
export function createLogger(level: LogLevel, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, timestamp: pino.stdTimeFunctions.isoTime },
    destination ?? process.stdout,
  );
}

/** A logger that writes nothing: the default of an in-process server (the tests start hundreds of them). */
export const silentLogger: Logger = pino({ level: 'silent' });

/** A request id a client or proxy may send and we may echo: short, and nothing that could forge a log line. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Probes ask every few seconds: logging each would drown the requests that matter. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * Every request gets an id — the caller's X-Request-Id when it sends a usable one (a proxy's, so one id follows the
 * request through both logs), a new UUID otherwise — returned in the X-Request-Id response header and carried by
 * every log line of the request (`req.id`, and `reqId` on the line written when the response ends).
 */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const sent = req.headers['x-request-id'];
      const id = typeof sent === 'string' && ACCEPTED_ID.test(sent) ? sent : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    // the GraphQL operation that was answered, when there was one (server/ops/metrics.ts records it)
    customSuccessObject: (_req, res, value: Record<string, unknown>) => ({
      ...value,
      operation: (res as ServerResponse & { locals?: { operation?: string } }).locals?.operation,
    }),
  }) as unknown as RequestHandler;
}
