/** The server's exposure settings, read from the environment (README, "Security limits"). */
export type SecurityConfig = {
  /** origins allowed to call /graphql from a browser (the add-in's task pane) */
  corsOrigins: string[];
  /** schema introspection (GraphiQL's docs and autocompletion need it) */
  introspection: boolean;
  /** requests per token (or per IP without one) per window */
  requestsPerWindow: number;
  /** failed authentications per IP per window: slows down token guessing */
  authFailuresPerWindow: number;
  windowMs: number;
};

export const DEFAULT_CORS_ORIGINS = ['https://localhost:3000'];

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

export function readSecurityConfig(env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  const origins = env.CORS_ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean);
  return {
    corsOrigins: origins && origins.length > 0 ? origins : DEFAULT_CORS_ORIGINS,
    // on for the embedded single-user start; a production deployment must ask for it
    introspection: flag('GRAPHQL_INTROSPECTION', env.GRAPHQL_INTROSPECTION, env.NODE_ENV !== 'production'),
    requestsPerWindow: positiveInt('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 600),
    authFailuresPerWindow: positiveInt('AUTH_FAILURES_PER_MINUTE', env.AUTH_FAILURES_PER_MINUTE, 30),
    windowMs: 60_000,
  };
}
