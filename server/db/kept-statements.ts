import type { Database, Statement } from 'better-sqlite3';
import { RecentMap } from '../speed/recent-map';

/** how many statements a connection keeps: a request's repeated ones outlive the few of its own each request adds */
export const KEPT_STATEMENTS = 200;

/**
 * the longest text kept: a 300-row chunk of the set-based update, its values bound, is ~14,000 characters; a text
 * longer than this carries its values (a formatted multi-row insert: megabytes, compiled to as much) and is not run
 * twice, so keeping its compiled program would only hold memory
 */
export const KEPT_TEXT_LENGTH = 16_000;

const keeping = new WeakSet<object>();

/**
 * Makes an SQLite connection's `prepare` give back the statement it compiled last time for the same SQL text, the
 * most recently used `KEPT_STATEMENTS` of them. knex prepares every statement it runs again (better-sqlite3 client,
 * `_query`): a B4 sync compiled its plan's stamp query four times and the transaction's own statements each time,
 * 5 % of its CPU in `prepare`. A statement is reused only by text, so what runs is what was asked; its bindings are
 * given at each run, and SQLite compiles it again by itself if the schema changed since (a migration). Nothing here
 * iterates a statement (knex runs `all` or `run`, which finish before they return), so a statement is never busy
 * when it is handed out again.
 */
export function keepStatements(db: Database, max = KEPT_STATEMENTS): Database {
  if (keeping.has(db)) return db;
  keeping.add(db);
  const prepare = db.prepare.bind(db);
  const kept = new RecentMap<string, Statement>(max);
  db.prepare = ((sql: string) => {
    if (sql.length > KEPT_TEXT_LENGTH) return prepare(sql);
    let statement = kept.get(sql);
    if (!statement) kept.set(sql, (statement = prepare(sql)));
    return statement;
  }) as Database['prepare'];
  return db;
}
