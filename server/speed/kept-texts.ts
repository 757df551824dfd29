import { RecentMap } from './recent-map';

/**
 * A kept JSON text and its UTF-8 bytes, kept on it: the bytes live exactly as long as the text, with no table beside
 * it. Made from its text, it is encoded on its first send (kept-bytes.ts); made from its bytes (rows whose bytes are
 * kept row by row, joined by `jsonListBytes`), it is decoded only where it is not sent as bytes (a test, the
 * resolver's own path).
 */
export class KeptText {
  private written: string | undefined;
  private encoded: Buffer | undefined;
  /** approximate bytes it holds, fixed when made (the budget takes it in and out): from a text, the text and its
   * bytes once sent (JSON is mostly ASCII: a byte a character); from bytes, the bytes */
  readonly size: number;

  constructor(json: string | Buffer) {
    if (typeof json === 'string') {
      this.written = json;
      this.size = json.length * 2;
    } else {
      this.encoded = json;
      this.size = json.length;
    }
  }

  get text(): string {
    return (this.written ??= this.encoded!.toString('utf8'));
  }

  bytes(): Buffer {
    return (this.encoded ??= Buffer.from(this.written!));
  }
}

/**
 * The bytes of the JSON list `[a,b,…]` of values kept as bytes, each value one buffer or the buffers of its pieces
 * in order: copied once into one buffer. Joining the values' texts into a string of a megabyte and encoding it again
 * was, per new plan state, a realization read's `rowsJson` and the major collections after it (bench/results,
 * 2026-12-07, session readtail).
 */
export function jsonListBytes(values: ReadonlyArray<Buffer | readonly Buffer[]>): Buffer {
  let length = Math.max(values.length + 1, 2);
  for (const value of values)
    if (Buffer.isBuffer(value)) length += value.length;
    else for (const piece of value) length += piece.length;
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  out[at++] = 0x5b; // [
  for (let k = 0; k < values.length; k++) {
    if (k > 0) out[at++] = 0x2c; // ,
    const value = values[k];
    if (Buffer.isBuffer(value)) {
      out.set(value, at);
      at += value.length;
    } else
      for (const piece of value) {
        out.set(piece, at);
        at += piece.length;
      }
  }
  out[at] = 0x5d; // ]
  return out;
}

/** Where the bytes a plan state holds are counted (ScoreSnapshots.grow: the state's size in SCORE_CACHE_MB). */
export type StateBudget = { grow(state: object, bytes: number): void };

/**
 * Texts kept per plan state and the scores it is read with, by key (the read's shape): the rows a read writes from
 * one stamp's state and scores are the same for every pane reading that stamp (the realization read,
 * realization-rows.ts; a delta, delta-rows.ts, each with its own shelf). With `most`, the texts of a state and scores
 * least recently read leave past it. They live as long as the state: with `budget`, they count in its kept size.
 */
export class KeptTexts {
  private readonly texts = new WeakMap<object, WeakMap<object, RecentMap<string, KeptText>>>();

  constructor(private readonly most = Infinity) {}

  /** the text of `key` for the state and scores, or the one `write` gives, kept */
  async of(
    state: object,
    scores: object,
    key: string,
    write: () => Promise<string | Buffer>,
    budget?: StateBudget,
  ): Promise<KeptText> {
    let byScores = this.texts.get(state);
    if (!byScores) this.texts.set(state, (byScores = new WeakMap()));
    let kept = byScores.get(scores);
    if (!kept) byScores.set(scores, (kept = new RecentMap(this.most)));
    const known = kept.get(key);
    if (known) return known;
    const text = new KeptText(await write());
    const dropped = kept.set(key, text);
    budget?.grow(state, text.size - (dropped?.size ?? 0));
    return text;
  }
}
