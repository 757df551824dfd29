import 'reflect-metadata';
import { config } from '../config';
import { openOrm, type Orm } from '../db/orm';
import { DomainError } from '../errors';

/** Opens the configured database (DATABASE_URL, as the server does), runs one command, closes it. */
export function runCommand(work: (orm: Orm) => Promise<void>): void {
  (async () => {
    const orm = await openOrm(config().databaseUrl);
    try {
      await work(orm);
    } finally {
      await orm.close();
    }
  })().catch((error) => {
    console.error(error instanceof DomainError ? `error: ${error.message}` : error);
    process.exit(1);
  });
}

/** `parseArgs` options for flags that each take one value (`--name value`): the kind most of our commands' flags are. */
export function valueFlags<Name extends string>(...names: Name[]): Record<Name, { type: 'string' }> {
  return Object.fromEntries(names.map((name) => [name, { type: 'string' }])) as Record<Name, { type: 'string' }>;
}

export function expiryOf(days: string | undefined): Date | null {
  if (!days) return null;
  const n = Number(days);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--expires-in-days must be a positive number, got "${days}"`);
  return new Date(Date.now() + n * 86_400_000);
}
