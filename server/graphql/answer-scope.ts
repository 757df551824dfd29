import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLCompositeType,
  type GraphQLSchema,
  isCompositeType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Which answers may be kept and served again while their plan's change stamp is the same (kept-answers.ts): a
 * query whose root fields are all `planVersion(id:)`, and which reaches only rows of that plan and what a change of
 * them bumps the plan's stamp for (server/services/plan-stamp.ts: the plan's rows, its scoring profile, the
 * organisation's units). Anything else (another plan, the organisation, people and their assignments across plans,
 * the cycle, users, the audit trail, a field naming a plan of its own) makes the answer not kept: it is computed
 * each time, as before. An allowlist, so a type or field added later is not kept until someone adds it here.
 */
const PLAN_TYPES = new Set([
  'Perspective',
  'StrategicObjective',
  'OperationalObjective',
  'Indicator',
  'Target',
  'TargetRevision',
  'Threshold',
  'Measurement',
  'ParsedValue',
  'Realization',
  'Explanation',
  'ExplainedManual',
  'ExplainedTarget',
  'ExplainedThreshold',
  'ExcludedChild',
  'UsedChild',
  'OrgUnit',
  'Dashboard',
  'DashboardEntry',
  'Project',
  'Activity',
  'ScoringProfile',
  'PageInfo',
]);

/** Fields of those types that may lead outside the plan (`replacedBy`: an indicator of another version). */
const LEAVING_FIELDS = new Set(['Indicator.replacedBy']);

function keptType(type: GraphQLCompositeType): boolean {
  if (!isObjectType(type)) return false;
  const name = type.name.replace(/(Connection|Edge)$/, '');
  return PLAN_TYPES.has(name);
}

type Walk = { schema: GraphQLSchema; fragments: Map<string, FragmentDefinitionNode>; seen: Set<string> };

function selectionKept(walk: Walk, parent: GraphQLCompositeType, set: SelectionSetNode): boolean {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!fieldKept(walk, parent, selection)) return false;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (!on || !isCompositeType(on) || !selectionKept(walk, on, selection.selectionSet)) return false;
    } else {
      const name = selection.name.value;
      if (walk.seen.has(name)) continue;
      walk.seen.add(name);
      const fragment = walk.fragments.get(name);
      const on = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (!fragment || !on || !isCompositeType(on) || !selectionKept(walk, on, fragment.selectionSet)) return false;
    }
  }
  return true;
}

function fieldKept(walk: Walk, parent: GraphQLCompositeType, node: FieldNode): boolean {
  const name = node.name.value;
  if (name === '__typename') return true;
  if (name.startsWith('__') || !isObjectType(parent)) return false;
  if (LEAVING_FIELDS.has(`${parent.name}.${name}`)) return false;
  // a field naming a plan of its own (a unit's or a person's realization in a plan) is about another plan
  if (node.arguments?.some((a) => a.name.value === 'planId')) return false;
  const field = parent.getFields()[name];
  if (!field) return false;
  const type = getNamedType(field.type);
  if (!isCompositeType(type)) return true;
  return keptType(type) && !!node.selectionSet && selectionKept(walk, type, node.selectionSet);
}

/**
 * The plans whose stamps an answer to `operation` depends on (the `id` of each root `planVersion`), or null when
 * the answer may not be kept.
 */
export function keptAnswerPlans(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): string[] | null {
  // no operation: an unknown operationName, or several unnamed ones; graphql-js refuses those with a clear error
  if (!operation || operation.operation !== 'query') return null;
  const query = schema.getQueryType();
  const planVersion = schema.getType('PlanVersion');
  if (!query || !planVersion || !isObjectType(planVersion)) return null;
  const walk: Walk = { schema, fragments: new Map(Object.entries(fragments)), seen: new Set() };
  const plans = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    if (selection.name.value === '__typename') continue;
    if (selection.name.value !== 'planVersion' || selection.directives?.length) return null;
    const arg = selection.arguments?.find((a) => a.name.value === 'id')?.value;
    const id = arg?.kind === Kind.STRING ? arg.value : arg?.kind === Kind.VARIABLE ? variables[arg.name.value] : null;
    if (typeof id !== 'string' || !id || !selection.selectionSet) return null;
    // the plan's own fields: another plan (previousVersion), the cycle and the organisation are not kept
    if (!selectionKept(walk, planVersion, selection.selectionSet)) return null;
    plans.add(id);
  }
  return plans.size > 0 ? [...plans] : null;
}
