import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Dashboard, Indicator, PlanVersion } from '../entities';
import { InputError, NotFoundError } from '../errors';
import { confirmPolarities } from '../services/polarity-confirm';
import { loadPlanSnapshot } from '../services/plan-snapshot';
import type { Context } from './context';
import { PeriodArgs } from './period-args';
import { nextTurn } from '../speed/next-turn';
import { LintIssue, PerformanceReport } from './types/report';
import { reportOf } from './report-of';

/** The lint findings of a plan version, whole: for planLint and, paged, planLintConnection. */
export async function lintOfPlan(ctx: Context, planId: string): Promise<LintIssue[]> {
  const plan = await ctx.em.findOne(PlanVersion, { id: planId }, { populate: ['cycle'] });
  if (!plan) throw new NotFoundError('PlanVersion', planId);
  // the statements of one read answer without yielding (SQLite): the read on a turn of its own, the lint off it
  await nextTurn();
  const snapshot = await loadPlanSnapshot(ctx.em, planId, null, { readOnly: ctx.fastPaths, sliced: true });
  return ctx.compute.run({ kind: 'lint', snapshot, years: plan.cycle.years });
}

@Resolver()
export class ReportResolver {
  @Query(() => PerformanceReport, {
    description:
      'Il prospetto di fine anno (o al 30/6) di un cruscotto o di tutto il piano / The year-end (or 30/6) table of a dashboard, or of the whole plan tree',
  })
  async report(
    @Args(() => PeriodArgs) { year, checkpoint }: PeriodArgs,
    @Arg('dashboardId', () => ID, { nullable: true }) dashboardId: string | null,
    @Arg('planId', () => ID, { nullable: true }) planId: string | null,
    @Ctx() ctx: Context,
  ): Promise<PerformanceReport> {
    if (!dashboardId === !planId) throw InputError.of('dashboardId', 'ONE_OF', 'give either dashboardId or planId');
    let plan = planId;
    if (dashboardId) {
      const dashboard = await ctx.em.findOne(Dashboard, { id: dashboardId });
      if (!dashboard) throw new NotFoundError('Dashboard', dashboardId);
      plan = dashboard.plan.id;
    }
    const { report, profile } = await reportOf(ctx, plan!, year, checkpoint, dashboardId);
    return { ...report, year, checkpoint, profile };
  }

  @Query(() => [LintIssue], {
    description:
      'Che cosa renderebbe sbagliati o impossibili i punteggi di una versione del piano / What would make the scores of a plan version wrong or impossible',
    deprecationReason: 'Usare planLintConnection / Use planLintConnection',
  })
  planLint(
    @Arg('planId', () => ID, { description: 'La versione del piano / The plan version' }) planId: string,
    @Ctx() ctx: Context,
  ): Promise<LintIssue[]> {
    return lintOfPlan(ctx, planId);
  }

  @Mutation(() => [Indicator], {
    description:
      'Conferma la polarità dedotta degli indicatori indicati, o di tutti quelli non confermati del piano (all: true); con acceptSuggestions il suggerimento del controllo (POLARITY_SUGGESTION) diventa prima la polarità, solo in bozza. Registrato. / Confirms the inferred polarity of the indicators named, or of every unconfirmed one of the plan (all: true); with acceptSuggestions the plan lint suggestion (POLARITY_SUGGESTION) becomes the polarity first, in a draft plan only. Audited.',
  })
  confirmPolarities(
    @Arg('planId', () => ID) planId: string,
    @Arg('indicatorIds', () => [ID], { defaultValue: [] }) indicatorIds: string[],
    @Arg('all', { defaultValue: false }) all: boolean,
    @Arg('acceptSuggestions', { defaultValue: false }) acceptSuggestions: boolean,
    @Ctx() ctx: Context,
  ): Promise<Indicator[]> {
    return confirmPolarities(ctx, { planId, indicatorIds, all, acceptSuggestions });
  }
}
