import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, type Logger, rateLimit, type RateLimitInfo } from 'express-rate-limit';
import type { Orm } from '../db/orm';
import { authenticate, type Principal } from '../auth/authenticate';
import { type Clock, systemClock } from './clock';
import { errorBody, UnauthenticatedError } from '../errors';
import type { SecurityConfig } from '../config';
import type { Coordination } from '../ops/redis';
import { SharedWindowStore } from './redis-window-store';
import { ClockWindowStore, secondsToReset } from './window-store';

/** A refusal before GraphQL runs, in GraphQL's response shape so every client reads it the same way. */
function refuse(
  res: Response,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): void {
  res.status(status).json(errorBody(code, message, extra));
}

export function principalOf(res: Response): Principal {
  return res.locals.principal as Principal;
}

/**
 * Resolves the bearer token once per request. A request without a valid one goes on only as far as the failure
 * limit (rateLimits' authFailures) and is then refused with 401 by refuseUnauthenticated.
 */
export function resolveToken(orm: Orm, clock: Clock = systemClock): RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals.principal = await authenticate(orm.em, req.headers.authorization, clock());
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) return next(error);
      res.locals.authError = error;
    }
    next();
  };
}

export const refuseUnauthenticated: RequestHandler = (_req, res, next) => {
  const error = res.locals.authError as UnauthenticatedError | undefined;
  if (!error) return next();
  res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
  refuse(res, 401, error.code, error.message, { reason: error.reason });
};

/**
 * The two request limits, built from the same configuration, clock, Redis (none: in memory) and log.
 * `authFailures`: failed authentications per IP, so guessing tokens gets slow; requests with a valid token are neither
 * counted nor stopped, so colleagues behind the same address are not locked out by someone else's guesses.
 * `requests`: requests per token (a whole office behind one address does not share a budget), per IP without one.
 */
export function rateLimits(
  config: SecurityConfig,
  clock: Clock = systemClock,
  shared: Coordination | null = null,
  logger?: Logger,
): { authFailures: RequestHandler; requests: RequestHandler } {
  const limiter = (name: string, options: Parameters<typeof rateLimit>[0], refusal: string) =>
    rateLimit({
      ...windowsOn(clock, config, shared, name, logger),
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, res) => refuse(res, 429, 'RATE_LIMITED', refusal),
      ...options,
    });
  return {
    authFailures: limiter(
      'auth',
      {
        limit: config.authFailuresPerWindow,
        skip: (_req, res) => Boolean(res.locals.principal),
        keyGenerator: (req) => `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`,
      },
      'Too many failed authentications from this address: wait and retry (see Retry-After)',
    ),
    requests: limiter(
      'req',
      {
        limit: config.requestsPerWindow,
        keyGenerator: (req, res) => {
          const principal = res.locals.principal as Principal | undefined;
          return principal ? `token:${principal.tokenId}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
        },
      },
      `Too many requests: at most ${config.requestsPerWindow} per minute per token; retry after the time in Retry-After`,
    ),
  };
}

/**
 * Each limiter counts in its own store, with its windows and its Retry-After on the server's clock. With Redis
 * (several instances) the counts are Redis's, one per limiter under its own prefix, and Redis's clock ends the
 * windows. When Redis does not answer, a request goes through uncounted (logged; /ready reports it): the limits
 * slow down abuse, and a token is 32 random bytes whether or not its guesses are counted.
 */
function windowsOn(
  clock: Clock,
  config: SecurityConfig,
  shared: Coordination | null,
  limiter: string,
  logger: Logger | undefined,
) {
  return {
    // the library's own messages (a store error) go to the server's log instead of the console
    ...(logger ? { logger } : {}),
    windowMs: config.windowMs,
    store: shared ? new SharedWindowStore(shared, limiter) : new ClockWindowStore(clock),
    passOnStoreError: shared !== null,
    retryAfter: (req: Request) =>
      secondsToReset(clock, (req as Request & { rateLimit?: RateLimitInfo }).rateLimit?.resetTime, config.windowMs),
  };
}

/** Body parser failures (too large, not JSON, a charset or encoding it cannot read) as GraphQL-shaped errors. */
export const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const { type, status, limit, charset, encoding } = error as {
    type?: string;
    status?: number;
    limit?: number;
    charset?: string;
    encoding?: string;
  };
  if (type === 'entity.too.large') {
    return refuse(
      res,
      413,
      'PAYLOAD_TOO_LARGE',
      `The request body is larger than the limit of ${limit} bytes: split the batch into smaller ones`,
    );
  }
  if (type === 'entity.parse.failed') return refuse(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
  if (type === 'charset.unsupported') {
    return refuse(res, 415, 'UNSUPPORTED_MEDIA_TYPE', `Unsupported charset "${charset}": send UTF-8 JSON`);
  }
  if (type === 'encoding.unsupported') {
    return refuse(
      res,
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `Unsupported content encoding "${encoding}": send identity, gzip or deflate`,
    );
  }
  // any other client-side failure of the body parser (aborted request, wrong length): the client's, never a 500
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return refuse(res, status, 'BAD_REQUEST', 'The request body could not be read');
  }
  next(error);
};

/**
 * The last handler: whatever slipped through is a JSON error without a stack or a path, in every mode (Express's
 * own page shows both outside production).
 */
export function lastErrors(log: (error: unknown) => void): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    log(error);
    if (res.headersSent) return res.end();
    refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}
