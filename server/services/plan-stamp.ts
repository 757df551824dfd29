import { type EntityManager, raw } from '@mikro-orm/core';
import { PlanVersion } from '../entities';
import { NotFoundError } from '../errors';
import { BuiltOnce, type BuiltStatement } from '../speed/built-once';

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
  return stampOfRows(planId, await stampStatements.read(em, planId));
}

/** The stamp's statement for the caller's tenant filter, to be sent with others in one round trip (plan-lock.ts) */
export function planStampStatement(em: EntityManager, planId: string): Promise<BuiltStatement> {
  return stampStatements.statement(em, planId);
}

/** The stamp from the rows of the stamp's statement: not found when the filter or a delete left none */
export function stampOfRows(planId: string, rows: Array<Record<string, unknown>>): PlanStamp {
  if (!rows[0]) throw new NotFoundError('PlanVersion', planId);
  return stampOf(planId, rows[0]);
}

/** the plan row's version a stamp was read at: the same version, the same plan row (every ORM update moves it) */
export function planVersionOf(stamp: PlanStamp): number {
  return Number(stamp.value.slice(0, stamp.value.indexOf(':')));
}

/** The stamp of a plan row's columns as the stamp's statement selects them (STAMP_COLUMNS) */
export function stampOf(planId: string, row: Record<string, unknown>): PlanStamp {
  const changeCount = Number(row.change_count);
  const value = [row.version, row.scoring_profile_id ?? '-', row.profile_version ?? '-', changeCount].join(':');
  return { planId, orgId: String(row.org_id), value, changeCount };
}

/** the plan row's columns a stamp is made of, and its profile's version, as SQL over the plan row `p` */
export const STAMP_COLUMNS =
  'p.id, p.version, p.org_id, p.scoring_profile_id, p.change_count, ' +
  '(select s.version from scoring_profile s where s.id = p.scoring_profile_id) as profile_version';

/** the stamp's statement, built once per plan and tenant filter (server/speed/built-once.ts) */
const stampStatements = new BuiltOnce(PlanVersion.name, (em, planId) =>
  em
    .createQueryBuilder(PlanVersion, 'p')
    .select([
      'p.id',
      'p.version',
      'p.org',
      'p.scoringProfile',
      'p.changeCount',
      raw('(select s.version from scoring_profile s where s.id = p.scoring_profile_id) as profile_version'),
    ])
    .where({ id: planId }),
);

/** `before` with `bumps` more changes of the plan and nothing else: no other writer came between the two reads. */
export function onlyBumpedBy(before: PlanStamp, after: PlanStamp, bumps: number): boolean {
  const base = (s: PlanStamp) => s.value.slice(0, s.value.lastIndexOf(':'));
  return after.changeCount === before.changeCount + bumps && base(after) === base(before);
}
