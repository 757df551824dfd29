import type { MigrationObject } from '@mikro-orm/core';
import { postgresqlMigrations } from './postgresql';
import { sqliteMigrations } from './sqlite';

export type Dialect = 'sqlite' | 'postgresql';

/** Migrations are listed, not globbed, so the same list runs from TypeScript (tests) and compiled JavaScript. */
export function migrationsFor(dialect: Dialect): MigrationObject[] {
  return dialect === 'postgresql' ? postgresqlMigrations : sqliteMigrations;
}
