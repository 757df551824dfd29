import type { EntityManager } from '@mikro-orm/core';
import { newTokenSecret } from '../auth/tokens';
import { AuditAction } from '@core/vocabulary/enums';
import { ApiToken } from '../entities';
import { snapshot } from './audit';
import { InputError, NotFoundError } from '../errors';
import { checkManagesWholly, findVisibleUser, saveAccountChange, type UserAdminContext } from './user-scope';

/** Tokens over GraphQL: anyone for themselves, an organisation admin for the people they manage wholly. */

export type TokenRequest = { userId?: string | null; label: string; expiresInDays: number };
export type IssuedApiToken = { secret: string; token: ApiToken };

export const MAX_TOKEN_DAYS = 3650;

/** What the audit trail keeps of a token: never the secret, and not its hash either. */
function tokenSnapshot(em: EntityManager, token: ApiToken): Record<string, unknown> {
  const { hash: _hash, ...rest } = snapshot(em, token);
  return rest;
}

export function tokensOf(em: EntityManager, userId: string): Promise<ApiToken[]> {
  return em.find(ApiToken, { user: userId }, { orderBy: { createdAt: 'desc', id: 'asc' } });
}

/** The secret is in the answer once; the server keeps only its hash, so it can never be read again. */
export async function createApiToken(ctx: UserAdminContext, request: TokenRequest): Promise<IssuedApiToken> {
  const label = request.label.trim();
  if (!label)
    throw InputError.of('label', 'REQUIRED', 'a token needs a label saying where it is used (e.g. "Excel add-in")');
  if (label.length > 200) throw InputError.of('label', 'TOO_LONG', 'a label has at most 200 characters');
  const days = request.expiresInDays;
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS)
    throw InputError.of('expiresInDays', 'OUT_OF_RANGE', `must be a whole number of days from 1 to ${MAX_TOKEN_DAYS}`);
  const { user, memberships } = await findVisibleUser(ctx, request.userId ?? ctx.user.id);
  if (user.id !== ctx.user.id) checkManagesWholly(ctx, user, memberships, 'issue tokens');
  if (!user.active) throw InputError.of('userId', 'USER_DEACTIVATED', `the account of ${user.email} is deactivated`);
  const secret = newTokenSecret();
  const token = ctx.em.create(ApiToken, {
    user,
    prefix: secret.prefix,
    hash: secret.hash,
    label,
    expiresAt: new Date(Date.now() + days * 86_400_000),
  });
  await saveAccountChange(ctx, token, AuditAction.CREATE, null, tokenSnapshot(ctx.em, token), memberships);
  return { secret: secret.token, token };
}

/** Revoking twice is not an error: the token stays revoked since the first time. */
export async function revokeApiToken(ctx: UserAdminContext, tokenId: string): Promise<ApiToken> {
  const notFound = new NotFoundError('ApiToken', tokenId);
  const token = await ctx.em.findOne(ApiToken, { id: tokenId });
  if (!token) throw notFound;
  const { user, memberships } = await findVisibleUser(ctx, token.user.id, notFound);
  if (user.id !== ctx.user.id) checkManagesWholly(ctx, user, memberships, 'revoke tokens');
  if (token.revokedAt) return token;
  const before = tokenSnapshot(ctx.em, token);
  token.revokedAt = new Date();
  await saveAccountChange(ctx, token, AuditAction.UPDATE, before, tokenSnapshot(ctx.em, token), memberships);
  return token;
}
