import type { MigrationObject } from '@mikro-orm/core';
import * as postgresql from './postgresql';
import * as sqlite from './sqlite';

export type Dialect = 'sqlite' | 'postgresql';

const MIGRATIONS = { postgresql, sqlite };

/**
 * Migrations are listed, not globbed, so the same list runs from TypeScript (tests) and compiled JavaScript: each
 * dialect's index exports its migration classes, named by their timestamp, so that their names sort oldest first.
 */
export function migrationsFor(dialect: Dialect): MigrationObject[] {
  return Object.entries(MIGRATIONS[dialect])
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, migration]) => ({ name, class: migration }));
}
