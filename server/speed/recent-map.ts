/**
 * A map that keeps at most `most` entries, the most recently used: reading a key (`get`) or setting it makes it the
 * most recent, and setting a new key when the map is full drops the least recent. The speed layer keeps what it built
 * this way in several places (compiled SQLite statements, the plan stamp's statement, a token's principals, a
 * state's row texts), each bounded so that a long-running server holds no more than a few of them; one class so that
 * the bound and its order are written once. A JavaScript Map iterates in insertion order, so the first key is the
 * least recent, and making a key recent is taking it out and putting it back.
 */
export class RecentMap<K, V extends NonNullable<unknown>> {
  private readonly entries = new Map<K, V>();

  /** `most` is the bound, at least 1 (Infinity: no bound, only the order) */
  constructor(readonly most: number) {
    if (!(most >= 1)) throw new RangeError(`a RecentMap keeps at least one entry, not ${most}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** the value of `key`, which becomes the most recent; undefined when it is not kept */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** `key` as the most recent with `value`; gives the value dropped to make room for it, if one was */
  set(key: K, value: V): V | undefined {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size <= this.most) return undefined;
    const [oldest, dropped] = this.entries.entries().next().value!;
    this.entries.delete(oldest);
    return dropped;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** the keys, least recent first */
  keys(): IterableIterator<K> {
    return this.entries.keys();
  }
}
