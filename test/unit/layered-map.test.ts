/** LayeredMap (server/sync/layered-map.ts): a map with a few values replaced reads as the copy it stands for. */
import { LayeredMap } from '../../server/speed/layered-map';

const copied = <K, V>(base: ReadonlyMap<K, V>, changes: Array<[K, V]>) => {
  const map = new Map(base);
  for (const [key, value] of changes) map.set(key, value);
  return map;
};

describe('LayeredMap', () => {
  const base = new Map(Array.from({ length: 80 }, (_, k) => [`k${k}`, k] as [string, number]));

  it('reads as the base copied with the changes: values, sizes, keys in place, every way of iterating', () => {
    let map: ReadonlyMap<string, number> = base;
    let copy: ReadonlyMap<string, number> = base;
    // three layers of two changes: one layer over the base, within an eighth of it
    for (const changes of [
      [
        ['k3', -3],
        ['k70', -70],
      ],
      [
        ['k3', 33],
        ['k5', -5],
      ],
      [
        ['k79', -79],
        ['k0', 0],
      ],
    ] as Array<Array<[string, number]>>) {
      map = LayeredMap.over(map, changes);
      copy = copied(copy, changes);
      expect(map).toBeInstanceOf(LayeredMap);
      expect([...map]).toEqual([...copy]);
      expect([...map.entries()]).toEqual([...copy.entries()]);
      expect([...map.keys()]).toEqual([...copy.keys()]);
      expect([...map.values()]).toEqual([...copy.values()]);
      const each: Array<[string, number]> = [];
      map.forEach((value, key) => each.push([key, value]));
      expect(each).toEqual([...copy]);
      expect(map.size).toBe(80);
      for (const key of ['k3', 'k5', 'k6', 'none']) {
        expect(map.get(key)).toBe(copy.get(key));
        expect(map.has(key)).toBe(copy.has(key));
      }
    }
    // the base is not changed
    expect(base.get('k3')).toBe(3);
  });

  it('is a plain map again past an eighth of its size', () => {
    const changes = Array.from({ length: 11 }, (_, k) => [`k${k}`, -k] as [string, number]);
    const map = LayeredMap.over(LayeredMap.over(base, changes.slice(0, 10)), changes.slice(10));
    expect(map).toBeInstanceOf(Map);
    expect([...map]).toEqual([...copied(base, changes)]);
  });
});
