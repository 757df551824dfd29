import fs from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/core';
import { newTokenSecret, prefixOf } from '../auth/tokens';
import { Role } from '@core/vocabulary/roles';
import { ApiToken, Membership, Organisation, OrgUnit, User } from '../entities';
import { InputError } from '../errors';

/**
 * Users, memberships and tokens as the command line uses them (npm run user:create, token:create, token:revoke), and
 * the rules both it and GraphQL share (members.ts, api-tokens.ts): how an e-mail is spelled, which units are valid.
 */

export type NewUser = { email: string; name: string; systemAdmin?: boolean };
export type IssuedToken = { token: string; record: ApiToken };

/** The one spelling of an address: trimmed, lower case; refused when it is not one (`local@domain`, at most 320 characters). */
export function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 320 || !/^[^@\s]+@[^@\s.]+(\.[^@\s.]+)*$/.test(email))
    throw InputError.of('email', 'INVALID', 'is not an e-mail address (name@domain, at most 320 characters)');
  return email;
}

export function normaliseName(raw: string): string {
  const name = raw.trim();
  if (!name) throw InputError.of('name', 'REQUIRED', 'a user needs a name');
  if (name.length > 200) throw InputError.of('name', 'TOO_LONG', 'a name has at most 200 characters');
  return name;
}

/** Unit ids of a membership: each must be a unit of that organisation (another organisation's reads as missing). */
export async function checkUnitsOf(em: EntityManager, org: Organisation, unitIds: string[]): Promise<string[]> {
  const unique = [...new Set(unitIds)];
  if (unique.length === 0) return unique;
  const units = await em.find(OrgUnit, { id: { $in: unique }, org: org.id });
  const missing = unique.filter((id) => !units.some((u) => u.id === id));
  if (missing.length > 0)
    throw InputError.of('unitIds', 'NOT_FOUND', `no unit of ${org.code} with id ${missing.join(', ')}`);
  return unique;
}

export async function createUser(em: EntityManager, input: NewUser): Promise<User> {
  const email = normaliseEmail(input.email);
  const name = normaliseName(input.name);
  if (await em.findOne(User, { email }))
    throw InputError.of('email', 'DUPLICATE', `a user with e-mail ${email} exists already`);
  const user = em.create(User, { email, name, active: true, systemAdmin: input.systemAdmin ?? false });
  await em.flush();
  return user;
}

export async function grantRole(
  em: EntityManager,
  user: User,
  orgCode: string,
  role: Role,
  unitIds: string[] = [],
): Promise<Membership> {
  const org = await em.findOne(Organisation, { code: orgCode });
  if (!org) throw InputError.of('org', 'NOT_FOUND', `no organisation with code "${orgCode}"`);
  if (!Object.values(Role).includes(role))
    throw InputError.of('role', 'INVALID', `role must be one of ${Object.values(Role).join(', ')}`);
  unitIds = await checkUnitsOf(em, org, unitIds);
  const existing = await em.findOne(Membership, { user, org });
  const membership = existing ?? em.create(Membership, { user, org, role, unitIds });
  membership.role = role;
  membership.unitIds = unitIds;
  await em.flush();
  return membership;
}

export async function issueToken(
  em: EntityManager,
  user: User,
  options: { label?: string | null; expiresAt?: Date | null } = {},
): Promise<IssuedToken> {
  const secret = newTokenSecret();
  const record = em.create(ApiToken, {
    user,
    prefix: secret.prefix,
    hash: secret.hash,
    label: options.label ?? null,
    expiresAt: options.expiresAt ?? null,
  });
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
export async function ensureLocalAdmin(
  em: EntityManager,
  dataDir: string,
): Promise<{ token: string; file: string } | null> {
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
