import fs from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { newTokenSecret, prefixOf } from '../auth/tokens';
import { Role } from '../domain/roles';
import { ApiToken, Membership, Organisation, OrgUnit, User } from '../entities';
import { InputError } from './errors';

/** Users, memberships and tokens: managed from the command line (npm run user:create, token:create, token:revoke). */

export type NewUser = { email: string; name: string; systemAdmin?: boolean };
export type IssuedToken = { token: string; record: ApiToken };

export async function createUser(em: EntityManager, input: NewUser): Promise<User> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw InputError.of('email', 'INVALID', `"${input.email}" is not an e-mail address`);
  if (!input.name.trim()) throw InputError.of('name', 'REQUIRED', 'a user needs a name');
  if (await em.findOne(User, { email })) throw InputError.of('email', 'DUPLICATE', `a user with e-mail ${email} exists already`);
  const user = em.create(User, { email, name: input.name.trim(), active: true, systemAdmin: input.systemAdmin ?? false } as never);
  await em.flush();
  return user;
}

export async function grantRole(em: EntityManager, user: User, orgCode: string, role: Role, unitIds: string[] = []): Promise<Membership> {
  const org = await em.findOne(Organisation, { code: orgCode });
  if (!org) throw InputError.of('org', 'NOT_FOUND', `no organisation with code "${orgCode}"`);
  if (!Object.values(Role).includes(role)) throw InputError.of('role', 'INVALID', `role must be one of ${Object.values(Role).join(', ')}`);
  if (unitIds.length > 0) {
    const units = await em.find(OrgUnit, { id: { $in: unitIds }, org: org.id });
    const missing = unitIds.filter((id) => !units.some((u) => u.id === id));
    if (missing.length > 0) throw InputError.of('units', 'NOT_FOUND', `no unit of ${orgCode} with id ${missing.join(', ')}`);
  }
  const existing = await em.findOne(Membership, { user, org });
  const membership = existing ?? em.create(Membership, { user, org, role, unitIds } as never);
  membership.role = role;
  membership.unitIds = unitIds;
  await em.flush();
  return membership;
}

export async function issueToken(em: EntityManager, user: User, options: { label?: string | null; expiresAt?: Date | null } = {}): Promise<IssuedToken> {
  const secret = newTokenSecret();
  const record = em.create(ApiToken, {
    user, prefix: secret.prefix, hash: secret.hash, label: options.label ?? null, expiresAt: options.expiresAt ?? null,
  } as never);
  await em.flush();
  return { token: secret.token, record };
}

/** By the token itself or by its prefix (what `token:create` prints next to it): true when one was revoked. */
export async function revokeToken(em: EntityManager, tokenOrPrefix: string): Promise<number> {
  const prefix = prefixOf(tokenOrPrefix);
  const tokens = await em.find(ApiToken, { prefix, revokedAt: null });
  for (const t of tokens) t.revokedAt = new Date();
  await em.flush();
  return tokens.length;
}

export const LOCAL_TOKEN_FILE = 'local-token.txt';

/**
 * The embedded single-user start: on a database without users, a local system administrator and its token,
 * printed once by the caller and kept in `<dataDir>/local-token.txt` (mode 0600) so the developer can find it again.
 */
export async function ensureLocalAdmin(em: EntityManager, dataDir: string): Promise<{ token: string; file: string } | null> {
  const fork = em.fork();
  if ((await fork.count(User, {})) > 0) return null;
  const user = await createUser(fork, { email: 'admin@localhost', name: 'Local administrator', systemAdmin: true });
  const { token } = await issueToken(fork, user, { label: 'local start' });
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCAL_TOKEN_FILE);
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return { token, file };
}
