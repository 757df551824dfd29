import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import type { Context } from '../graphql/context';
import { Indicator } from '../entities';
import { BuiltOnce } from '../speed/built-once';
import { ByDocument } from '../speed/by-document';
import { nodeWork, type NodeWork } from './node-cost';
import { type Computation, planWideComputations } from './plan-wide-fields';

/**
 * The price of a request by the size of what it computes (issue 13, item 5): each plan-wide computation (report,
 * planLint, sheetRows, rowHistory, a realization tree per year and checkpoint) costs the number of indicators of its
 * plan; one that names no plan (a tree read from `planVersions`, a connection, a dashboard) costs the indicators of
 * all the caller's organisations, the most it could touch. Then what is shown per node (node-cost.ts): each
 * realization, and more each explanation, times the nodes that show it (a connection's page, a whole list: the
 * plan's indicators at the most). graphql-armor's cost limit counts fields of the document and cannot see that a
 * `report` on a 3,000-indicator plan is a thousand times one on a 3-indicator plan, nor a page size in a variable.
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

/**
 * The statement of `em.count(Indicator, { plan })` (every plan of the caller's organisations for ''), built once per
 * plan and tenant filter (server/speed/built-once.ts): built by the query builder for every sheet read, it was 3–4 %
 * of B4's event loop, five requests in six being the pane's reads (bench/results/2026-12-07.md, session readcpu).
 */
const sizeStatements = new BuiltOnce(Indicator.name, (em, planId) =>
  em
    .createQueryBuilder(Indicator, 'i0')
    .count()
    .where(planId ? { plan: planId } : {}),
);

/** The indicators of plan `planId` (of every plan for null) the caller may read, as `em.count` counts them. */
export async function planSize(em: EntityManager, planId: string | null): Promise<number> {
  const rows = await sizeStatements.read(em, planId ?? '');
  return rows[0] ? +(rows[0].count as number | string) : 0;
}

export function planCost(limits: PlanCostLimits = PLAN_COST): ApolloServerPlugin<Context> {
  const lane = new HeavyLane();
  let work: ByDocument<{ computations: Computation[]; perNode: NodeWork[] }> | undefined;
  return {
    async requestDidStart() {
      let heavy = false;
      let inLane = false;
      return {
        async didResolveOperation({ document, request, contextValue, schema }) {
          // one schema per server, and so per plugin
          work ??= new ByDocument((doc, variables) => ({
            computations: planWideComputations(doc, variables),
            perNode: nodeWork(schema, doc, variables),
          }));
          const { computations, perNode } = work.of(document, request.variables ?? {});
          if (computations.length === 0 && perNode.length === 0) return;
          const sizes = new Map<string | null, number>();
          for (const planId of [...computations, ...perNode].map((c) => c.planId))
            if (!sizes.has(planId)) sizes.set(planId, await planSize(contextValue.em, planId));
          const size = (planId: string | null) => sizes.get(planId) ?? 0;
          const computed = computations.reduce((sum, c) => sum + size(c.planId), 0);
          const nodes = perNode.reduce((sum, w) => sum + Math.min(w.nodes, size(w.planId)), 0);
          const shown = perNode.reduce((sum, w) => sum + Math.min(w.nodes, size(w.planId)) * w.perNode, 0);
          const price = Math.ceil(computed + shown);
          if (price > limits.maxPerRequest)
            throw new GraphQLError(
              `Richiesta troppo costosa: ${computations.length} calcoli su tutto il piano e ${nodes} nodi con la realizzazione, pari a ${price} punteggi di indicatori, al più ${limits.maxPerRequest} per richiesta: dividerla in più richieste o chiedere meno righe e spiegazioni / Request too expensive: ${computations.length} plan-wide computations and ${nodes} nodes with their realization, worth ${price} indicator scorings, at most ${limits.maxPerRequest} per request: split it into several requests or ask for fewer rows and explanations`,
              {
                extensions: {
                  code: 'COST_LIMIT',
                  cost: price,
                  maxCost: limits.maxPerRequest,
                  http: { status: 400 },
                },
              },
            );
          heavy = price >= limits.heavyFrom;
        },
        // only when it runs: an answer kept from an earlier read (graphql/kept-answers.ts) computes nothing and
        // does not wait behind the heavy ones
        async executionDidStart() {
          if (!heavy) return;
          await lane.enter();
          inLane = true;
        },
        async willSendResponse() {
          if (inLane) lane.leave();
          inLane = false;
        },
      };
    },
  };
}
