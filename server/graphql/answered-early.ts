import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { FragmentDefinitionNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { Context } from './context';

/** What a read served before execution is recognised from: the parsed, validated and priced operation. */
export type EarlyRequest = {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode | undefined;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  context: Context;
};

/**
 * A plugin answering before execution the reads `serve` recognises (it returns how to answer one, or null for any
 * other operation). Parsing, validation, limits and the price check have run; with the fast paths off, never. An
 * answer that throws is executed instead: the resolver reports the error (not found, forbidden, a bad scope) as for
 * any read, and a value the fast path could not write as graphql-js does is completed by graphql-js.
 */
export function answeredEarly(
  serve: (request: EarlyRequest) => (() => Promise<Record<string, unknown>>) | null,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, request, contextValue, schema }) {
          if (!contextValue.fastPaths) return null;
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])),
          );
          const answer = serve({
            schema,
            operation,
            fragments,
            variables: request.variables ?? {},
            context: contextValue,
          });
          if (!answer) return null;
          try {
            const data = await answer();
            return { body: { kind: 'single', singleResult: { data } }, http: { headers: new HeaderMap() } };
          } catch {
            return null;
          }
        },
      };
    },
  };
}
