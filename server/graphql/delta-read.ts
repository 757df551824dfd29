import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  GraphQLString,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import type { ParsedValue } from '@core/values/types';
import { PARSED_VALUE_FIELDS } from './parsed-value.resolver';
import {
  collect,
  type Leaf,
  leafValue,
  NotServedHere,
  pageFields,
  plain,
  realizationLeaves,
  selectionOf,
  type SheetRowsRoot,
} from './realization-read';

/**
 * The add-in's delta read (addin/src/api/queries.ts, SHEET_ROWS with `since` or `after`: the rows changed since the
 * pane's last read, every column and the realization), recognised from the operation: which answers delta-rows.ts
 * may write without executing them. An allowlist of types, each field read as graphql-js reads it (a property of
 * the row, or ParsedValue's resolvers, which are plain functions of the value): a field or type added later is
 * executed until someone adds it here. No directive anywhere, no `dashboards`, a delta only (`since` or `after`).
 */
export type DeltaRead = {
  key: string;
  args: {
    planId: string;
    year: number;
    checkpoint: string;
    since: Date | null;
    after: string | null;
    scope: { unitId?: string | null; dashboardId?: string | null } | null;
  };
  page: Array<{ key: string; name: string; type: GraphQLOutputType }>;
  /** a row's fields in answer order: the realization's place is marked, its leaves written from the score's JSON */
  row: Written[];
  /** the realization's leaves, and their key in the score's kept JSON (realization-rows.ts) */
  realization: { leaves: Leaf[]; selection: string } | null;
  /** the row selection as a key of the rows' kept JSON */
  selection: string;
};

/** A field as written: read from its source, then a leaf serialised or an object written from `fields`. */
export type Written = {
  key: string;
  name: string;
  type: GraphQLOutputType;
  read: (source: Record<string, unknown>) => unknown;
  fields?: Written[];
};

/** The row types written here, and the fields read by a function of the value instead of a property */
const TYPES: Record<string, Record<string, (value: any) => unknown>> = {
  SheetRow: {},
  ParsedValue: PARSED_VALUE_FIELDS as Record<string, (value: ParsedValue) => unknown>,
  Threshold: {},
  SheetFutureTarget: {},
};

const property = (name: string) => (source: Record<string, unknown>) => source[name];

/** The fields `node` asks of `type`, compiled; null when one is outside the allowlist or not read as graphql-js reads it. */
function compiled(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  type: GraphQLObjectType,
  node: FieldNode,
  read: Pick<DeltaRead, 'realization'>,
): Written[] | null {
  const functions = TYPES[type.name];
  if (!functions || !node.selectionSet) return null;
  const fields = collect(schema, fragments, type, node.selectionSet);
  if (!fields) return null;
  const out: Written[] = [];
  for (const { key, node: field } of fields) {
    const name = field.name.value;
    if (name === '__typename') {
      out.push({ key, name, type: GraphQLString, read: () => type.name });
      continue;
    }
    const def = type.getFields()[name];
    if (!def || def.args.length || field.arguments?.length) return null;
    if (type.name === 'SheetRow' && name === 'realization') {
      if (read.realization || !plain(def, field)) return null;
      const leaves = realizationLeaves(schema, fragments, def, field);
      if (!leaves) return null;
      read.realization = { leaves, selection: selectionOf(leaves) };
      out.push({ key, name, type: def.type, read: () => undefined });
      continue;
    }
    const fn = functions[name];
    if (!fn && !plain(def, field)) return null;
    const written: Written = { key, name, type: def.type, read: fn ?? property(name) };
    const named = getNamedType(def.type);
    if (isObjectType(named)) {
      const inner = compiled(schema, fragments, named, field, read);
      if (!inner) return null;
      written.fields = inner;
    } else if (!isLeafType(named)) return null;
    out.push(written);
  }
  return out;
}

/**
 * What a delta read writes, compiled once per `sheetRows` field of a document (Apollo hands every request of one
 * query text the same parsed document) and schema: the page's fields and the row's, which follow from the field's
 * selections, its document's fragments and the schema alone. Compiled for every pane's delta, it was most of
 * recognising one (bench/results/2026-12-07.md, session readcpu). Never changed once made: a read is its copy with
 * the request's own key and arguments.
 */
type Compiled = Pick<DeltaRead, 'page' | 'row' | 'realization' | 'selection'>;
const compiledReads = new WeakMap<GraphQLSchema, WeakMap<FieldNode, Compiled | null>>();

/** delta reads compiled (tests: a document asked again compiles nothing) */
export const deltaReadsCompiled = { count: 0 };

/** The delta read of a `sheetRows` query (sheetRowsRoot), or null when it is not one (then it is executed). */
export function deltaRead(schema: GraphQLSchema, root: SheetRowsRoot): DeltaRead | null {
  const { args } = root;
  if ((args.since == null && args.after == null) || args.dashboards) return null;
  let bySchema = compiledReads.get(schema);
  if (!bySchema) compiledReads.set(schema, (bySchema = new WeakMap()));
  let done = bySchema.get(root.node);
  if (done === undefined) {
    deltaReadsCompiled.count++;
    done = compiledRead(schema, root);
    bySchema.set(root.node, done);
  }
  return done && { key: root.key, args: args as DeltaRead['args'], ...done };
}

function compiledRead(schema: GraphQLSchema, root: SheetRowsRoot): Compiled | null {
  const page = pageFields(schema, root);
  if (!page) return null;
  const read: Compiled = {
    page: page.map(({ key, name, type }) => ({ key, name, type })),
    row: [],
    realization: null,
    selection: '',
  };
  for (const { name, type, node } of page) {
    if (name !== 'rows') continue;
    const row = getNamedType(type);
    if (!isObjectType(row)) return null;
    const fields = compiled(schema, root.fragments, row, node, read);
    if (!fields) return null;
    read.row = fields;
  }
  read.selection = JSON.stringify(shape(read.row));
  return read;
}

const shape = (fields: Written[]): unknown[] => fields.map((f) => [f.key, f.name, f.fields ? shape(f.fields) : 0]);

/** `value` of a field of `type` as graphql-js completes it, as JSON (NotServedHere where graphql-js would fail). */
function valueJson(type: GraphQLOutputType, value: unknown, fields: Written[] | undefined): string {
  if (!fields) return JSON.stringify(leafValue(type, value));
  if (typeof value === 'function') throw new NotServedHere('a method, not a property');
  if (value === null || value === undefined) {
    if (isNonNullType(type)) throw new NotServedHere('null for a non-null field');
    return 'null';
  }
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) throw new NotServedHere('not a list');
    return `[${value.map((item) => valueJson(nullable.ofType as GraphQLOutputType, item, fields)).join(',')}]`;
  }
  return objectJson(fields, value as Record<string, unknown>, undefined);
}

/**
 * An object's JSON as graphql-js writes it: its fields in answer order. At the realization's place (a row), the
 * text is cut: the row is `parts[0] + realization + parts[1]`, each row's realization copied from its score's JSON.
 */
export function objectJson(fields: Written[], source: Record<string, unknown>, cut: string[] | undefined): string {
  let text = '{';
  fields.forEach((field, k) => {
    text += `${k ? ',' : ''}${JSON.stringify(field.key)}:`;
    if (cut && field.name === 'realization' && !field.fields) {
      cut.push(text);
      text = '';
      return;
    }
    text += valueJson(field.type, field.read(source), field.fields);
  });
  return `${text}}`;
}
