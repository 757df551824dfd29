import { createHash, randomBytes } from 'node:crypto';

/** Every token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_MARK = 'cru_';
const PREFIX_LENGTH = TOKEN_MARK.length + 8;

export type TokenSecret = { token: string; prefix: string; hash: string };

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function prefixOf(token: string): string {
  return token.slice(0, PREFIX_LENGTH);
}

/** 32 random bytes, base64url: 256 bits, so the hash needs no salt and no slow KDF. */
export function newTokenSecret(): TokenSecret {
  const token = TOKEN_MARK + randomBytes(32).toString('base64url');
  return { token, prefix: prefixOf(token), hash: hashToken(token) };
}

/** The token of an `Authorization: Bearer …` header, or null when the header is missing or not a bearer token. */
export function bearerOf(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
