import type { EntityManager } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { type PlanStamp, planStampStatement, readPlanStamp, stampOfRows } from '../services/plan-stamp';
import { readTogether, type TogetherRead } from '../speed/read-rows';

const LOCK = 'select pg_advisory_xact_lock(hashtextextended(?, 0))';

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
  await (em as SqlEntityManager).execute(LOCK, [`sync:${planId}`]);
}

/** What a turn took with the plan's lock: the plan's stamp (when asked for) and whether the savepoint was taken. */
export type TurnTaken = { stamp: PlanStamp | null; saved: boolean };

/**
 * The plan's lock (takeTurnOnPlan), and with it, on PostgreSQL in the same round trip, the turn's savepoint
 * `savepoint` (turn-writes.ts) and the plan's stamp: each a round trip of its own after the lock was granted, waiting
 * for an event loop busy with the panes' reads while the lock was held (bench B4-pg). The statements of one query run
 * one after the other, each with its own snapshot under READ COMMITTED, so the stamp is read after the lock is granted
 * as before; the savepoint precedes any write of the turn. On SQLite the stamp is read alone and no savepoint taken
 * (the caller takes it when first needed, as without one).
 */
export async function takeTurnWith(
  em: EntityManager,
  planId: string,
  { savepoint, stamp }: { savepoint?: string; stamp: boolean },
): Promise<TurnTaken> {
  if (!(em.getDriver() instanceof PostgreSqlDriver))
    return { stamp: stamp ? await readPlanStamp(em, planId) : null, saved: false };
  const reads: TogetherRead[] = [{ sql: LOCK, bindings: [`sync:${planId}`], meta: null }];
  if (savepoint) reads.push({ sql: `savepoint ${savepoint}`, bindings: [], meta: null });
  if (stamp) reads.push({ ...(await planStampStatement(em, planId)), meta: null });
  const results = await readTogether(em, reads);
  const stampRows = results[results.length - 1] as Array<Record<string, unknown>>;
  return { stamp: stamp ? stampOfRows(planId, stampRows) : null, saved: !!savepoint };
}
