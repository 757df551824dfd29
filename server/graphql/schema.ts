import type { GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'type-graphql';
import './enums';
import { CRUD_RESOLVERS } from './api';
import { directResolvers } from '../speed/direct-resolvers';
import { describeSchema } from './descriptions/describe';
import { AuditResolver } from './audit.resolver';
import { BindableScopesResolver } from './bindable-scopes.resolver';
import { CodeValuesResolver } from './code-values.resolver';
import { DashboardEntriesResolver } from './dashboard-entries.resolver';
import { ExplanationResolver } from './explanation.resolver';
import { MeResolver } from './me.resolver';
import { NodeResolver } from './node.resolver';
import { ImportResolver } from './import.resolver';
import { LiveResolver } from './live.resolver';
import { FieldChangesResolver } from './field-changes.resolver';
import { ListConnectionsResolver, ReportRowsResolver, WHOLE_LIST_CONNECTIONS } from './list-connections.resolver';
import { ParsedValueResolver } from './parsed-value.resolver';
import { REALIZATION_RESOLVERS } from './realization.resolver';
import { ReportRowsInTurnsResolver } from './report-rows-in-turns.resolver';
import { PLAN_MOVE_RESOLVERS, ProfilesResolver } from './profiles.resolver';
import { RELATION_RESOLVERS } from './relations';
import { CHILD_CONNECTION_RESOLVERS } from './child-connections';
import { ReportResolver } from './report.resolver';
import { SheetScoresResolver } from './sheet-scores.resolver';
import { SyncResolver } from './sync.resolver';
import { UndoSyncResolver } from './undo-sync.resolver';
import { TargetValueResolver } from './target-value.resolver';
import { MEMBER_CHANGES, UsersResolver } from './users.resolver';

const built = new Map<boolean, Promise<GraphQLSchema>>();

/**
 * The schema is built once per process and mode: type-graphql's metadata is global. With the fast paths on, the
 * field resolvers that type-graphql's wrappers can do nothing for are called directly (server/speed); off, every
 * field answers through type-graphql as built. The types, arguments and descriptions are the same either way.
 */
export function getSchema(options: { fastPaths?: boolean } = {}): Promise<GraphQLSchema> {
  const fast = options.fastPaths ?? true;
  let schema = built.get(fast);
  if (!schema) {
    const plain = buildSchema({
      // a named resolver first makes the list a non-empty tuple, as buildSchema's type asks; the order is not used
      resolvers: [
        TargetValueResolver,
        ParsedValueResolver,
        AuditResolver,
        ProfilesResolver,
        ReportResolver,
        DashboardEntriesResolver,
        SyncResolver,
        SheetScoresResolver,
        BindableScopesResolver,
        UndoSyncResolver,
        MeResolver,
        ImportResolver,
        UsersResolver,
        LiveResolver,
        NodeResolver,
        ExplanationResolver,
        CodeValuesResolver,
        FieldChangesResolver,
        ListConnectionsResolver,
        ReportRowsResolver,
        ReportRowsInTurnsResolver,
        ...PLAN_MOVE_RESOLVERS,
        ...WHOLE_LIST_CONNECTIONS,
        ...MEMBER_CHANGES,
        ...CRUD_RESOLVERS,
        ...RELATION_RESOLVERS,
        ...CHILD_CONNECTION_RESOLVERS,
        ...REALIZATION_RESOLVERS,
      ],
      validate: { forbidUnknownValues: false },
      // type-graphql wants a PubSub as soon as a subscription exists; planChanged brings its own stream (the app's
      // hub in the context, server/live), so this one stays silent: one schema serves every app of the process
      pubSub: createPubSub(),
      emitSchemaFile: false,
    }).then(describeSchema);
    schema = fast ? plain.then((s) => directResolvers(s)) : plain;
    built.set(fast, schema);
  }
  return schema;
}
