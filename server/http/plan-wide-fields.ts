import {
  type DocumentNode,
  type FieldNode,
  GraphQLError,
  type ASTVisitor,
  print,
  type ValidationContext,
  visit,
  Kind,
} from 'graphql';

/*
 * A request may ask for a few plan-wide fields (PLAN_WIDE, server/config/api-limits.ts); `realization(year:…)` counts
 * once per distinct set of arguments, because the scores of one plan, year and checkpoint are computed once per
 * request whatever the number of nodes that show them. A `realization` without arguments (a report row's text, a
 * sheet row's score) is part of the computation that holds it, not one more.
 */
import { PLAN_WIDE } from '../config/api-limits';

export { PLAN_WIDE };

/** One plan-wide computation of a request: its field and the plan it names (a literal, or the variable holding it). */
export type Computation = { key: string; field: string; planId: string | null };

function computationOf(node: FieldNode, index: number, variables: Record<string, unknown>): Computation | null {
  const name = node.name.value;
  const heavy = (PLAN_WIDE.fields as readonly string[]).includes(name);
  const args = node.arguments ?? [];
  if (!heavy && (name !== 'realization' || args.length === 0)) return null;
  const key = args
    .map((a) => `${a.name.value}:${print(a.value)}`)
    .sort()
    .join(',');
  const plan = args.find((a) => a.name.value === 'planId')?.value;
  const planId =
    plan?.kind === Kind.STRING
      ? plan.value
      : plan?.kind === Kind.VARIABLE
        ? String(variables[plan.name.value] ?? '')
        : '';
  // each heavy field is its own computation (aliases included); realization trees share theirs by arguments
  return { key: heavy ? `${name}#${index}` : `realization(${key})`, field: name, planId: planId || null };
}

/** The distinct plan-wide computations of a document (every operation and fragment, as validation sees them). */
export function planWideComputations(document: DocumentNode, variables: Record<string, unknown> = {}): Computation[] {
  const found = new Map<string, Computation>();
  visit(document, {
    Field(node) {
      const c = computationOf(node, found.size, variables);
      if (c && !found.has(c.key)) found.set(c.key, c);
    },
  });
  return [...found.values()];
}

export function planWideFieldsRule(context: ValidationContext): ASTVisitor {
  const computations = new Set<string>();
  let refused = false;
  return {
    Field(node: FieldNode) {
      const c = computationOf(node, computations.size, {});
      if (!c) return;
      computations.add(c.key);
      if (computations.size > PLAN_WIDE.perRequest && !refused) {
        refused = true;
        context.reportError(
          new GraphQLError(
            `Al più ${PLAN_WIDE.perRequest} calcoli su tutto il piano per richiesta (report, planLint, sheetRows, rowHistory e le loro connessioni, realization per anno e scadenza): dividerla in più richieste / At most ${PLAN_WIDE.perRequest} plan-wide computations (report, planLint, sheetRows, rowHistory and their connections, realization per year and checkpoint) per request: split it into several requests`,
            { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
          ),
        );
      }
    },
  };
}
