import { GraphQLError, type ASTVisitor, type FieldNode, print, type ValidationContext } from 'graphql';

/**
 * Fields that compute over a whole plan: a Relazione, the lint, every sheet row, a realization tree. One costs about
 * a second of CPU on a 3,000-indicator plan, and graphql-armor's cost limit prices them like any other field, so 30
 * aliased `report` fields passed and held the event loop for 12 s (issue 13, finding 9). A request may ask for a few
 * of them; `realization` counts once per distinct set of arguments, because the scores of one plan, year and
 * checkpoint are computed once per request whatever the number of nodes that show them.
 */
export const PLAN_WIDE = { fields: ['report', 'planLint', 'sheetRows', 'rowHistory'], perRequest: 4 } as const;

export function planWideFieldsRule(context: ValidationContext): ASTVisitor {
  const computations = new Set<string>();
  let refused = false;
  return {
    Field(node: FieldNode) {
      const name = node.name.value;
      const heavy = (PLAN_WIDE.fields as readonly string[]).includes(name);
      if (!heavy && name !== 'realization') return;
      const args = (node.arguments ?? [])
        .map((a) => `${a.name.value}:${print(a.value)}`)
        .sort()
        .join(',');
      // each heavy field is its own computation (aliases included); realization trees share theirs by arguments
      computations.add(heavy ? `${name}#${computations.size}` : `realization(${args})`);
      if (computations.size > PLAN_WIDE.perRequest && !refused) {
        refused = true;
        context.reportError(
          new GraphQLError(
            `At most ${PLAN_WIDE.perRequest} plan-wide computations (report, planLint, sheetRows, rowHistory, realization per year and checkpoint) per request: split it into several requests`,
            { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
          ),
        );
      }
    },
  };
}
