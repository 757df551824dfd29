/**
 * Confirming inferred polarities in bulk (issue 14): each indicator named (or every unconfirmed one of the plan) is
 * marked confirmed, and with acceptSuggestions the plan lint's keyword suggestion becomes its polarity first; every
 * change is audited. A closed plan takes nothing; a suggestion changes scores, so only a draft takes it.
 */
import { AuditAction, Polarity, PlanStatus } from '@core/vocabulary/enums';
import { Indicator, PlanVersion, Target, TargetRevision } from '../entities';
import { InputError, NotFoundError } from '../errors';
import { recordChange, snapshot } from './audit';
import { groupBy } from './group-by';
import { polaritySuggestion } from './polarity-suggestions';
import type { ServiceContext } from './service-context';

export type PolarityConfirmation = { planId: string; indicatorIds: string[]; all: boolean; acceptSuggestions: boolean };

export async function confirmPolarities(ctx: ServiceContext, input: PolarityConfirmation): Promise<Indicator[]> {
  const { em } = ctx;
  const plan = await em.findOne(PlanVersion, { id: input.planId });
  if (!plan) throw new NotFoundError('PlanVersion', input.planId);
  ctx.access?.check(plan.org.id, 'plan');
  if (input.all === input.indicatorIds.length > 0)
    throw InputError.of(
      'indicatorIds',
      'ONE_OF',
      'give either indicatorIds or all: true / indicare indicatorIds oppure all: true',
    );
  if (plan.status === PlanStatus.CLOSED || plan.status === PlanStatus.SUPERSEDED)
    throw InputError.of('planId', 'PLAN_LOCKED', `the plan is ${plan.status} / il piano è chiuso`);
  if (input.acceptSuggestions && plan.status !== PlanStatus.DRAFT)
    throw InputError.of(
      'acceptSuggestions',
      'PLAN_LOCKED',
      'a suggestion changes scores: only a draft plan takes it / un suggerimento cambia i punteggi: solo un piano in bozza lo accetta',
    );
  const indicators = await em.find(
    Indicator,
    input.all ? { plan: plan.id, polarityConfirmed: false } : { plan: plan.id, id: { $in: input.indicatorIds } },
    { orderBy: { position: 'asc', id: 'asc' } },
  );
  const missing = input.indicatorIds.filter((id) => !indicators.some((i) => i.id === id));
  if (missing.length > 0) throw new NotFoundError('Indicator', missing[0]);
  const targets = input.acceptSuggestions
    ? await em.find(Target, { indicator: { $in: indicators.map((i) => i.id) } })
    : [];
  const revisions = targets.length
    ? await em.find(TargetRevision, { target: { $in: targets.map((t) => t.id) } }, { orderBy: { seq: 'asc' } })
    : [];
  const targetsOf = groupBy(targets, (t) => t.indicator.id);
  const revisionsOf = groupBy(revisions, (r) => r.target.id);
  const effectiveOf = (t: Target) => (revisionsOf.get(t.id) ?? []).filter((r) => r.approved).at(-1)?.value;
  for (const indicator of indicators) {
    if (indicator.polarityConfirmed) continue;
    const before = snapshot(em, indicator);
    const suggestion = input.acceptSuggestions
      ? polaritySuggestion(indicator, targetsOf.get(indicator.id) ?? [], effectiveOf)
      : undefined;
    if (suggestion) {
      indicator.polarity = suggestion.polarity as Polarity;
      indicator.polarityEvidence = `suggerimento accettato: il KPI cita "${suggestion.word}" — suggestion accepted: the KPI mentions "${suggestion.word}"`;
    }
    indicator.polarityConfirmed = true;
    recordChange(ctx, indicator, AuditAction.UPDATE, before, snapshot(em, indicator), plan.org);
  }
  await em.flush();
  return indicators;
}
