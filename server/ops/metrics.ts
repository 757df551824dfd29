import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The Prometheus metrics of one process (README, "Running several instances"). One registry per process, not
 * prom-client's global one: the process's metrics are the same whichever of its servers is asked, and a library
 * that registers into the global registry cannot collide with these names.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const requestDuration = new Histogram({
  name: 'cruscotto_request_duration_seconds',
  help: 'HTTP request latency, by route, GraphQL operation name (empty outside /graphql) and status',
  labelNames: ['route', 'operation', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

const syncRows = new Counter({
  name: 'cruscotto_sync_rows_total',
  help: 'Sheet rows answered by syncRows, by status (CREATED, UPDATED, UNCHANGED, DELETED, CONFLICT, REJECTED)',
  labelNames: ['status'] as const,
  registers: [registry],
});

const cacheLookups = new Counter({
  name: 'cruscotto_cache_lookups_total',
  help: 'Lookups in an in-process cache, by cache and result (hit or miss)',
  labelNames: ['cache', 'result'] as const,
  registers: [registry],
});

const subscriptions = new Gauge({
  name: 'cruscotto_subscriptions',
  help: 'GraphQL subscriptions open on this instance',
  registers: [registry],
});

/** Counts the statuses of one syncRows answer, spelled as the API spells them (CREATED, not created). */
export function countSyncRows(statuses: Iterable<string>): void {
  for (const status of statuses) syncRows.inc({ status: status.toUpperCase() });
}

/** One lookup in the cache named `cache` (a fixed name, never a key). */
export function countCacheLookup(cache: string, hit: boolean): void {
  cacheLookups.inc({ cache, result: hit ? 'hit' : 'miss' });
}

/** A subscription opened (+1) or ended (-1) on this instance. */
export function countSubscriptions(delta: 1 | -1): void {
  subscriptions.inc(delta);
}

/**
 * Operation names are the client's words: past this many distinct ones, further names are counted as "other", so a
 * client inventing names cannot grow the metrics without bound.
 */
const MAX_OPERATIONS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const operationsSeen = new Set<string>();

function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!OPERATION_NAME.test(name)) return 'other';
  if (operationsSeen.has(name)) return name;
  if (operationsSeen.size >= MAX_OPERATIONS) return 'other';
  operationsSeen.add(name);
  return name;
}

/** The routes the server has; anything else is "other" (a scanner's paths are not labels). */
const ROUTES = ['/graphql', '/health', '/ready', '/metrics', '/reports', '/export', '/import', '/ide'];

function routeLabel(path: string): string {
  if (path === '/') return '/';
  return ROUTES.find((route) => path === route || path.startsWith(`${route}/`)) ?? 'other';
}

/** Times every request from its arrival to the end of its response. */
export function observeRequests(): RequestHandler {
  return (req, res, next) => {
    const end = requestDuration.startTimer();
    res.once('finish', () => {
      const operation = res.locals.operation as string | undefined;
      end({
        route: routeLabel(req.originalUrl.split('?')[0]),
        operation: operation ?? '',
        status: String(res.statusCode),
      });
    });
    next();
  };
}

/**
 * The Express response of a GraphQL context, for the plugin below, under a symbol (the context type stays the
 * resolvers'). A property and not a WeakMap entry: Apollo hands plugins a shallow copy of the context object.
 */
const RESPONSE = Symbol('express response');

export function bindResponse<T extends object>(context: T, res: Response): T {
  return Object.assign(context, { [RESPONSE]: res });
}

/** The Express response a context was bound to (bindResponse), if any. */
export function responseOf(context: object): Response | undefined {
  return (context as { [RESPONSE]?: Response })[RESPONSE];
}

/** Records the operation name once GraphQL knows it (from the document, not only from the request's field). */
export function operationNames(): ApolloServerPlugin<any> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ operationName }) {
          const res = responseOf(contextValue as object);
          if (res) res.locals.operation = operationLabel(operationName);
        },
      };
    },
  };
}
