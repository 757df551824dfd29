/**
 * Which documents a server with TRUSTED_DOCUMENTS=required runs (issue 19): the manifest built from the add-in's
 * operations, and the administrators who may still explore in development. Shared by HTTP (server/http) and the
 * websocket (server/live), so neither imports the other.
 */
import { createHash } from 'node:crypto';
import { Role } from '@core/vocabulary/roles';
import manifest from '../../schema/trusted-documents.json';
import type { Principal } from './authenticate';

/** `off`: any document; `required`: only the documents of the manifest (TRUSTED_DOCUMENTS, README "Configuration"). */
export type TrustedDocumentsMode = 'off' | 'required';

/** The manifest (`npm run trusted-documents`): SHA-256 of each document, hex, → its text, exactly as clients send it. */
export type TrustedDocuments = ReadonlyMap<string, string>;

export const TRUSTED_DOCUMENTS: TrustedDocuments = new Map(Object.entries(manifest as Record<string, string>));

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** GraphiQL's ad-hoc documents: an administrator, on a server that is not in production. */
export function mayExplore(principal: Principal | undefined, development: boolean): boolean {
  if (!development || !principal) return false;
  const { access } = principal;
  return access.systemAdmin || (access.readableOrgIds() ?? []).some((org) => access.roleIn(org) === Role.ADMIN);
}

/** The refusal's words, the same on HTTP and on the websocket. */
export const NOT_TRUSTED_MESSAGE =
  'Documento non riconosciuto: questo server accetta solo le operazioni dei client registrati (TRUSTED_DOCUMENTS=required) / ' +
  'Unknown document: this server accepts only the operations of registered clients';
