import { AuditAction, type Checkpoint } from '@core/vocabulary/enums';
import { CheckpointLock, PlanVersion } from '../entities';
import { recordChange, snapshot } from '../services/audit';
import { InputError, NotFoundError } from '../errors';
import { yearProblems } from '../services/values';
import type { ServiceContext } from '../services/service-context';

/** Closes a checkpoint to actual values (idempotent: locking a locked checkpoint changes nothing). */
export async function lockCheckpoint(
  ctx: ServiceContext,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
  reason: string | null,
): Promise<CheckpointLock> {
  const plan = await ctx.em.findOne(PlanVersion, { id: planId }, { populate: ['cycle'] });
  if (!plan) throw new NotFoundError('PlanVersion', planId);
  ctx.access?.check(plan.org.id, 'plan');
  // a lock on a year the plan does not have would close nothing and read as if it did (issue 13, finding 6)
  const problems = yearProblems('year', year, plan.cycle.years);
  if (problems.length > 0) throw new InputError(problems);
  const existing = await ctx.em.findOne(CheckpointLock, { plan: planId, year, checkpoint });
  if (existing) return existing;
  const lock = ctx.em.create(CheckpointLock, { org: plan.org, plan, year, checkpoint, reason, lockedBy: ctx.actor });
  recordChange(ctx, lock, AuditAction.CREATE, null, snapshot(ctx.em, lock), plan.org);
  await ctx.em.flush();
  return lock;
}

export async function unlockCheckpoint(
  ctx: ServiceContext,
  planId: string,
  year: number,
  checkpoint: Checkpoint,
): Promise<boolean> {
  const plan = await ctx.em.findOne(PlanVersion, { id: planId });
  if (!plan) throw new NotFoundError('PlanVersion', planId);
  ctx.access?.check(plan.org.id, 'plan');
  const lock = await ctx.em.findOne(CheckpointLock, { plan: planId, year, checkpoint });
  if (!lock) return false;
  const before = snapshot(ctx.em, lock);
  ctx.em.remove(lock);
  recordChange(ctx, lock, AuditAction.DELETE, before, null, lock.org);
  await ctx.em.flush();
  return true;
}
