import { Membership, type Organisation, User } from '../entities';
import { type Change, recordChange } from './audit';
import { ForbiddenError, NotFoundError } from '../errors';
import type { ServiceContext } from './service-context';

/** A request that knows its caller: user management needs to tell "myself" from "someone else". */
export type UserAdminContext = ServiceContext & { user: { id: string } };

/**
 * Users are not tenant-owned (one person may belong to several organisations), so the tenant filter does not
 * narrow them: these checks do. A user the caller shares no organisation with reads as "not found", like any row
 * of another organisation.
 */
export async function findVisibleUser(
  ctx: UserAdminContext,
  userId: string,
  notFound = new NotFoundError('User', userId),
): Promise<{ user: User; memberships: Membership[] }> {
  const user = await ctx.em.findOne(User, { id: userId });
  if (!user) throw notFound;
  // every membership, past the tenant filter: populating `org` through it would silently drop the organisations the
  // caller cannot read, and a person of A and B would look like A's alone (checkManagesWholly must see B)
  const memberships = await ctx.em.find(Membership, { user }, { populate: ['org'], filters: false });
  const readable = ctx.access?.readableOrgIds() ?? null;
  const visible = readable === null || user.id === ctx.user.id || memberships.some((m) => readable.includes(m.org.id));
  if (!visible) throw notFound;
  return { user, memberships };
}

/**
 * An organisation admin acts on a person as a whole (their tokens, their account) only when every organisation the
 * person belongs to is one the admin administers: otherwise an admin of A could mint a token that opens B.
 * System administrators are managed only by system administrators.
 */
export function checkManagesWholly(ctx: UserAdminContext, user: User, memberships: Membership[], what: string): void {
  const access = ctx.access;
  if (!access || access.systemAdmin) return;
  const outside = memberships.filter((m) => !access.can(m.org.id, 'admin'));
  if (user.systemAdmin || memberships.length === 0 || outside.length > 0) {
    const reason = user.systemAdmin
      ? 'is a system administrator'
      : 'also belongs to organisations you do not administer';
    throw new ForbiddenError(
      `You may not ${what} of ${user.name}: they ${reason} (ask a system administrator)`,
      'admin',
      null,
    );
  }
}

/** An event about a person goes to the trail of every organisation they belong to (or to the system's, for none). */
export function recordUserChange(
  ctx: ServiceContext,
  ...[entity, action, before, after, orgs]: [...Change, orgs: Organisation[]]
): void {
  if (orgs.length === 0) recordChange(ctx, entity, action, before, after, null);
  for (const org of orgs) recordChange(ctx, entity, action, before, after, org);
}

/** A change to a person's account or tokens: recorded in the trail of every organisation they belong to, then saved. */
export async function saveAccountChange(
  ctx: ServiceContext,
  ...[entity, action, before, after, memberships]: [...Change, memberships: Membership[]]
): Promise<void> {
  recordUserChange(
    ctx,
    entity,
    action,
    before,
    after,
    memberships.map((m) => m.org),
  );
  await ctx.em.flush();
}
