/**
 * RecentMap (server/speed/recent-map.ts): the bounded, most-recently-used map every kept thing of the speed layer is
 * held in (compiled statements, the plan stamp's statement, a token's principals, a state's row texts).
 */
import { RecentMap } from '../../server/speed/recent-map';

describe('RecentMap', () => {
  it('keeps at most its bound, and gives the value it drops', () => {
    const map = new RecentMap<string, number>(2);
    expect(map.set('a', 1)).toBeUndefined();
    expect(map.set('b', 2)).toBeUndefined();
    expect(map.set('c', 3)).toBe(1);
    expect(map.size).toBe(2);
    expect(map.get('a')).toBeUndefined();
    expect([...map.keys()]).toEqual(['b', 'c']);
  });

  it('drops the least recently set first', () => {
    const map = new RecentMap<string, number>(3);
    for (const [n, key] of ['a', 'b', 'c', 'd', 'e'].entries()) map.set(key, n);
    expect([...map.keys()]).toEqual(['c', 'd', 'e']);
    // setting a kept key again replaces its value, drops nothing and makes it the most recent
    expect(map.set('c', 9)).toBeUndefined();
    expect(map.set('f', 5)).toBe(3);
    expect([...map.keys()]).toEqual(['e', 'c', 'f']);
    expect(map.get('c')).toBe(9);
  });

  it('makes a key read the most recent: a hit outlives keys set after it', () => {
    const map = new RecentMap<string, string>(2);
    map.set('a', 'A');
    map.set('b', 'B');
    expect(map.get('a')).toBe('A');
    expect(map.set('c', 'C')).toBe('B');
    expect(map.get('a')).toBe('A');
    expect(map.get('b')).toBeUndefined();
    // a miss moves nothing
    expect([...map.keys()]).toEqual(['c', 'a']);
  });

  it('deletes a key, and with Infinity keeps every key in order of use', () => {
    const map = new RecentMap<number, number>(Infinity);
    for (let n = 0; n < 1000; n++) expect(map.set(n, n)).toBeUndefined();
    map.get(0);
    expect(map.delete(1)).toBe(true);
    expect(map.delete(1)).toBe(false);
    expect(map.size).toBe(999);
    expect([...map.keys()].slice(-2)).toEqual([999, 0]);
  });

  it('refuses a bound below one', () => {
    expect(() => new RecentMap(0)).toThrow(RangeError);
    expect(() => new RecentMap(Number.NaN)).toThrow(RangeError);
  });
});
