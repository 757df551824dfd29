/**
 * Fixed limits of the GraphQL API, read by the layer that builds the schema (server/graphql) and by the HTTP layer
 * that prices and refuses requests before they run (server/http): here, so neither imports the other for them.
 */

/** A Relay page (server/graphql/paging.ts): at most MAX_PAGE rows, DEFAULT_PAGE without `first` or `last`. */
export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 100;

/**
 * Fields that compute over a whole plan: a Relazione, the lint, every sheet row, a realization tree. One costs about
 * a second of CPU on a 3,000-indicator plan, and graphql-armor's cost limit prices them like any other field, so 30
 * aliased `report` fields passed and held the event loop for 12 s (issue 13, finding 9). A request may ask for a few
 * of them (server/http/plan-wide-fields.ts counts them).
 */
export const PLAN_WIDE = {
  // the connections compute the same whole plan as the lists they page (issue 19)
  fields: [
    'report',
    'planLint',
    'planLintConnection',
    'sheetRows',
    'sheetScores',
    'rowHistory',
    'rowHistoryConnection',
    'codeValues',
    'lastFieldChanges',
  ],
  perRequest: 4,
} as const;
