import path from 'node:path';

/** What DATABASE_URL (server/config) names: a postgres:// URL, or anything else as the path of a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** A SQLite path is resolved against the working directory so `./data/…` means the checkout's data folder. */
export function resolveSqlitePath(url: string): string {
  return url === ':memory:' ? url : path.resolve(url);
}
