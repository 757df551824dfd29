import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import '../domain/enums';
import { CRUD_RESOLVERS } from './api';
import { directResolvers } from './direct-resolvers';
import { AuditResolver } from './audit.resolver';
import { MeResolver } from './me.resolver';
import { ImportResolver } from './import.resolver';
import { ParsedValueResolver } from './parsed-value.resolver';
import { REALIZATION_RESOLVERS } from './realization.resolver';
import { ProfilesResolver } from './profiles.resolver';
import { RELATION_RESOLVERS } from './relations';
import { ReportResolver } from './report.resolver';
import { SyncResolver } from './sync.resolver';
import { TargetValueResolver } from './target-value.resolver';
import { UsersResolver } from './users.resolver';

let built: Promise<GraphQLSchema> | null = null;

/** The schema is built once per process: type-graphql's metadata is global. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    // a named resolver first makes the list a non-empty tuple, as buildSchema's type asks; the order is not used
    resolvers: [TargetValueResolver, ParsedValueResolver, AuditResolver, ProfilesResolver, ReportResolver, SyncResolver, MeResolver, ImportResolver, UsersResolver, ...CRUD_RESOLVERS, ...RELATION_RESOLVERS, ...REALIZATION_RESOLVERS],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  }).then((schema) => directResolvers(schema));
  return built;
}
