import { type EntityManager, LoadStrategy } from '@mikro-orm/core';
import { ApiToken } from '../entities/api-token';
import type { User } from '../entities/user';
import { UnauthenticatedError } from '../errors';
import { Access } from './access';
import { KeptPrincipals } from './kept-principals';
import { bearerOf, hashToken, prefixOf, TOKEN_MARK } from './tokens';

/** Who is calling: the user, what they may do, and the token they used. */
export type Principal = { user: User; access: Access; tokenId: string };

/** lastUsedAt is a hint for admins, not an audit: written at most once a minute per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

const HOW = 'send "Authorization: Bearer <token>" (README, "Users, tokens and roles")';

/** per database (its driver, shared by every fork): tests open several in one process */
const keptByDriver = new WeakMap<object, KeptPrincipals<ApiToken>>();

function keptFor(em: EntityManager): KeptPrincipals<ApiToken> {
  const driver = em.getDriver();
  let kept = keptByDriver.get(driver);
  if (!kept) keptByDriver.set(driver, (kept = new KeptPrincipals(em)));
  return kept;
}

/**
 * The token with its user and their memberships: the entities of its last lookup while its rows are unchanged
 * (kept-principals.ts), else read again through the ORM with one indexed statement.
 */
async function findToken(em: EntityManager, token: string): Promise<ApiToken | null> {
  if (!token.startsWith(TOKEN_MARK) || token.length >= 200) return null;
  const kept = keptFor(em);
  const [prefix, hash] = [prefixOf(token), hashToken(token)];
  const rows = await kept.rowsText(em, prefix, hash);
  // no such token: the ORM would find none either
  if (rows === '[]') return null;
  const known = kept.get(hash, rows);
  if (known) return known;
  const found = await em
    .fork()
    .findOne(ApiToken, { prefix, hash }, { populate: ['user', 'user.memberships'], strategy: LoadStrategy.JOINED });
  if (found) kept.keep(hash, rows, found);
  return found;
}

/**
 * Resolves the bearer token of a request: one indexed statement reads the token, its user and their memberships
 * (a second one builds their entities when those rows changed since the token's last request).
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
  const found = await findToken(em, token);
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
    await em.fork().nativeUpdate(ApiToken, { id: found.id }, { lastUsedAt: now });
    // on the kept entity too (kept-principals.ts does not compare this hint): written again a minute later, not at
    // the next request; another instance's write of it is only seen at the next full lookup, a write more at most
    found.lastUsedAt = now;
  }
  const grants = user.memberships.getItems().map((m) => ({ orgId: m.org.id, role: m.role, unitIds: m.unitIds ?? [] }));
  return { user, access: new Access(user.systemAdmin, grants, user.name), tokenId: found.id };
}
