import { AuditAction } from '@core/vocabulary/enums';
import { Role } from '@core/vocabulary/roles';
import { ApiToken, Membership, Organisation, User } from '../entities';
import { snapshot } from './audit';
import { ForbiddenError, InputError } from '../errors';
import {
  checkManagesWholly,
  findVisibleUser,
  recordUserChange,
  saveAccountChange,
  type UserAdminContext,
} from './user-scope';
import { checkUnitsOf, normaliseEmail, normaliseName } from './users';

/**
 * The people of an organisation, managed by its admins (and system administrators) without shell access. Every
 * change is one unit of work with its audit events; roles are granted only inside the organisation, and an
 * organisation always keeps an active admin.
 */

export type Member = { membership: Membership; user: User; tokens: ApiToken[] };
export type MemberChange = { organisationId: string; userId: string; role: Role; unitIds: string[] };
export type Invitation = { organisationId: string; email: string; name: string; role: Role; unitIds: string[] };

/** The organisation, read through the caller's tenant filter (another one reads as missing), if they administer it. */
async function administered(ctx: UserAdminContext, organisationId: string): Promise<Organisation> {
  const org = await ctx.em.findOne(Organisation, { id: organisationId });
  if (!org) throw InputError.of('organisationId', 'NOT_FOUND', `no Organisation with id "${organisationId}"`);
  ctx.access?.check(org.id, 'admin');
  return org;
}

async function membershipOf(ctx: UserAdminContext, org: Organisation, userId: string): Promise<Membership> {
  const membership = await ctx.em.findOne(Membership, { org, user: userId }, { populate: ['user'] });
  if (!membership) throw InputError.of('userId', 'NOT_FOUND', `no member of ${org.code} with id "${userId}"`);
  return membership;
}

/** Refuses to take the admin role away from the only active admin left: the organisation would be unmanageable. */
async function checkNotLastAdmin(ctx: UserAdminContext, membership: Membership): Promise<void> {
  if (membership.role !== Role.ADMIN) return;
  const others = await ctx.em.count(Membership, {
    org: membership.org,
    role: Role.ADMIN,
    user: { active: true },
    id: { $ne: membership.id },
  });
  if (others > 0) return;
  throw InputError.of(
    'userId',
    'LAST_ADMIN',
    `${membership.user.name} is the last admin of ${membership.org.code}: make someone else admin first`,
  );
}

/** Members with their tokens: three statements whatever the size of the organisation. */
export async function listMembers(ctx: UserAdminContext, organisationId: string): Promise<Member[]> {
  const org = await administered(ctx, organisationId);
  const memberships = await ctx.em.find(
    Membership,
    { org },
    { populate: ['user'], orderBy: { user: { name: 'asc' }, id: 'asc' } },
  );
  const tokens =
    memberships.length === 0
      ? []
      : await ctx.em.find(
          ApiToken,
          { user: { $in: memberships.map((m) => m.user.id) } },
          { orderBy: { createdAt: 'desc', id: 'asc' } },
        );
  return memberships.map((membership) => ({
    membership,
    user: membership.user,
    tokens: tokens.filter((t) => t.user.id === membership.user.id),
  }));
}

/**
 * An organisation admin links an existing account only when every organisation it belongs to is one they
 * administer: otherwise the answer (name, tokens) would show another organisation's person, and that person would
 * join without consent (issue 13, finding 7). Linking across organisations is for system administrators. The refusal
 * names no one: it only says that the e-mail has an account elsewhere.
 */
async function checkMayLink(ctx: UserAdminContext, user: User, email: string): Promise<void> {
  const access = ctx.access;
  if (!access || access.systemAdmin) return;
  const memberships = await ctx.em.find(Membership, { user }, { filters: false });
  const outside = memberships.some((m) => !access.can(m.org.id, 'admin'));
  if (!user.systemAdmin && !outside) return;
  throw new ForbiddenError(
    `${email} already has an account outside the organisations you administer: ask a system administrator to add it (nothing was changed)`,
    'admin',
    null,
  );
}

/** A new person, or a person already known by that e-mail in an organisation the caller administers, joining this one. */
export async function inviteUser(ctx: UserAdminContext, input: Invitation): Promise<Member> {
  const org = await administered(ctx, input.organisationId);
  const email = normaliseEmail(input.email);
  const unitIds = await checkUnitsOf(ctx.em, org, input.unitIds);
  let user = await ctx.em.findOne(User, { email });
  if (user) await checkMayLink(ctx, user, email);
  if (user && !user.active) throw InputError.of('email', 'USER_DEACTIVATED', `the account of ${email} is deactivated`);
  if (user && (await ctx.em.count(Membership, { org, user }))) {
    throw InputError.of(
      'email',
      'ALREADY_MEMBER',
      `${email} is already a member of ${org.code}: change their role with updateMembership`,
    );
  }
  if (!user) {
    user = ctx.em.create(User, { email, name: normaliseName(input.name), active: true, systemAdmin: false });
    recordUserChange(ctx, user, AuditAction.CREATE, null, snapshot(ctx.em, user), [org]);
  }
  const membership = ctx.em.create(Membership, { user, org, role: input.role, unitIds });
  recordUserChange(ctx, membership, AuditAction.CREATE, null, snapshot(ctx.em, membership), [org]);
  await ctx.em.flush();
  const tokens = await ctx.em.find(ApiToken, { user }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  return { membership, user, tokens };
}

export async function updateMembership(ctx: UserAdminContext, input: MemberChange): Promise<Member> {
  const org = await administered(ctx, input.organisationId);
  const membership = await membershipOf(ctx, org, input.userId);
  const unitIds = await checkUnitsOf(ctx.em, org, input.unitIds);
  if (input.role !== Role.ADMIN) await checkNotLastAdmin(ctx, membership);
  const before = snapshot(ctx.em, membership);
  membership.role = input.role;
  membership.unitIds = unitIds;
  recordUserChange(ctx, membership, AuditAction.UPDATE, before, snapshot(ctx.em, membership), [org]);
  await ctx.em.flush();
  const tokens = await ctx.em.find(ApiToken, { user: membership.user }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  return { membership, user: membership.user, tokens };
}

/** The person leaves this organisation only; their account, tokens and other memberships stay. */
export async function removeMembership(
  ctx: UserAdminContext,
  organisationId: string,
  userId: string,
): Promise<boolean> {
  const org = await administered(ctx, organisationId);
  const membership = await membershipOf(ctx, org, userId);
  await checkNotLastAdmin(ctx, membership);
  recordUserChange(ctx, membership, AuditAction.DELETE, snapshot(ctx.em, membership), null, [org]);
  ctx.em.remove(membership);
  await ctx.em.flush();
  return true;
}

/** Switches an account off everywhere: its tokens stop working at once (USER_DISABLED). Idempotent. */
export async function deactivateUser(ctx: UserAdminContext, userId: string): Promise<User> {
  const { user, memberships } = await findVisibleUser(ctx, userId);
  if (ctx.access && user.id === ctx.user.id)
    throw new ForbiddenError('You may not deactivate your own account', 'admin', null);
  checkManagesWholly(ctx, user, memberships, 'deactivate the account');
  if (!user.active) return user;
  for (const membership of memberships) await checkNotLastAdmin(ctx, membership);
  const before = snapshot(ctx.em, user);
  user.active = false;
  await saveAccountChange(ctx, user, AuditAction.UPDATE, before, snapshot(ctx.em, user), memberships);
  return user;
}
