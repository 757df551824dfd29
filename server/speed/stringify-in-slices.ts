import { nextTurn } from './next-turn';

/**
 * Characters of JSON written between two turns of the event loop. JSON.stringify of a 4 MB answer (four reports of a
 * 4,800-indicator plan) was one block of 30–60 ms, ten times /health's answer, on top of the rest (issue 13, item 5);
 * 256 KB are a few milliseconds.
 */
export const SLICE_CHARS = 256 * 1024;

/**
 * A piece of JSON already written (the realization read of server/graphql/realization-rows.ts: every row's score
 * serialised once per change of the score, not per read), copied into the answer as it is. Anything else that
 * serialises it (JSON.stringify, a log) gets the value it stands for.
 */
export class RawJson {
  /** the text, or what holds it (a kept text made from its bytes decodes it only if it is read: kept-texts.ts) */
  constructor(private readonly json: string | { readonly text: string }) {}

  get text(): string {
    return typeof this.json === 'string' ? this.json : this.json.text;
  }

  /** what the answer's string holds in its place (a marker where the bytes are sent kept: kept-bytes.ts) */
  inAnswer(): string {
    return this.text;
  }

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value JSON.stringify writes by itself in one go, cheaply: a primitive or a flat object or array of them. */
function isFlat(value: object): boolean {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return true;
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== null && typeof field === 'object') return false;
  }
  return true;
}

/** The longest list a shallow object's field may be (a realization's warnings, a row's errors) */
const SHORT_LIST = 32;

/**
 * A flat object, or one whose object fields are all flat with no `toJSON` of their own (a sync answer's row with its
 * realization `{ display }`): JSON.stringify writes it natively in one go, about as large as a flat value may be.
 * Walked piece by piece, the 5,000 rows of a sync's answer were ten pieces each (bench B1).
 */
function isShallow(value: object): boolean {
  if (isFlat(value)) return true;
  // a list of rows is walked row by row: the slices fall between its rows
  if (Array.isArray(value)) return false;
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (field === null || typeof field !== 'object' || field instanceof Date) continue;
    if (field instanceof RawJson || typeof (field as { toJSON?: unknown }).toJSON === 'function') return false;
    if (Array.isArray(field) ? field.length > SHORT_LIST || !isFlat(field) : !isFlat(field)) return false;
  }
  return true;
}

/**
 * The pieces of JSON.stringify(value), in order: flat and shallow objects and arrays (a report's row, a realization,
 * a sync answer's row) written natively, the rest walked here as JSON.stringify walks it (own enumerable keys in order; in an object a key whose
 * value JSON does not represent is left out, in an array such a value is null; `toJSON` honoured), yielding after
 * every piece so the caller can give the event loop away.
 */
function* pieces(value: unknown, key: string): Generator<string, void, undefined> {
  if (value instanceof RawJson) {
    yield value.inAnswer();
    return;
  }
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  if (value === null || typeof value !== 'object' || isShallow(value)) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* pieces(value[i], String(i));
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [name, field] of Object.entries(value)) {
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(name)}:`;
    first = false;
    yield* pieces(field, name);
  }
  yield '}';
}

/** Hands every piece of JSON.stringify(value) to `take`, with a turn of the event loop after each slice written. */
async function inSlices(value: unknown, slice: number, take: (piece: string) => void): Promise<void> {
  let written = 0;
  for (const piece of pieces(value, '')) {
    take(piece);
    written += piece.length;
    if (written >= slice) {
      written = 0;
      await nextTurn();
    }
  }
}

/**
 * Apollo's `stringifyResult` (the same bytes as its default, `JSON.stringify(result) + '\n'`), written a slice at a
 * time with a turn of the event loop between slices (server/speed/next-turn.ts): a big answer's serialisation no
 * longer holds /health and small queries behind it. An answer under a slice is written at once, with no turn.
 */
export async function stringifyInSlices(value: Json | object, slice = SLICE_CHARS): Promise<string> {
  const out: string[] = [];
  await inSlices(value, slice, (piece) => out.push(piece));
  out.push('\n');
  return out.join('');
}

/** JSON.stringify(value).length, counted a slice at a time: the size of a kept answer without one long block. */
export async function jsonLengthInSlices(value: Json | object, slice = SLICE_CHARS): Promise<number> {
  let length = 0;
  await inSlices(value, slice, (piece) => (length += piece.length));
  return length;
}
