import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * The schema has no Subscription type yet, and graphql-js then fails inside execution ("Schema is not configured
 * to execute subscription operation"), which reached clients as an internal error. A subscription is refused up
 * front as the client's request: 400 with a message that says what to do instead.
 */
export function refuseSubscriptions(): ApolloServerPlugin<any> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(
            'Subscriptions are not available on this server yet: query sheetRows with `since` to fetch what changed',
            { extensions: { code: 'OPERATION_NOT_SUPPORTED', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
