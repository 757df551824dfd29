import {
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The realization read of the add-in (addin/src/api/queries.ts, REALIZATIONS: `sheetRows { rows { rowId
 * realization {…} } }` of the whole plan), recognised from the operation: which answers realization-rows.ts may
 * write without executing them. Only a query whose one root field is a full `sheetRows` read (no `since`, `after`
 * or `dashboards`), whose rows ask their id and their realization's plain fields alone (leaves read as properties,
 * without arguments), with no directive anywhere: anything else is executed as before. An allowlist, so a field
 * added later is not served here until someone adds it.
 */
export type RealizationRead = {
  /** the root field's response key (its alias, or `sheetRows`) */
  key: string;
  args: {
    planId: string;
    year: number;
    checkpoint: string;
    scope: { unitId?: string | null; dashboardId?: string | null } | null;
  };
  /** the page's fields in answer order */
  page: Array<{ key: string; name: string; type: GraphQLOutputType }>;
  /** a row's fields in answer order */
  row: Array<{ key: string; name: 'rowId' | '__typename' | 'realization' }>;
  /** the realization's leaves in answer order */
  leaves: Leaf[];
  /** the realization's selection as a key of its kept JSON */
  selection: string;
};

export type Leaf = { key: string; name: string; type: GraphQLOutputType };

/** Thrown where a value cannot be written as graphql-js would write it: the operation is then executed. */
export class NotServedHere extends Error {}

const PAGE_FIELDS = new Set(['rows', 'deletedRowIds', 'serverTime', 'cursor', '__typename']);
const ROW_FIELDS = new Set(['rowId', '__typename', 'realization']);

export type Collected = Array<{ key: string; node: FieldNode }>;

/** The fields a selection set asks of `parent`, fragments spread, or null on a directive or a repeated object field. */
export function collect(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  parent: GraphQLObjectType,
  set: SelectionSetNode,
  out: Collected = [],
): Collected | null {
  for (const selection of set.selections) {
    if (selection.directives?.length) return null;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const same = out.find((f) => f.key === key);
      // graphql-js merges a repeated key; a leaf asked twice is the same value, an object's selections are not kept
      if (same && (same.node.selectionSet || selection.selectionSet)) return null;
      if (!same) out.push({ key, node: selection });
      continue;
    }
    const name = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition?.name.value : undefined;
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : undefined;
    if (selection.kind === Kind.FRAGMENT_SPREAD && (!fragment || fragment.directives?.length)) return null;
    const condition = fragment ? fragment.typeCondition.name.value : name;
    if (condition) {
      const type = schema.getType(condition);
      const applies = type === parent || (type && isAbstractType(type) && schema.isSubType(type, parent));
      if (!applies) continue;
    }
    const inner = fragment ? fragment.selectionSet : (selection as { selectionSet: SelectionSetNode }).selectionSet;
    if (!collect(schema, fragments, parent, inner, out)) return null;
  }
  return out;
}

/** A field graphql-js would resolve by reading the property: no resolver of its own and no arguments given. */
export function plain(field: GraphQLField<unknown, unknown> | undefined, node: FieldNode): boolean {
  return !!field && field.resolve === undefined && !node.arguments?.length;
}

/**
 * The one `sheetRows` root field of a query (or the root field `name`: sheet-scores-read.ts), its coerced arguments
 * and page type; null on anything else.
 */
export type SheetRowsRoot = {
  key: string;
  node: FieldNode;
  args: Record<string, unknown>;
  page: GraphQLObjectType;
  fragments: Map<string, FragmentDefinitionNode>;
};

export function sheetRowsRoot(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode | undefined,
  fragmentList: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  name = 'sheetRows',
): SheetRowsRoot | null {
  const query = schema.getQueryType();
  if (!operation || operation.operation !== 'query' || !query) return null;
  const fragments = new Map(Object.entries(fragmentList));
  const roots = collect(schema, fragments, query, operation.selectionSet);
  if (!roots || roots.length !== 1 || roots[0].node.name.value !== name) return null;
  const root = roots[0].node;
  const field = query.getFields()[name];
  const page = getNamedType(field?.type);
  if (!field || !root.selectionSet || !isObjectType(page)) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return null;
  return { key: roots[0].key, node: root, args: getArgumentValues(field, root, coerced.coerced), page, fragments };
}

/** The page's fields, each as graphql-js would read it, or null when one is not a page field read as a property. */
export function pageFields(
  schema: GraphQLSchema,
  { page, node, fragments }: SheetRowsRoot,
): Array<{ key: string; name: string; type: GraphQLOutputType; node: FieldNode }> | null {
  const fields = collect(schema, fragments, page, node.selectionSet!);
  if (!fields) return null;
  const out: Array<{ key: string; name: string; type: GraphQLOutputType; node: FieldNode }> = [];
  for (const { key, node: field } of fields) {
    const name = field.name.value;
    const def = page.getFields()[name];
    if (!PAGE_FIELDS.has(name) || (name !== '__typename' && !plain(def, field))) return null;
    out.push({ key, name, type: def?.type as GraphQLOutputType, node: field });
  }
  return out;
}

/** The leaves a row's `realization` asks, in answer order; null when one is not a plain leaf. */
export function realizationLeaves(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  def: GraphQLField<unknown, unknown>,
  node: FieldNode,
): Leaf[] | null {
  const realization = getNamedType(def.type);
  if (!isObjectType(realization) || !node.selectionSet) return null;
  const leaves = collect(schema, fragments, realization, node.selectionSet);
  if (!leaves) return null;
  const out: Leaf[] = [];
  for (const leaf of leaves) {
    const leafName = leaf.node.name.value;
    const leafDef = realization.getFields()[leafName];
    if (leafName === '__typename') {
      out.push({ key: leaf.key, name: leafName, type: realization });
      continue;
    }
    if (!plain(leafDef, leaf.node) || !isLeafType(getNamedType(leafDef.type))) return null;
    out.push({ key: leaf.key, name: leafName, type: leafDef.type });
  }
  return out;
}

/** The leaves as a key of the realization's kept JSON (realization-rows.ts) */
export const selectionOf = (leaves: Leaf[]) => JSON.stringify(leaves.map((l) => [l.key, l.name]));

/** The realization read of a `sheetRows` query (sheetRowsRoot), or null when it is not one (then it is executed). */
export function realizationRead(schema: GraphQLSchema, root: SheetRowsRoot): RealizationRead | null {
  const { args, fragments } = root;
  if (args.since != null || args.after != null || args.dashboards) return null;
  const page = pageFields(schema, root);
  if (!page) return null;
  const read: RealizationRead = {
    key: root.key,
    args: args as RealizationRead['args'],
    page: [],
    row: [],
    leaves: [],
    selection: '',
  };
  for (const { key, name, type, node } of page) {
    read.page.push({ key, name, type });
    if (name !== 'rows') continue;
    const row = getNamedType(type);
    if (!isObjectType(row) || !node.selectionSet) return null;
    const rowFields = collect(schema, fragments, row, node.selectionSet);
    if (!rowFields) return null;
    for (const r of rowFields) {
      const rowName = r.node.name.value;
      const rowDef = row.getFields()[rowName];
      if (!ROW_FIELDS.has(rowName) || (rowName !== '__typename' && !plain(rowDef, r.node))) return null;
      read.row.push({ key: r.key, name: rowName as RealizationRead['row'][number]['name'] });
      if (rowName !== 'realization') continue;
      const leaves = realizationLeaves(schema, fragments, rowDef, r.node);
      if (!leaves) return null;
      read.leaves.push(...leaves);
    }
  }
  read.selection = selectionOf(read.leaves);
  return read;
}

/** A value as graphql-js completes a leaf or a list of leaves of `type` (NotServedHere where it would fail). */
export function leafValue(type: GraphQLOutputType, value: unknown): unknown {
  if (typeof value === 'function') throw new NotServedHere('a method, not a property');
  if (value === null || value === undefined) {
    if (isNonNullType(type)) throw new NotServedHere('null for a non-null field');
    return null;
  }
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) throw new NotServedHere('not a list');
    return value.map((item) => leafValue(nullable.ofType as GraphQLOutputType, item));
  }
  if (!isLeafType(nullable)) throw new NotServedHere('not a leaf');
  const out = nullable.serialize(value);
  if (out === undefined) throw new NotServedHere('not serialisable');
  return out;
}
