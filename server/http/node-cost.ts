import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  type GraphQLSchema,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE, MAX_PAGE } from '../config/api-limits';

/**
 * What a request costs per node it shows, beyond the plan-wide computations (plan-wide-fields.ts): a realization's
 * explanation is built for each node that shows it, and a connection of `first: 500` under another of 500 shows
 * 250,000 (issue 13, item 5). In indicator scorings, the unit of plan-cost.ts: an explanation costs about as much
 * as scoring its node, a realization without one a fraction.
 */
export const PER_NODE = {
  explanation: 1,
  realization: 0.25,
} as const;

/** Per-node work found in a document: up to `nodes` nodes (Infinity: a whole list) of the plan `planId` (null: any). */
export type NodeWork = { field: string; planId: string | null; nodes: number; perNode: number };

type Walk = { nodes: number; planId: string | null };

function intOf(value: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

function stringOf(value: ValueNode | undefined, variables: Record<string, unknown>): string | null {
  if (!value) return null;
  if (value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'string' && v ? v : null;
  }
  return null;
}

/**
 * The per-node work of every operation of `document`, fragments followed where they are spread (so their fields
 * are multiplied by the lists around the spread). A list multiplies what is under it by its size: a connection's
 * page (`first`/`last`, else the default page), any other list by the whole plan (Infinity, bounded by the plan's
 * size when priced). The plan is the nearest `planId` (or `planVersion(id:)`) argument above, else any of the
 * caller's.
 */
export function nodeWork(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): NodeWork[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const found: NodeWork[] = [];

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, at: Walk, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue; // cycles are refused by validation; never loop here
        const type = schema.getType(fragment.typeCondition.name.value);
        if (isCompositeType(type)) walk(fragment.selectionSet, type, at, new Set([...seen, name]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (isCompositeType(type)) walk(selection.selectionSet, type, at, seen);
        continue;
      }
      if (!('getFields' in parent)) continue; // a union: only its fragments have fields
      const definition = parent.getFields()[selection.name.value];
      if (!definition) continue;
      const args = new Map((selection.arguments ?? []).map((a) => [a.name.value, a.value]));
      const named = getNamedType(definition.type);
      let nodes = at.nodes;
      const isConnection = named.name.endsWith('Connection');
      if (isConnection) {
        const page = intOf(args.get('first'), variables) ?? intOf(args.get('last'), variables) ?? DEFAULT_PAGE;
        nodes *= Math.min(Math.max(page, 0), MAX_PAGE);
      } else if (isListType(getNullableType(definition.type)) && !parent.name.endsWith('Connection')) {
        // a connection's edges and nodes are its page, counted above
        nodes = Infinity;
      }
      const planId =
        stringOf(args.get('planId'), variables) ??
        (selection.name.value === 'planVersion' ? stringOf(args.get('id'), variables) : null) ??
        at.planId;
      if (isObjectType(named) && named.name === 'Realization') {
        const explained = (selection.selectionSet?.selections ?? []).some(
          (s) => s.kind !== Kind.FIELD || s.name.value === 'details' || s.name.value === 'explanation',
        );
        found.push({
          field: selection.name.value,
          planId,
          nodes,
          perNode: explained ? PER_NODE.explanation : PER_NODE.realization,
        });
        continue;
      }
      if (selection.selectionSet && isCompositeType(named))
        walk(selection.selectionSet, named, { nodes, planId }, seen);
    }
  };

  // Reads only: a mutation's answer has one row per row sent (a sync's rows and the scores its batch moved), bounded
  // by the batch limit and scored once per batch, so a 5,000-row chunk of the add-in is never priced as five
  // thousand whole-plan lists
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION || d.operation !== 'query') continue;
    const root = schema.getQueryType();
    if (root) walk(d.selectionSet, root, { nodes: 1, planId: null }, new Set());
  }
  return found;
}
