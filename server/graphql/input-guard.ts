import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  getNamedType,
  GraphQLError,
  type GraphQLSchema,
  type TypeNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { isPlausibleId } from '../services/plausible-id';
import { ByDocument } from '../speed/by-document';

/** A NUL or a lone surrogate: text no database column or JSON document can store (PostgreSQL refuses both). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** the first key or string of a JSON value that cannot be stored, walked with an explicit stack */
function unstorable(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string' && UNSTORABLE.test(v)) return true;
    if (v && typeof v === 'object')
      for (const [key, child] of Object.entries(v)) {
        if (UNSTORABLE.test(key)) return true;
        stack.push(child);
      }
  }
  return false;
}

/**
 * Ids and free-form JSON are checked before anything runs: an id holding a NUL or a lone surrogate reached the
 * database driver and came back as an internal error (SQLite cut the statement at the NUL, PostgreSQL refused the
 * bytes), and so did rule parameters holding them. A plausible id that names nothing stays "not found", answered by
 * the resolver as before; what the JSON means is the services' to check.
 */
export function refuseUnstorableInput(): ApolloServerPlugin<any> {
  let literals: ByDocument<string[]> | undefined;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema, document }) {
          const bad: string[] = [];
          const json: string[] = [];
          for (const definition of operation?.variableDefinitions ?? []) {
            const name = definition.variable.name.value;
            const value = request.variables?.[name];
            const type = namedType(definition.type);
            const values = Array.isArray(value) ? value : [value];
            if (type === 'ID' && values.some((v) => typeof v === 'string' && !isPlausibleId(v))) bad.push(`$${name}`);
            if (type === 'JSONObject' && unstorable(value)) json.push(`$${name}`);
          }
          // ids written into the document itself: the same for every request of the document (one schema per
          // server, and so per plugin)
          literals ??= new ByDocument((doc: DocumentNode) => badIdLiterals(schema, doc));
          bad.push(...literals.of(document, {}));
          if (json.length > 0)
            throw new GraphQLError(
              `JSON con caratteri non memorizzabili (NUL o surrogati isolati) in ${json.join(', ')} / JSON holding characters that cannot be stored (NUL or lone surrogates) in ${json.join(', ')}`,
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            );
          if (bad.length === 0) return;
          throw new GraphQLError(
            `Id non valido (${bad.join(', ')}): al più 100 caratteri stampabili / invalid id (${bad.join(', ')}): at most 100 printable characters`,
            { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
          );
        },
      };
    },
  };
}

/** the ids written into the document that cannot be one, as the refusal names them */
function badIdLiterals(schema: GraphQLSchema, document: DocumentNode): string[] {
  const bad: string[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      StringValue(node) {
        const type = typeInfo.getInputType();
        if (type && getNamedType(type).name === 'ID' && !isPlausibleId(node.value))
          bad.push(JSON.stringify(node.value.slice(0, 20)));
      },
    }),
  );
  return bad;
}

function namedType(type: TypeNode): string {
  return type.kind === 'NamedType' ? type.name.value : namedType(type.type);
}
