import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { MikroORM, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from '../entities';
import { isPostgresUrl, resolveSqlitePath } from './database-url';
import { keepStatements } from './kept-statements';
import { migrationsFor, type Dialect } from '../migrations';
import { countChangesOf } from '../services/plan-change-counter';

export type Orm = MikroORM;

export type OpenOptions = {
  /** apply pending migrations (start-up does; the migration generator doesn't) */
  migrate?: boolean;
  /** log every SQL statement through this function (tests count statements with it) */
  onQuery?: (sql: string) => void;
  /** allow the global entity manager (tests only) */
  allowGlobalContext?: boolean;
};

export function dialectOf(databaseUrl: string): Dialect {
  return isPostgresUrl(databaseUrl) ? 'postgresql' : 'sqlite';
}

export function ormOptions(databaseUrl: string, opts: OpenOptions = {}): Options {
  const dialect = dialectOf(databaseUrl);
  const common: Options = {
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: {
      migrationsList: migrationsFor(dialect),
      path: path.join(__dirname, '..', 'migrations', dialect),
      pathTs: path.join(__dirname, '..', 'migrations', dialect),
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      silent: true,
    },
    allowGlobalContext: opts.allowGlobalContext ?? false,
    forceUtcTimezone: true,
    debug: opts.onQuery ? ['query'] : false,
    logger: opts.onQuery ? (message: string) => opts.onQuery!(message) : undefined,
    discovery: { warnWhenNoEntities: false },
    // The tenant filter (server/auth/tenant-filter.ts) is on every org-owned entity; joining each reference to
    // re-check it would add joins to every statement and cannot change a result (references never cross tenants).
    autoJoinRefsForFilters: false,
  };
  if (dialect === 'postgresql') {
    return { ...common, driver: PostgreSqlDriver, clientUrl: databaseUrl, pool: { min: 0, max: 10 } } as Options;
  }
  // Reads outside a transaction on a connection of their own (MikroORM's read replica, the same file): SQLite's
  // one connection is the writer's for the whole of a sync's transaction, and every statement of a sliced plan
  // read queued behind each sync that came in meanwhile (bench B4: realization reads waited 27 s behind syncs).
  // In WAL mode that reader sees the last committed state, never a batch being written. Not for :memory: (another
  // connection would open another, empty database).
  const replicas = databaseUrl === ':memory:' ? [] : [{ name: 'reader' }];
  // each connection (the writer's and the reader's: a replica takes the main pool options) keeps its statements
  const pool = {
    afterCreate: (db: Database, done: (error: Error | null, db: Database) => void) => done(null, keepStatements(db)),
  };
  return { ...common, driver: BetterSqliteDriver, dbName: resolveSqlitePath(databaseUrl), replicas, pool } as Options;
}

/** Opens the database, prepares SQLite (WAL, foreign keys) and applies pending migrations. */
export async function openOrm(databaseUrl: string, opts: OpenOptions = {}): Promise<Orm> {
  const dialect = dialectOf(databaseUrl);
  if (dialect === 'sqlite' && databaseUrl !== ':memory:') {
    fs.mkdirSync(path.dirname(resolveSqlitePath(databaseUrl)), { recursive: true });
  }
  const orm = await MikroORM.init(ormOptions(databaseUrl, opts));
  if (dialect === 'sqlite') {
    const connection = orm.em.getConnection();
    if (databaseUrl !== ':memory:') await connection.execute('pragma journal_mode = WAL');
    await connection.execute('pragma foreign_keys = ON');
  }
  // every transaction that changes a plan bumps its change counter (the score cache's stamp)
  countChangesOf(orm.em);
  if (opts.migrate ?? true) await orm.getMigrator().up();
  return orm;
}
