import { RecentMap } from './recent-map';

/**
 * A kept JSON text and its UTF-8 bytes, encoded on its first send (kept-bytes.ts) and kept on it: the bytes live
 * exactly as long as the text, with no table beside it.
 */
export class KeptText {
  private encoded: Buffer | undefined;

  constructor(readonly text: string) {}

  bytes(): Buffer {
    return (this.encoded ??= Buffer.from(this.text));
  }

  /** approximate bytes it holds: the text and, once sent, its bytes (JSON is mostly ASCII: a byte a character) */
  get size(): number {
    return this.text.length * 2;
  }
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
    write: () => Promise<string>,
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
