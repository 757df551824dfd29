import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { AuditEvent } from '../entities/audit-event';
import { InputError } from '../errors';
import { checkedCursor, type Connection, connectionOf, toConnection } from './connection';
import type { Context } from './context';
import { AuditEventFilter } from './inputs/audit';

const AuditEventConnection = connectionOf(AuditEvent, 'AuditEvent');

/** The audit trail is read-only: events are written by the services, in the same transaction as the change. */
@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'Applied changes, newest first' })
  async auditEvents(
    @Arg('filter', () => AuditEventFilter, { nullable: true, validate: true }) filter: AuditEventFilter | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<Connection<AuditEvent>> {
    if (first < 0 || first > 500) throw InputError.of('first', 'OUT_OF_RANGE', 'must be between 0 and 500');
    const { since, until, organisationId, ...rest } = filter ?? {};
    const where: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v != null));
    if (organisationId) where.org = organisationId;
    if (since || until) where.at = { ...(since ? { $gte: since } : {}), ...(until ? { $lt: until } : {}) };
    const orderBy = { at: 'desc', id: 'desc' } as const;
    const cursor = await ctx.em.findByCursor(AuditEvent, where, {
      first,
      after: checkedCursor(after, Object.keys(orderBy).length),
      orderBy,
      includeCount: true,
    });
    return toConnection(cursor);
  }
}
