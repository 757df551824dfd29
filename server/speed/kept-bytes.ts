import type { RequestHandler, Response } from 'express';
import type { KeptText } from './kept-texts';
import { RawJson } from './stringify-in-slices';

/**
 * Kept JSON sent as kept bytes. A realization read's rows (about 0.9 MB of JSON for 4,800 indicators, kept per plan
 * state) were copied twice per read, into the answer's string (Apollo's stringifyResult) and into its UTF-8 bytes
 * (Express's res.send): about half of such a read's event loop in bench B4 (bench/results, session b4). Now the
 * answer's string carries a marker where the rows go, and the /graphql app's send writes the answer around it with
 * the rows' bytes, encoded once per kept text and kept on it (kept-texts.ts).
 *
 * The marker starts with U+0001, a character JSON.stringify never writes unescaped: no value of the answer can hold it.
 */
const MARK = '\u0001';
/** the response's local holding this answer's kept texts by marker */
const KEPT = 'keptBytes';

type Kept = Map<string, RawBytes>;

/** A kept text in an answer: a marker there, its kept bytes in what is sent. */
export class RawBytes extends RawJson {
  constructor(
    readonly kept: KeptText,
    readonly marker: string,
  ) {
    super(kept);
  }

  override inAnswer(): string {
    return this.marker;
  }

  bytes(): Buffer {
    return this.kept.bytes();
  }
}

/**
 * The piece of an answer for a kept text: written as bytes when the response is one of the /graphql app's (its
 * send knows the marker), as the text itself anywhere else (a test's executeOperation, the resolver's own path).
 */
export function keptJson(res: Response | undefined, kept: KeptText): RawJson {
  const answer = res?.locals[KEPT] as Kept | undefined;
  if (!answer) return new RawJson(kept);
  const raw = new RawBytes(kept, `${MARK}${answer.size}`);
  answer.set(raw.marker, raw);
  return raw;
}

/** Express middleware of the /graphql app: a string answer holding markers is sent as its pieces and the kept bytes. */
export function sendKeptBytes(): RequestHandler {
  return (_req, res, next) => {
    const kept: Kept = new Map();
    res.locals[KEPT] = kept;
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (kept.size === 0 || typeof body !== 'string' || !body.includes(MARK)) return send(body);
      const pieces = piecesOf(body, kept);
      // every marker of the answer is one of this response's; a text it does not find is written as text
      if (!pieces) return send(replaceMarkers(body, kept));
      res.setHeader(
        'Content-Length',
        pieces.reduce((sum, piece) => sum + piece.length, 0),
      );
      if (!res.getHeader('Content-Type')) res.setHeader('Content-Type', 'application/json; charset=utf-8');
      if (res.req.method === 'HEAD') return res.end();
      res.cork();
      for (const piece of pieces) res.write(piece);
      res.end();
      return res;
    };
    next();
  };
}

/** The answer as bytes: its own text between markers encoded, each marker replaced by its kept bytes; null if any is unknown. */
function piecesOf(body: string, kept: Kept): Buffer[] | null {
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(MARK); at >= 0; at = body.indexOf(MARK, from)) {
    let end = at + 1;
    while (end < body.length && body.charCodeAt(end) >= 48 && body.charCodeAt(end) <= 57) end++;
    const raw = kept.get(body.slice(at, end));
    if (!raw) return null;
    pieces.push(Buffer.from(body.slice(from, at)), raw.bytes());
    from = end;
  }
  pieces.push(Buffer.from(body.slice(from)));
  return pieces;
}

function replaceMarkers(body: string, kept: Kept): string {
  return body.replace(/\u0001\d+/g, (marker) => kept.get(marker)?.text ?? marker);
}
