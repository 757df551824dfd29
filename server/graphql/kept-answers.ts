import { createHash } from 'node:crypto';
import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { type FragmentDefinitionNode, Kind } from 'graphql';
import { LRUCache } from 'lru-cache';
import { countCacheLookup } from '../ops/metrics';
import { budgetCache, type CacheBudget } from '../services/budget-cache';
import { type PlanStamp, readPlanStamp } from '../services/plan-stamp';
import { NotFoundError } from '../errors';
import { jsonLengthInSlices } from '../speed/stringify-in-slices';
import type { Context } from './context';
import { keptAnswerPlans } from './answer-scope';

/** The name of this cache in the metrics and on the invalidation channel. */
export const PLAN_ANSWERS = 'plan-answers';

type Answer = Record<string, unknown>;
type Entry = { data: Answer; plans: string[]; orgIds: string[]; bytes: number };

/**
 * "A read never recomputes a plan that has not changed" (issue 15, item 3), down to the answer: the data of a plan
 * read (answer-scope.ts says which queries: the plan tree and what hangs from it) is kept per operation, variables,
 * caller and the change stamps of its plans (server/services/plan-stamp.ts), and served again, without running a
 * resolver, while every stamp is the same. The stamp is read on each request in one statement through the
 * caller's tenant filter, so a write committed on any instance is seen by the next read whether or not Redis told
 * this instance (its drops only free memory), and a caller who can no longer read the plan gets no kept answer.
 * Kept per user and their organisations' roles, never shared between callers: whatever a field shows by role, it
 * shows to the one who asked. Answers with errors are not kept.
 *
 * Bounded by entries and by the answers' JSON size (ANSWER_CACHE_MB); 0 turns it off: every read runs, as before.
 */
export class KeptAnswers {
  private readonly cache: LRUCache<string, Entry> | null;

  constructor(budget: CacheBudget) {
    this.cache = budgetCache<Entry>(budget, 200, (entry) => entry.bytes);
  }

  get enabled(): boolean {
    return this.cache !== null;
  }

  get(key: string): Answer | undefined {
    const entry = this.cache?.get(key);
    countCacheLookup(PLAN_ANSWERS, entry !== undefined);
    return entry?.data;
  }

  /** `bytes`: the answer's JSON length (jsonLengthInSlices), what the budget counts */
  put(key: string, data: Answer, stamps: PlanStamp[], bytes: number): void {
    if (!this.cache) return;
    const plans = stamps.map((s) => s.planId);
    this.cache.set(key, { data, plans, orgIds: [...new Set(stamps.map((s) => s.orgId))], bytes });
  }

  /** As ScoreSnapshots.drop: `plan:<id>`, `org:<id>`, or null for everything; frees memory, answers stay right without it. */
  drop(key: string | null): void {
    if (!this.cache) return;
    if (key === null) {
      this.cache.clear();
      return;
    }
    const at = key.indexOf(':');
    const [kind, id] = [key.slice(0, at), key.slice(at + 1)];
    for (const [k, entry] of this.cache.entries())
      if ((kind === 'plan' && entry.plans.includes(id)) || (kind === 'org' && entry.orgIds.includes(id)))
        this.cache.delete(k);
  }

  get size(): number {
    return this.cache?.size ?? 0;
  }
}

/** Who asks, as far as an answer can differ by it: the user, system administration, each organisation's role. */
function callerOf(context: Context): string {
  const orgs = context.access.readableOrgIds();
  const roles = orgs === null ? 'system' : orgs.map((org) => `${org}=${context.access.roleIn(org)}`).sort();
  return JSON.stringify([context.user.id, roles]);
}

/** The plans' stamps, or null when one is not readable by the caller (then the read runs and answers why). */
async function stampsOf(context: Context, plans: string[]): Promise<PlanStamp[] | null> {
  const stamps: PlanStamp[] = [];
  for (const planId of plans) {
    try {
      stamps.push(await readPlanStamp(context.em, planId));
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
  return stamps;
}

/**
 * The Apollo plugin: before executing a keepable operation it reads the stamps and answers from the kept data when
 * it has them; otherwise the operation runs and its answer, without errors, is kept under the stamps read before it
 * ran (its rows are never older than them; if newer, the next stamp differs and the entry is never served).
 * Parsing, validation, trusted documents, limits and the price check (plan-cost.ts) run as for any request.
 */
export function keptAnswersPlugin(answers: KeptAnswers): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      if (!answers.enabled) return;
      let pending: { key: string; stamps: PlanStamp[] } | null = null;
      return {
        async responseForOperation({ operation, document, request, contextValue, schema, queryHash }) {
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const variables = request.variables ?? {};
          const plans = keptAnswerPlans(schema, operation, fragments, variables);
          if (!plans) return null;
          const stamps = await stampsOf(contextValue, plans);
          if (!stamps) return null;
          const key = createHash('sha256')
            .update(
              JSON.stringify([
                queryHash,
                operation.name?.value ?? request.operationName ?? null,
                variables,
                callerOf(contextValue),
                stamps.map((s) => [s.planId, s.value]),
              ]),
            )
            .digest('base64url');
          const data = answers.get(key);
          if (data) return { body: { kind: 'single', singleResult: { data } }, http: { headers: new HeaderMap() } };
          pending = { key, stamps };
          return null;
        },
        async willSendResponse({ response }) {
          if (!pending || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          // sized in slices: a 4 MB tree sized in one JSON.stringify would block the loop its serialisation no longer does
          if (data && !errors?.length) answers.put(pending.key, data, pending.stamps, await jsonLengthInSlices(data));
          pending = null;
        },
      };
    },
  };
}
