import type http from 'node:http';
import {
  type ExecutionArgs,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
  getOperationAST,
  GraphQLError as GraphQLErrorClass,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Principal } from '../auth/authenticate';
import {
  mayExplore,
  NOT_TRUSTED_MESSAGE,
  sha256,
  TRUSTED_DOCUMENTS,
  type TrustedDocumentsMode,
} from '../auth/trusted-documents';

export type SocketOptions = {
  httpServer: http.Server;
  path: string;
  schema: GraphQLSchema;
  /** the bearer token's check, the same as HTTP's; throws UnauthenticatedError */
  authenticate(authorization: string | undefined): Promise<Principal>;
  /** a fresh context per operation (its own unit of work); the live feeds fork again per event */
  context(principal: Principal): unknown;
  /** the HTTP endpoint's limits (depth, aliases, cost, plan-wide fields) */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  formatError(error: GraphQLError): GraphQLFormattedError;
  /** TRUSTED_DOCUMENTS as on HTTP (server/http/trusted-documents.ts): with `required`, only the manifest's subscriptions */
  trusted?: { mode: TrustedDocumentsMode; development: boolean };
};

type Extra = { principal?: Principal };

/** `Authorization` as the HTTP header would carry it, from the connection parameters graphql-ws clients send. */
function authorizationOf(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  if (typeof value === 'string') return value;
  return typeof params?.token === 'string' ? `Bearer ${params.token}` : undefined;
}

const refuse = (message: string, code: string) => [new GraphQLErrorClass(message, { extensions: { code } })];

/**
 * graphql-ws on the HTTP server's own port and path: the token comes in the connection parameters (a browser
 * websocket cannot send headers) and is checked like a request's, once per connection. Only subscriptions run
 * here; queries and mutations stay on HTTP with its body cap and rate limits. No cookie authenticates a socket,
 * so another page opening one gets nothing without a token (why no Origin check is needed).
 */
export function attachSocket(options: SocketOptions): { close(): Promise<void>; clients(): number } {
  const wss = new WebSocketServer({ server: options.httpServer, path: options.path });
  const cleanup = useServer<Record<string, unknown>, Extra>(
    {
      schema: options.schema,
      async onConnect(ctx) {
        try {
          ctx.extra.principal = await options.authenticate(authorizationOf(ctx.connectionParams));
          return true;
        } catch (error) {
          // the close reason is all a websocket client gets (at most 123 bytes): Italian first, the code for programs
          // 4403 Forbidden, as graphql-ws closes a refused connection, not 4500 (an internal error, logged as one)
          const reason = (error as { reason?: string }).reason ?? 'UNAUTHENTICATED';
          ctx.extra.socket.close(CloseCode.Forbidden, `Token non valido / invalid token: ${reason}`);
          return false;
        }
      },
      context: (ctx) => options.context(ctx.extra.principal!) as Record<string, unknown>,
      onSubscribe(ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] {
        const trusted = options.trusted;
        if (
          trusted?.mode === 'required' &&
          !TRUSTED_DOCUMENTS.has(sha256(payload.query)) &&
          !mayExplore(ctx.extra.principal, trusted.development)
        )
          return refuse(NOT_TRUSTED_MESSAGE, 'DOCUMENT_NOT_TRUSTED');
        let document;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(options.schema, document, [...specifiedRules, ...options.validationRules]);
        if (errors.length) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription')
          return refuse(
            'Solo sottoscrizioni sul websocket: query e mutazioni via HTTP POST / only subscriptions over the websocket: send queries and mutations over HTTP',
            'OPERATION_NOT_SUPPORTED',
          );
        return {
          schema: options.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: options.context(ctx.extra.principal!),
        };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => options.formatError(e)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => options.formatError(e)) } : undefined,
    },
    wss,
  );
  return {
    clients: () => wss.clients.size,
    async close() {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
