import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { InputError } from '../errors';

/**
 * The sheet's delta cursor, in commit order (issue 15, B8's catch-up). A time taken at the read was not one: a row's
 * `updatedAt` is stamped at its flush, before its transaction commits, so a sync still open when a pane read at t2
 * committed rows stamped t0 < t2 that `since: t2` never listed. The plan's change counter is in commit order (each
 * writing transaction bumps it, and the bumped row stays locked until that commit; SQLite writes one at a time), and
 * each bump records its transaction's start (plan_commit, written in the same transaction). A read answers the
 * counter it saw before reading the rows; the next delta lists every row stamped at or after the earliest start of
 * the commits above that counter: all of them, however long each stayed open, plus a few it already had (the pane
 * drops rows it holds at the same version). Times are compared only with times their own writer stamped.
 */

/** Records the start of the transaction that just bumped these plans' counters, under the counts it left. */
export async function recordCommits(
  em: EntityManager,
  where: string,
  params: unknown[],
  startedMs: number,
  transaction?: unknown,
): Promise<void> {
  await em
    .getConnection('write')
    .execute(
      `insert into plan_commit (plan_id, seq, started_ms) select id, change_count, ? from plan_version where ${where}`,
      [Math.floor(startedMs), ...params],
      'run',
      transaction as Parameters<ReturnType<EntityManager['getConnection']>['execute']>[3],
    );
}

/** The cursor a read of the plan answers: the change counter it saw before its rows, bound to its plan. */
export function cursorOf(planId: string, changeCount: number): string {
  return Buffer.from(`${planId}:${changeCount}`).toString('base64url');
}

/** The change count a cursor of this plan carries; refused when it is malformed or another plan's. */
export function countOfCursor(planId: string, cursor: string): number {
  const [plan, count] = Buffer.from(cursor, 'base64url').toString().split(':');
  const n = Number(count);
  if (plan !== planId || !/^\d+$/.test(count ?? '') || !Number.isSafeInteger(n)) {
    throw InputError.of('after', 'BAD_CURSOR', 'not a cursor of this plan: pass the `cursor` its last sheetRows gave');
  }
  return n;
}

/**
 * The time from which rows changed after `count` are found: the earliest start of the plan's commits above it;
 * null when none has committed. Every row (the time 0) when the commit just above `count` is no longer recorded
 * (pruned, pruneCommits, or made before the log existed): the later ones alone would miss its rows. The add-in then
 * gets its whole sheet as changed rows and drops those it holds at the same version, as on a full read. A count
 * above the plan's own (a database restored from an older backup) lists all too.
 */
export async function changedFrom(
  em: EntityManager,
  planId: string,
  count: number,
  current: number,
): Promise<Date | null> {
  if (count > current) return new Date(0);
  if (count === current) return null;
  const [row] = (await (em as SqlEntityManager).execute(
    'select min(seq) as first, min(started_ms) as started from plan_commit where plan_id = ? and seq > ?',
    [planId, count],
  )) as Array<{ first: string | number | null; started: string | number | null }>;
  const whole = row?.started == null || Number(row.first) !== count + 1;
  return whole ? new Date(0) : new Date(Number(row.started));
}

/**
 * Keeps the last `keep` commits of every plan and deletes the older ones (COMMIT_LOG_KEEP; the server runs it every
 * few minutes): a cursor older than them is answered with every row, so no delta ever needs them. Returns how many
 * were deleted.
 */
export async function pruneCommits(em: EntityManager, keep: number): Promise<number> {
  const result = (await (em as SqlEntityManager)
    .getConnection('write')
    .execute(
      'delete from plan_commit where seq <= (select change_count from plan_version where plan_version.id = plan_commit.plan_id) - ?',
      [keep],
      'run',
    )) as { affectedRows?: number };
  return result.affectedRows ?? 0;
}
