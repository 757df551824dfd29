import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Limits on the shape of an operation, checked before anything runs. Sized on the real clients with room to
 * spare (test/integration/security-abuse.test.ts checks that they pass): measured on 2026-11-22, the add-in's
 * syncRows has depth 6 and cost 497, sheetRows depth 5 and cost 269, the whole plan tree depth 9 and cost 560,
 * the GraphiQL example depth 11, the README example depth 6 and cost 95. graphql-armor multiplies the
 * cost of a list by a literal `first`/`last` argument: a 500-row page of ~10 fields costs ~15,000, under the limit.
 */
export const OPERATION_LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 2000,
  maxDirectives: 10,
  maxCost: 50_000,
};

export function armor() {
  return new ApolloArmor({
    maxDepth: { n: OPERATION_LIMITS.maxDepth, flattenFragments: true, ignoreIntrospection: true, exposeLimits: true },
    maxAliases: { n: OPERATION_LIMITS.maxAliases, exposeLimits: true },
    // the token limit is graphql-js's own (ApolloServer parseOptions.maxTokens, server/app.ts): graphql-armor's
    // version re-parses in a plugin, and a plain syntax error thrown there became an HTTP 500 (issue 13, finding 12)
    maxTokens: { enabled: false },
    maxDirectives: { n: OPERATION_LIMITS.maxDirectives, exposeLimits: true },
    costLimit: {
      maxCost: OPERATION_LIMITS.maxCost,
      flattenFragments: true,
      ignoreIntrospection: true,
      exposeLimits: true,
    },
    // off: its Apollo plugin cut "Did you mean …" but left the "?" ("[Suggestion hidden]?") and missed enum values;
    // suggestions are hidden by Apollo's own option where they would reveal the schema (server/app.ts)
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
