import type { EntityManager } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { SqlEntityManager } from '@mikro-orm/knex';

/**
 * Syncs of one plan take turns on PostgreSQL. Under READ COMMITTED two batches read the same row versions, both
 * decided "UPDATED", and the batch update checked versions with a SELECT before updating by id: one value was
 * silently lost, a first actual entered twice broke a unique index, and retries of one batch key raced to insert
 * their answer (issue 13, findings 1 and 2). A transaction-scoped advisory lock per plan, taken before anything is
 * read, makes the second batch read what the first committed: its stale rows become CONFLICT rows, its retry a
 * replay. Different plans still sync in parallel; the lock ends with the transaction, also when it fails.
 * SQLite needs nothing: it runs one write transaction at a time.
 */
export async function takeTurnOnPlan(em: EntityManager, planId: string): Promise<void> {
  if (!(em.getDriver() instanceof PostgreSqlDriver)) return;
  await (em as SqlEntityManager).execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`sync:${planId}`]);
}
