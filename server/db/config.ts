import path from 'node:path';

/** Where the server listens and which database it uses, read from the environment (README, "Configuration"). */
export type ServerConfig = {
  port: number;
  host: string;
  databaseUrl: string;
};

export const DEFAULT_SQLITE_FILE = './data/cruscotto.sqlite';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT ? Number(env.PORT) : 4000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || DEFAULT_SQLITE_FILE,
  };
}

/** A SQLite path is resolved against the working directory so `./data/…` means the checkout's data folder. */
export function resolveSqlitePath(url: string): string {
  return url === ':memory:' ? url : path.resolve(url);
}
