import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Subscriptions run over a websocket (graphql-ws, server/live/socket.ts) on the same /graphql path; an HTTP POST
 * cannot carry their stream, and graphql-js would fail inside execution as an internal error. A subscription sent
 * over HTTP is refused up front as the client's request: 400 with a message that says what to do instead.
 */
export function refuseSubscriptions(): ApolloServerPlugin<any> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(
            'Le sottoscrizioni passano dal websocket (graphql-ws) su /graphql, oppure interroga sheetRows con `since` / subscriptions run over a websocket (graphql-ws) on /graphql; or query sheetRows with `since` to fetch what changed',
            { extensions: { code: 'OPERATION_NOT_SUPPORTED', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
