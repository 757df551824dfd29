import { ReplacedMap } from '../../server/sync/replaced-map';

describe('ReplacedMap', () => {
  const base = new Map([
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ]);

  it('is the base with some values replaced: same keys, same order, read through for the others', () => {
    const map = ReplacedMap.of(base, new Map([['b', 20]]));
    expect(map.get('a')).toBe(1);
    expect(map.get('b')).toBe(20);
    expect(map.get('z')).toBeUndefined();
    expect(map.has('c')).toBe(true);
    expect(map.has('z')).toBe(false);
    expect(map.size).toBe(3);
    expect([...map]).toEqual([
      ['a', 1],
      ['b', 20],
      ['c', 3],
    ]);
    expect([...map.keys()]).toEqual(['a', 'b', 'c']);
    expect([...map.values()]).toEqual([1, 20, 3]);
    const seen: string[] = [];
    map.forEach((value, key, whole) => seen.push(`${key}=${value}/${whole === map}`));
    expect(seen).toEqual(['a=1/true', 'b=20/true', 'c=3/true']);
    // the base is left as it was
    expect([...base.values()]).toEqual([1, 2, 3]);
  });

  it('is the base itself when nothing is replaced, and stays a few maps deep however often it is replaced', () => {
    expect(ReplacedMap.of(base, new Map())).toBe(base);
    let map: ReadonlyMap<string, number> = base;
    for (let n = 1; n <= 9; n++) map = ReplacedMap.of(map, new Map([[n % 2 ? 'a' : 'c', n * 100]]));
    expect([...map]).toEqual([
      ['a', 900],
      ['b', 2],
      ['c', 800],
    ]);
    let depth = 0;
    for (let m: unknown = map; m instanceof ReplacedMap; m = (m as unknown as { base: unknown }).base) depth++;
    expect(depth).toBe(4);
    // one more would be five deep: copied into one map instead
    const flat = ReplacedMap.of(map, new Map([['b', 7]]));
    expect(flat).toBeInstanceOf(Map);
    expect([...flat]).toEqual([
      ['a', 900],
      ['b', 7],
      ['c', 800],
    ]);
  });
});
