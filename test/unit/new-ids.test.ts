/**
 * The ids of the rows a sheet sync creates and of their audit events (server/speed/new-ids.ts): random version-4
 * UUIDs in randomUUID's form, written 256 at a time into one buffer. Every id must be one, and none repeated, across
 * the refills of that buffer.
 */
import { newId } from '../../server/speed/new-ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('gives version-4 UUIDs, lower-case and dashed, none repeated across refills', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    // an id is its own string, not a view of the buffer it was written in
    const first = ids[0];
    for (let i = 0; i < 600; i++) newId();
    expect(first).toBe(ids[0]);
    expect(first).toMatch(UUID_V4);
  });

  it('draws every hex digit where randomUUID does (the variant nibble among 8, 9, a, b)', () => {
    const seen = new Set<string>();
    const variants = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = newId();
      for (const c of id.replace(/-/g, '').slice(13)) seen.add(c);
      variants.add(id[19]);
    }
    expect([...seen].sort().join('')).toBe('0123456789abcdef');
    expect([...variants].sort().join('')).toBe('89ab');
  });
});
