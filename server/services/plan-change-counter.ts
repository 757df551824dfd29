import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { NotFoundError } from '../errors';
import { type BeforeCommit, markDone, transactionStartOf, watchTransactions } from './committed-changes';
import { recordCommits } from './commit-order';
import { ORG_WIDE_ENTITIES, type PlanStamp, readPlanStamp, STAMP_COLUMNS, stampOf } from './plan-stamp';

const ORG_WIDE = new Set(ORG_WIDE_ENTITIES);
const doneKey = (planId: string) => `plan:${planId}`;

/**
 * Every transaction that changes a plan's data bumps the plan's change counter (plan_version.change_count) once, in
 * that transaction, before it commits: the score cache's stamp (plan-stamp.ts) reads it in constant time. What a
 * transaction changed is told by its audit events (committed-changes.ts), which every write path records with its
 * rows — sheet syncs, mutations, imports, locks, workflow — so no write path has to remember the counter itself.
 * A change with no plan that still moves scores (ORG_WIDE_ENTITIES: fund values, activities, units, people) bumps
 * every plan of its organisation: rare writes. Two statements per transaction (the bump, and its place in the plan's
 * commit order, commit-order.ts); the rows are updated in the order the database finds them, and a sheet sync (the
 * frequent writer) has already taken its turn on the plan (plan-lock.ts).
 */
export const countPlanChanges: BeforeCommit = async (em, transaction, changes, done, startedMs) => {
  const plans = new Set<string>();
  const orgs = new Set<string>();
  for (const change of changes) {
    if (change.planId) {
      if (!done.has(doneKey(change.planId))) plans.add(change.planId);
    } else if (change.orgId && ORG_WIDE.has(change.entityType)) orgs.add(change.orgId);
  }
  if (plans.size === 0 && orgs.size === 0) return;
  const where = [
    plans.size ? `id in (${[...plans].map(() => '?').join(', ')})` : null,
    orgs.size ? `org_id in (${[...orgs].map(() => '?').join(', ')})` : null,
  ].filter(Boolean);
  await em
    .getConnection('write')
    .execute(
      `update plan_version set change_count = change_count + 1 where ${where.join(' or ')}`,
      [...plans, ...orgs],
      'run',
      transaction as Parameters<ReturnType<EntityManager['getConnection']>['execute']>[3],
    );
  // and where this commit stands in each plan's commit order: the sheet's delta cursor (commit-order.ts)
  await recordCommits(em, where.join(' or '), [...plans, ...orgs], startedMs, transaction);
};

/** Turns the counters on for an ORM (openOrm does, for every process: server, CLI, tests). */
export function countChangesOf(em: EntityManager): void {
  watchTransactions(em, countPlanChanges);
}

/**
 * Bumps the plan's counter now, inside the caller's transaction (its commit will not bump it again), and reads the
 * stamp its commit leaves: the sheet sync keeps the scores it computed under it. On PostgreSQL the updated row stays
 * locked until the commit, so no other writer moves the counter meanwhile. The plan must have been read through the
 * caller's tenant filter already (the stamp here is read past it). On PostgreSQL the bump, its commit's place and the
 * stamp are one statement: three round trips under a sync turn's plan lock, each waiting for an event loop busy with
 * the panes' reads (bench B4-pg), where one does.
 */
export async function bumpPlanNow(em: EntityManager, planId: string): Promise<PlanStamp> {
  if (!em.isInTransaction()) throw new Error('bumpPlanNow: only inside the writing transaction');
  const sql = em as SqlEntityManager;
  const startedMs = Math.floor(transactionStartOf(em));
  const statement = bumpStatement(em, planId);
  if (statement) return bumpedBy(em, planId, await sql.execute(statement.sql, statement.params));
  await sql.execute('update plan_version set change_count = change_count + 1 where id = ?', [planId]);
  await recordCommits(em, 'id = ?', [planId], startedMs, em.getTransactionContext());
  markDone(em, doneKey(planId));
  return readPlanStamp(em, planId);
}

/**
 * bumpPlanNow's one statement on PostgreSQL (null elsewhere), for a caller sending it after another in the same
 * round trip (a sync turn's held write, turn-writes.ts): once it ran, and what came before it with it succeeded,
 * `bumpedBy` takes its rows. Not run, or undone with its savepoint, it bumped nothing: the commit bumps then.
 */
export function bumpStatement(em: EntityManager, planId: string): { sql: string; params: unknown[] } | null {
  if (!(em.getDriver() instanceof PostgreSqlDriver)) return null;
  return {
    sql:
      `with p as (update plan_version set change_count = change_count + 1 where id = ? ` +
      `returning id, version, org_id, scoring_profile_id, change_count), ` +
      `c as (insert into plan_commit (plan_id, seq, started_ms) select id, change_count, ? from p) ` +
      `select ${STAMP_COLUMNS} from p`,
    params: [planId, Math.floor(transactionStartOf(em))],
  };
}

/** The stamp bumpStatement's rows say the commit leaves; the commit no longer bumps the plan's counter itself */
export function bumpedBy(em: EntityManager, planId: string, rows: Array<Record<string, unknown>>): PlanStamp {
  if (!rows[0]) throw new NotFoundError('PlanVersion', planId);
  markDone(em, doneKey(planId));
  return stampOf(planId, rows[0]);
}
