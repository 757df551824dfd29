import type { RequestHandler } from 'express';
import {
  mayExplore,
  NOT_TRUSTED_MESSAGE,
  sha256,
  TRUSTED_DOCUMENTS,
  type TrustedDocuments,
  type TrustedDocumentsMode,
} from '../auth/trusted-documents';
import { principalOf } from './guards';

export { sha256, TRUSTED_DOCUMENTS, type TrustedDocuments, type TrustedDocumentsMode };

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
