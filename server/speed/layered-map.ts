/**
 * A map that is another with the values of a few of its keys replaced, each key keeping its place: what a plan state
 * patched by a few rows makes of its indexes (plan-state.ts). Copying a 5,000-entry index to replace 20 values, three
 * states a sync, was a seventh of a sync's event loop (bench B4). A layer over a layer keeps one layer (its values
 * copied, a few per patch); past an eighth of the map it is a plain map again, so a lookup stays two and the copies
 * stay a fraction of the map's size, whatever the number of patches in a row.
 */
export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly own: ReadonlyMap<K, V>,
  ) {}

  /** `base` with the values of `changes`, every key of which `base` has */
  static over<K, V>(base: ReadonlyMap<K, V>, changes: Iterable<readonly [K, V]>): ReadonlyMap<K, V> {
    const root = base instanceof LayeredMap ? (base.base as ReadonlyMap<K, V>) : base;
    const own = new Map<K, V>(base instanceof LayeredMap ? (base.own as ReadonlyMap<K, V>) : undefined);
    for (const [key, value] of changes) own.set(key, value);
    if (own.size * 8 <= root.size) return new LayeredMap(root, own);
    const flat = new Map(root);
    for (const [key, value] of own) flat.set(key, value);
    return flat;
  }

  get size(): number {
    return this.base.size;
  }

  get(key: K): V | undefined {
    return this.own.has(key) ? this.own.get(key) : this.base.get(key);
  }

  has(key: K): boolean {
    return this.base.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) yield [key, this.own.has(key) ? this.own.get(key)! : value];
  }

  keys(): MapIterator<K> {
    return this.base.keys();
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}
