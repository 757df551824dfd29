import {
  type GraphQLFieldResolver,
  GraphQLInputObjectType,
  GraphQLObjectType,
  GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * type-graphql wraps every field resolver in a handler of its own (the resolver class from its container, the
 * middlewares, then every parameter, arguments through an asynchronous validator even when they are an Int): a
 * field with arguments costs several promises. For a plan tree of 4,800 indicators that is tens of thousands of
 * calls (bench B2). Where that handler can do nothing (no middleware, no authorization roles, only root, context,
 * info and scalar or enum arguments, which type-graphql hands over unchanged), this calls the same method directly.
 * The schema itself (types, arguments, descriptions) is untouched.
 *
 * Plain properties need nothing of this: every object type is declared with `simpleResolvers: true` (type-graphql's
 * documented option), so GraphQL reads them itself. This file reads type-graphql's metadata storage, an internal
 * (server/speed/README.md says which parts and what guards them).
 *
 * Valid only while the schema has no global middlewares and no authChecker (schema.ts builds with neither): whoever
 * adds one must pass the build options here too, and `directResolvers` then changes nothing.
 */
type Metadata = ReturnType<typeof getMetadataStorage>;
type FieldResolverMeta = Metadata['fieldResolvers'][number];
type Class = abstract new (...args: never[]) => unknown;

const PASSED_THROUGH = new Set<unknown>([String, Number, Boolean]);

/** An argument type type-graphql hands over as GraphQL coerced it: a scalar or an enum. */
function passedThrough(type: unknown): boolean {
  return type instanceof GraphQLScalarType || PASSED_THROUGH.has(type) || (typeof type === 'object' && type !== null);
}

function direct(
  meta: FieldResolverMeta,
  original: GraphQLFieldResolver<unknown, unknown> | undefined,
): GraphQLFieldResolver<unknown, unknown> | null {
  if (!original || meta.kind !== 'external' || meta.middlewares?.length || meta.roles) return null;
  const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index);
  let rootClass: Class | null = null;
  for (const param of params) {
    if (param.kind === 'root') {
      if (param.propertyName) return null;
      const type = param.getType?.();
      if (typeof type === 'function' && type !== Object) rootClass = type as Class;
    } else if (param.kind === 'arg') {
      if (!passedThrough(param.getType()) || param.validateFn) return null;
    } else if (param.kind === 'context') {
      if (param.propertyName) return null;
    } else if (param.kind !== 'info') {
      return null;
    }
  }
  const instance = new (meta.target as new () => Record<string, (...args: unknown[]) => unknown>)();
  const method = instance[meta.methodName];
  const kinds = params.map((param) => param.kind);
  const names = params.map((param) => (param.kind === 'arg' ? param.name : ''));
  return (root, args, ctx, info) => {
    // type-graphql would turn a plain object into an instance of the root's class: leave that case to it
    if (rootClass && !(root instanceof rootClass)) return original(root, args, ctx, info);
    const values = new Array<unknown>(kinds.length);
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i];
      values[i] =
        kind === 'root'
          ? root
          : kind === 'arg'
            ? (args as Record<string, unknown>)[names[i]]
            : kind === 'context'
              ? ctx
              : info;
    }
    return method.apply(instance, values);
  };
}

type RootResolverMeta = Metadata['mutations'][number];

/** A class's own data after `new`, and its members up the prototype chain: none, if its instances are only data */
function onlyData(target: Class): boolean {
  let made: object;
  try {
    made = new (target as unknown as new () => object)();
  } catch {
    return false;
  }
  if (Object.keys(made).length > 0) return false;
  for (let p = (target as { prototype: object }).prototype; p && p !== Object.prototype; p = Object.getPrototypeOf(p))
    if (Object.getOwnPropertyNames(p).some((name) => name !== 'constructor')) return false;
  return true;
}

/**
 * An input class whose instance type-graphql would build holds exactly graphql-js's coerced object: type-graphql
 * copies the given fields onto `new Class()` and deletes the undefined ones (`convertToType`), in the order of its
 * fields (the class's own, then its ancestors' not already named), where graphql-js writes them in the GraphQL
 * type's order. So with no initialiser, no method and no getter, and the two orders alike, on the class and on the
 * input classes of its fields (down the tree), the instance differs from the coerced object only by its prototype,
 * and its JSON text is the same (a sheet batch's replay hash is the JSON of its rows, sync-batch.ts). Scalars and
 * enums are handed over as coerced.
 */
function plainInput(schema: GraphQLSchema, storage: Metadata, type: unknown, seen = new Set<unknown>()): boolean {
  if (passedThrough(type) || seen.has(type)) return true;
  if (typeof type !== 'function' || type === Date) return type === Date;
  seen.add(type);
  const metas = lineage(type).map((c) => storage.inputTypes.find((t) => t.target === c));
  const graphqlType = metas[0] && schema.getType(metas[0].name);
  if (!(graphqlType instanceof GraphQLInputObjectType) || !onlyData(type as Class)) return false;
  const names: string[] = [];
  for (const field of metas.flatMap((meta) => meta?.fields ?? []))
    if (!names.includes(field.name)) names.push(field.name);
  if (names.join() !== Object.keys(graphqlType.getFields()).join()) return false;
  return metas.every((meta) =>
    (meta?.fields ?? []).every((field) => plainInput(schema, storage, field.getType(), seen)),
  );
}

/**
 * A query's or mutation's argument of an input class that its resolver validates itself (`validate: false`, the
 * sheet sync's batch: its cells are checked per row by the service, a bad cell refusing its row): type-graphql's
 * handler would only copy graphql-js's coerced object into an instance per object of the tree, 5,000 sheet rows of
 * ~30 fields a batch (bench B1: a sixth of the GraphQL input's cost, and garbage for the collector). The method gets
 * the coerced object itself. Any other parameter or setting leaves the field to type-graphql.
 */
function directRoot(
  schema: GraphQLSchema,
  storage: Metadata,
  meta: RootResolverMeta,
  original: GraphQLFieldResolver<unknown, unknown> | undefined,
): GraphQLFieldResolver<unknown, unknown> | null {
  if (!original || meta.middlewares?.length || meta.roles) return null;
  const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index);
  let input = false;
  for (const param of params) {
    if (param.kind === 'arg') {
      if (param.validateFn) return null;
      const type = param.getType();
      if (passedThrough(type)) continue;
      if (param.validateSettings !== false || !plainInput(schema, storage, type)) return null;
      input = true;
    } else if (param.kind === 'context') {
      if (param.propertyName) return null;
    } else if (param.kind !== 'info') {
      return null;
    }
  }
  if (!input) return null;
  const instance = new (meta.target as new () => Record<string, (...args: unknown[]) => unknown>)();
  const method = instance[meta.methodName];
  const names = params.map((param) => (param.kind === 'arg' ? param.name : ''));
  const kinds = params.map((param) => param.kind);
  return (_root, args, ctx, info) =>
    method.apply(
      instance,
      kinds.map((kind, i) =>
        kind === 'arg' ? (args as Record<string, unknown>)[names[i]] : kind === 'context' ? ctx : info,
      ),
    );
}

/**
 * The class and its ancestors: field resolvers declared on a parent object type apply to its children (as those of
 * an interface the type declares apply to it, added beside this).
 */
function lineage(target: object): object[] {
  const out: object[] = [];
  for (let c: object | null = target; c && c !== Function.prototype; c = Object.getPrototypeOf(c) as object | null)
    out.push(c);
  return out;
}

export function directResolvers(
  schema: GraphQLSchema,
  options: { globalMiddlewares?: unknown[]; authChecker?: unknown } = {},
): GraphQLSchema {
  if (options.globalMiddlewares?.length || options.authChecker) return schema;
  const storage = getMetadataStorage();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    const classes = [...lineage(objectType.target), ...(objectType.interfaceClasses ?? [])];
    const resolvers = storage.fieldResolvers.filter((r) => classes.includes(r.getObjectType?.() as object));
    for (const [name, field] of Object.entries(type.getFields())) {
      const resolver = resolvers.filter((r) => r.schemaName === name);
      if (resolver.length !== 1) continue;
      const fast = direct(resolver[0], field.resolve);
      if (fast) field.resolve = fast;
    }
  }
  for (const [root, metas] of [
    [schema.getQueryType(), storage.queries],
    [schema.getMutationType(), storage.mutations],
  ] as const) {
    for (const [name, field] of Object.entries(root?.getFields() ?? {})) {
      const resolver = metas.filter((r) => r.schemaName === name);
      if (resolver.length !== 1) continue;
      const fast = directRoot(schema, storage, resolver[0], field.resolve);
      if (fast) field.resolve = fast;
    }
  }
  return schema;
}
