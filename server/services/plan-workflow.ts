import { AuditAction, PlanStatus } from '@core/vocabulary/enums';
import { PlanVersion } from '../entities';
import { recordChange, snapshot } from './audit';
import { ConflictError, InputError, NotFoundError } from '../errors';
import { freezeProfileOf } from './scoring-profiles';
import type { ServiceContext } from './service-context';

/** draft → approved → closed: each step by a controller (or admin), with who and when kept on the plan and in the trail. */
const NEXT: Record<'approve' | 'close', { from: PlanStatus; to: PlanStatus }> = {
  approve: { from: PlanStatus.DRAFT, to: PlanStatus.APPROVED },
  close: { from: PlanStatus.APPROVED, to: PlanStatus.CLOSED },
};

export async function movePlan(
  ctx: ServiceContext,
  step: 'approve' | 'close',
  id: string,
  expectedVersion: number | null,
): Promise<PlanVersion> {
  const { em } = ctx;
  const plan = await em.findOne(PlanVersion, { id });
  if (!plan) throw new NotFoundError('PlanVersion', id);
  ctx.access?.check(plan.org.id, 'plan');
  if (expectedVersion != null && expectedVersion !== plan.version)
    throw new ConflictError('PlanVersion', id, expectedVersion, plan.version);
  const { from, to } = NEXT[step];
  if (plan.status !== from) {
    throw InputError.of(
      'status',
      'BAD_TRANSITION',
      `only a ${from} plan version can be ${step === 'approve' ? 'approved' : 'closed'}; this one is ${plan.status}`,
    );
  }
  const before = snapshot(em, plan);
  const now = new Date();
  plan.status = to;
  if (step === 'approve') {
    plan.approvedAt = now;
    plan.approvedByUser = ctx.actor;
    await freezeProfileOf(ctx, plan);
  } else {
    plan.closedAt = now;
    plan.closedByUser = ctx.actor;
  }
  recordChange(ctx, plan, AuditAction.UPDATE, before, snapshot(em, plan), plan.org);
  await em.flush();
  return plan;
}
