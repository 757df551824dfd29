import { type EntityManager, LoadStrategy } from '@mikro-orm/core';
import { ApiToken } from '../entities/api-token';
import type { User } from '../entities/user';
import { UnauthenticatedError } from '../errors';
import { Access } from './access';
import { bearerOf, hashToken, prefixOf, TOKEN_MARK } from './tokens';

/** Who is calling: the user, what they may do, and the token they used. */
export type Principal = { user: User; access: Access; tokenId: string };

/** lastUsedAt is a hint for admins, not an audit: written at most once a minute per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

const HOW = 'send "Authorization: Bearer <token>" (README, "Users, tokens and roles")';

/**
 * Resolves the bearer token of a request: one indexed statement reads the token, its user and their memberships.
 * Every failure says why (missing, unknown, expired, revoked, disabled user), never which part of a token matched.
 */
export async function authenticate(
  em: EntityManager,
  authorization: string | undefined,
  now = new Date(),
): Promise<Principal> {
  const token = bearerOf(authorization);
  if (!token) {
    const reason = authorization ? 'MALFORMED_HEADER' : 'MISSING_TOKEN';
    throw new UnauthenticatedError(`Authentication required: ${HOW}`, reason);
  }
  const fork = em.fork();
  const found =
    token.startsWith(TOKEN_MARK) && token.length < 200
      ? await fork.findOne(
          ApiToken,
          { prefix: prefixOf(token), hash: hashToken(token) },
          { populate: ['user', 'user.memberships'], strategy: LoadStrategy.JOINED },
        )
      : null;
  if (!found) throw new UnauthenticatedError(`Unknown token: ${HOW}`, 'INVALID_TOKEN');
  if (found.revokedAt)
    throw new UnauthenticatedError(
      `This token was revoked on ${found.revokedAt.toISOString()}: ask an administrator for a new one`,
      'TOKEN_REVOKED',
    );
  if (found.expiresAt && found.expiresAt.getTime() <= now.getTime()) {
    throw new UnauthenticatedError(
      `This token expired on ${found.expiresAt.toISOString()}: ask an administrator for a new one`,
      'TOKEN_EXPIRED',
    );
  }
  const user = found.user;
  if (!user.active) throw new UnauthenticatedError('This user is disabled', 'USER_DISABLED');
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await fork.nativeUpdate(ApiToken, { id: found.id }, { lastUsedAt: now });
  }
  const grants = user.memberships.getItems().map((m) => ({ orgId: m.org.id, role: m.role, unitIds: m.unitIds ?? [] }));
  return { user, access: new Access(user.systemAdmin, grants, user.name), tokenId: found.id };
}
