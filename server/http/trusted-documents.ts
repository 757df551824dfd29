import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Role } from '@core/vocabulary/roles';
import manifest from '../../schema/trusted-documents.json';
import type { Principal } from '../auth/authenticate';
import { principalOf } from './guards';

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

type Body = { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };

/**
 * With `required`, production serves only the operations the add-in (and any client listed in the manifest) was
 * built with: anything else is refused before it is parsed, so no ad-hoc query, however cheap-looking, reaches the
 * executor. A client may send the text (its hash must be listed) or only the hash, as an automatic persisted query
 * (`extensions.persistedQuery.sha256Hash`): the server fills in the text from the manifest.
 */
export function trustedDocuments(
  mode: TrustedDocumentsMode,
  development: boolean,
  documents: TrustedDocuments = TRUSTED_DOCUMENTS,
): RequestHandler {
  return (req, res, next) => {
    if (mode === 'off') return next();
    // GET carries the operation in the URL, POST in the JSON body (batches are refused by Apollo anyway)
    const body = (req.method === 'GET' ? getBody(req.query) : req.body) as Body | undefined;
    const hash = body?.extensions?.persistedQuery?.sha256Hash;
    if (typeof body?.query === 'string' && documents.has(sha256(body.query))) return next();
    if (body && body.query === undefined && typeof hash === 'string' && documents.has(hash)) {
      if (req.method === 'GET') return refuseGetByHash(res);
      body.query = documents.get(hash);
      return next();
    }
    if (mayExplore(principalOf(res), development)) return next();
    res.status(400).json({
      errors: [
        {
          message: NOT_TRUSTED_MESSAGE,
          extensions: { code: 'DOCUMENT_NOT_TRUSTED' },
        },
      ],
    });
  };
}

function getBody(query: Record<string, unknown>): Body {
  let extensions: Body['extensions'];
  try {
    extensions =
      typeof query.extensions === 'string' ? (JSON.parse(query.extensions) as Body['extensions']) : undefined;
  } catch {
    extensions = undefined;
  }
  return { query: query.query, extensions };
}

/** a GET's URL cannot be rewritten for Apollo: a listed hash over GET has to carry its text (or come as a POST) */
const refuseGetByHash: (res: Parameters<RequestHandler>[1]) => void = (res) => {
  res.status(400).json({
    errors: [
      {
        message:
          'Con GET inviare anche il testo del documento, o usare POST / Over GET send the document text too, or use POST',
        extensions: { code: 'BAD_REQUEST' },
      },
    ],
  });
};
