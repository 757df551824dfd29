import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../graphql/context';
import { Indicator } from '../entities';
import { planWideComputations } from './plan-wide-fields';

/**
 * The price of a request by the size of what it computes (issue 13, item 5): each plan-wide computation (report,
 * planLint, sheetRows, rowHistory, a realization tree per year and checkpoint) costs the number of indicators of its
 * plan; one that names no plan (a tree read from `planVersions`, a connection, a dashboard) costs the indicators of
 * all the caller's organisations, the most it could touch. graphql-armor's cost limit counts fields of the document
 * and cannot see that a `report` on a 3,000-indicator plan is a thousand times one on a 3-indicator plan.
 */
export const PLAN_COST = {
  /** indicator scorings per request: four computations on a 5,000-indicator plan */
  maxPerRequest: 20_000,
  /** from this price on a request is heavy: it waits for the heavy lane (one at a time per process) */
  heavyFrom: 1_000,
};

/**
 * One heavy request at a time, in arrival order, each starting on a fresh turn of the event loop: two viewers
 * asking for a Relazione of a big plan no longer add their CPU into one long block, and the small requests that
 * arrived meanwhile (/health, a tree level, a sync) are served between them.
 */
class HeavyLane {
  private busy = false;
  private readonly waiting: Array<() => void> = [];

  async enter(): Promise<void> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy = true;
    await yieldToLoop();
  }

  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }
}

export type PlanCostLimits = typeof PLAN_COST;

export function planCost(limits: PlanCostLimits = PLAN_COST): ApolloServerPlugin<Context> {
  const lane = new HeavyLane();
  return {
    async requestDidStart() {
      let inLane = false;
      return {
        async didResolveOperation({ document, request, contextValue }) {
          const computations = planWideComputations(document, request.variables ?? {});
          if (computations.length === 0) return;
          const sizes = new Map<string | null, number>();
          for (const c of computations)
            if (!sizes.has(c.planId))
              sizes.set(c.planId, await contextValue.em.count(Indicator, c.planId ? { plan: c.planId } : {}));
          const price = computations.reduce((sum, c) => sum + (sizes.get(c.planId) ?? 0), 0);
          if (price > limits.maxPerRequest)
            throw new GraphQLError(
              `Richiesta troppo costosa: ${computations.length} calcoli su tutto il piano per ${price} punteggi di indicatori, al più ${limits.maxPerRequest} per richiesta: dividerla in più richieste / Request too expensive: ${computations.length} plan-wide computations scoring ${price} indicators, at most ${limits.maxPerRequest} per request: split it into several requests`,
              {
                extensions: {
                  code: 'COST_LIMIT',
                  cost: price,
                  maxCost: limits.maxPerRequest,
                  http: { status: 400 },
                },
              },
            );
          if (price >= limits.heavyFrom) {
            await lane.enter();
            inLane = true;
          }
        },
        async willSendResponse() {
          if (inLane) lane.leave();
          inLane = false;
        },
      };
    },
  };
}
