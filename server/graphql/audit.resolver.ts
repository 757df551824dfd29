import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { AuditEvent } from '../entities/audit-event';
import { type Connection, connectionOf } from './connection';
import type { Context } from './context';
import { AuditEventFilter } from './inputs/audit';
import { auditPage, AuditEventOrder } from './orders';
import { OrderBy, PageArgs } from './paging';

const AuditEventConnection = connectionOf(AuditEvent, 'AuditEvent');

/** The audit trail is read-only: events are written by the services, in the same transaction as the change. */
@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, {
    description: 'Modifiche applicate, dalla più recente / Applied changes, newest first unless orderBy says otherwise',
  })
  async auditEvents(
    @Arg('filter', () => AuditEventFilter, { nullable: true, validate: true }) filter: AuditEventFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @OrderBy(() => AuditEventOrder)
    orderBy: AuditEventOrder | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<AuditEvent>> {
    const { since, until, organisationId, ...rest } = filter ?? {};
    const where: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v != null));
    if (organisationId) where.org = organisationId;
    if (since || until) where.at = { ...(since ? { $gte: since } : {}), ...(until ? { $lt: until } : {}) };
    return auditPage(ctx, where, orderBy, page);
  }
}
