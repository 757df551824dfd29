import { Args, Resolver, Root, Subscription } from 'type-graphql';
import { Checkpoint } from '@core/vocabulary/enums';
import { PlanVersion } from '../entities';
import { InputError, NotFoundError } from '../errors';
import type { PlanChangeOut } from '../live/feeds';
import type { Context } from './context';
import { PlanPeriodArgs } from './period-args';
import { PlanChange } from './types/live';

type Subscribing = { args: PlanPeriodArgs; context: Context };

/**
 * Authorised like a query: the plan is looked up through the caller's tenant-scoped unit of work, so a plan of
 * another organisation is "not found" and nothing is ever sent; every role that reads (viewers included) listens.
 */
async function follow({ args, context }: Subscribing): Promise<AsyncIterable<PlanChangeOut>> {
  if (!context.live) {
    throw InputError.of(
      'planChanged',
      'WEBSOCKET_REQUIRED',
      'subscriptions run over a websocket (graphql-ws) on /graphql',
    );
  }
  const plan = await context.em.findOne(PlanVersion, { id: args.planId }, { populate: ['cycle'] });
  if (!plan) throw new NotFoundError('PlanVersion', args.planId);
  if (!plan.cycle.years.includes(args.year)) {
    throw InputError.of('year', 'BAD_YEAR', `${args.year} is not a year of this plan (${plan.cycle.years.join(', ')})`);
  }
  const checkpoint = args.checkpoint ?? Checkpoint.YEAR_END;
  return context.live.follow(plan.org.id, plan.id, args.year, checkpoint);
}

@Resolver()
export class LiveResolver {
  @Subscription(() => PlanChange, {
    description:
      'Ogni modifica al piano (per ogni via: syncRows, mutazioni, importazioni, su ogni istanza) che ha mosso una riga o un punteggio di questo anno e scadenza / Each committed change to the plan (by any path: syncRows, mutations, imports, on any instance) that moved a row or a score of this year and checkpoint',
    subscribe: follow,
  })
  planChanged(@Root() change: PlanChangeOut, @Args(() => PlanPeriodArgs) _period: PlanPeriodArgs): PlanChange {
    return change as unknown as PlanChange;
  }
}
