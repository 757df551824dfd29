/** How many maps deep a lookup may go before a replaced map is copied into one. */
const MAX_DEPTH = 4;

/**
 * A map that is `base` with the values of some of its keys replaced (none added or removed): the same keys in the
 * same order, read through to `base` for every key not replaced. A sync patches the plan's state three times
 * (adopted, written, read again: plan-state.ts), each replacing a few dozen entries of indexes of 5,000 to 15,000;
 * copying the indexes whole each time was 6% of B4's event loop. It is copied into one map when first iterated (the
 * state a batch decides from, once per sync) or when lookups would go deeper than MAX_DEPTH maps.
 */
export class ReplacedMap<K, V> implements ReadonlyMap<K, V> {
  private flat?: Map<K, V>;

  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly own: ReadonlyMap<K, V>,
    private readonly depth: number,
  ) {}

  /** `base` with the values of `own`'s keys (every one a key of `base`, no value undefined) replaced by own's */
  static of<K, V>(base: ReadonlyMap<K, V>, own: Map<K, V>): ReadonlyMap<K, V> {
    if (own.size === 0) return base;
    const depth = base instanceof ReplacedMap ? base.depth + 1 : 1;
    if (depth <= MAX_DEPTH) return new ReplacedMap(base, own, depth);
    const flat = new Map(base);
    for (const [key, value] of own) flat.set(key, value);
    return flat;
  }

  get size(): number {
    return this.base.size;
  }

  get(key: K): V | undefined {
    const value = this.own.get(key);
    return value !== undefined ? value : this.base.get(key);
  }

  has(key: K): boolean {
    return this.base.has(key);
  }

  private whole(): Map<K, V> {
    if (!this.flat) {
      this.flat = new Map(this.base);
      for (const [key, value] of this.own) this.flat.set(key, value);
    }
    return this.flat;
  }

  entries(): MapIterator<[K, V]> {
    return this.whole().entries();
  }

  keys(): MapIterator<K> {
    return this.whole().keys();
  }

  values(): MapIterator<V> {
    return this.whole().values();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    this.whole().forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.whole()[Symbol.iterator]();
  }
}
