import { type EntityManager, raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { PlanVersion } from '../entities';
import { NotFoundError } from '../errors';
import { RecentMap } from '../speed/recent-map';

/**
 * Entities whose audit events carry no plan (they hang from the cycle, a project or the organisation) and whose
 * change can still move a plan's scores: fund values (incentives), activities (project indicators), units and people
 * whose removal drops their links and assignments. Rare writes: one of them anywhere in the organisation renews the
 * change counter of all its plans (plan-change-counter.ts).
 */
export const ORG_WIDE_ENTITIES = ['Activity', 'FundParameter', 'OrgUnit', 'Person'];

/** What a plan's scores were computed from, as of one moment: equal stamps, equal scores. */
export type PlanStamp = { planId: string; orgId: string; value: string; changeCount: number };

/**
 * The plan's change stamp, in one statement on the plan's row, through the request's tenant filter (a plan the
 * caller cannot read is not found, as loadPlanSnapshot says). It is made of what a write cannot avoid changing, in
 * the same transaction:
 * - the plan's change counter: every transaction that changes the plan's data bumps it once before it commits
 *   (plan-change-counter.ts, from the audit events every write path records), and so does a change of
 *   ORG_WIDE_ENTITIES for every plan of the organisation; a counter and not a time, which instances with different
 *   clocks could write out of order;
 * - the plan row's version and its scoring profile (id and row version: a revision of the profile is not a change of
 *   the plan's rows).
 * Constant time whatever the plan's history (it counted the plan's audit events before: 30 ms for 200,000 events).
 */
export async function readPlanStamp(em: EntityManager, planId: string): Promise<PlanStamp> {
  const sql = em as SqlEntityManager;
  // the tenant filter's condition as the query builder would apply it: the statement's text and values follow from
  // it and the plan, so a statement built for them serves every later read (building it, knex's toQuery included, was
  // most of a read's cost: 4 reads per sync, 5 % of a B4 sync on SQLite)
  const filter = await sql.applyFilters(PlanVersion.name, {}, {}, 'read');
  const query = await stampQuery(sql, planId, filter);
  // the connection the query builder would have taken, the transaction's own when there is one
  const type = sql.config.get('preferReadReplicas') ? 'read' : 'write';
  const context = sql.getContext(false).getTransactionContext();
  const rows = (await sql
    .getDriver()
    .getConnection(type)
    .execute(query.sql, [...query.bindings], 'all', context)) as Array<Record<string, unknown>>;
  const [row] = rows;
  if (!row) throw new NotFoundError('PlanVersion', planId);
  const changeCount = Number(row.change_count);
  const value = [row.version, row.scoring_profile_id ?? '-', row.profile_version ?? '-', changeCount].join(':');
  return { planId, orgId: String(row.org_id), value, changeCount };
}

type StampQuery = { sql: string; bindings: unknown[] };

/** per ORM (dialect), the stamp statements last used, by plan and filter; a few plans are read at a time */
const stampQueries = new WeakMap<object, RecentMap<string, StampQuery>>();
export const STAMP_QUERIES = 256;

async function stampQuery(em: SqlEntityManager, planId: string, filter: unknown): Promise<StampQuery> {
  const byKey = stampQueries.get(em.getDriver()) ?? new RecentMap<string, StampQuery>(STAMP_QUERIES);
  stampQueries.set(em.getDriver(), byKey);
  const key = `${planId} ${JSON.stringify(filter)}`;
  const known = byKey.get(key);
  if (known) return known;
  const qb = em
    .createQueryBuilder(PlanVersion, 'p')
    .select([
      'p.id',
      'p.version',
      'p.org',
      'p.scoringProfile',
      'p.changeCount',
      raw('(select s.version from scoring_profile s where s.id = p.scoring_profile_id) as profile_version'),
    ])
    .where({ id: planId });
  await qb.applyFilters();
  // the knex form (values apart) the query builder itself executes
  const { sql, bindings } = qb.toQuery()._sql;
  const query: StampQuery = { sql, bindings: [...(bindings ?? [])] };
  byKey.set(key, query);
  return query;
}

/** `before` with `bumps` more changes of the plan and nothing else: no other writer came between the two reads. */
export function onlyBumpedBy(before: PlanStamp, after: PlanStamp, bumps: number): boolean {
  const base = (s: PlanStamp) => s.value.slice(0, s.value.lastIndexOf(':'));
  return after.changeCount === before.changeCount + bumps && base(after) === base(before);
}
