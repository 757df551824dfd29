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
}

/**
 * Texts kept per plan state and the scores it is read with, by key (the read's shape): the rows a read writes from
 * one stamp's state and scores are the same for every pane reading that stamp (the realization read,
 * realization-rows.ts; a delta, delta-rows.ts, each with its own shelf). With `most`, the oldest texts of a state and
 * scores past it leave.
 */
export class KeptTexts {
  private readonly texts = new WeakMap<object, WeakMap<object, Map<string, KeptText>>>();

  constructor(private readonly most = Infinity) {}

  /** the text of `key` for the state and scores, or the one `write` gives, kept */
  async of(state: object, scores: object, key: string, write: () => Promise<string>): Promise<KeptText> {
    let byScores = this.texts.get(state);
    if (!byScores) this.texts.set(state, (byScores = new WeakMap()));
    let kept = byScores.get(scores);
    if (!kept) byScores.set(scores, (kept = new Map()));
    const known = kept.get(key);
    if (known) return known;
    const text = new KeptText(await write());
    kept.set(key, text);
    // the oldest out (a Map iterates in insertion order)
    if (kept.size > this.most) kept.delete(kept.keys().next().value!);
    return text;
  }
}
