import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { answerBytes, answerJson, WIDE_FROM } from '../../server/sync/answer-bytes';

/** An answer's JSON as the sync stores it, of `rows` rows: an explanation's Italian text and signs make it a
 * two-byte string */
const answerOf = (rows: number) =>
  JSON.stringify({
    batchKey: 'Piano.xlsx#Azioni',
    replayed: false,
    rows: Array.from({ length: rows }, (_, index) => ({
      index,
      realization: { display: '87,5 %', text: `bands/linear: 12,5 ≥ 10 — “sopra” la soglia → 0,875 (${index})` },
    })),
    affected: [{ level: 'PLAN', realization: { score: 1 / 3, text: 'mean: (0,5 + 0,875) / 2 = 0,6875 → 68,8 %' } }],
  });

/** How the answers were stored until session b1 of 2026-12-08, whatever their size: the UTF-8 text, compressed */
const storedAsUtf8 = (json: string) =>
  brotliCompressSync(Buffer.from(json, 'utf8'), { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });

describe("a sync's stored answer bytes", () => {
  const small = answerOf(20);
  const large = answerOf(20_000);

  it("are a large answer's UTF-16LE code units, compressed (no UTF-8 encoding of a two-byte string), a small one's UTF-8", () => {
    expect(large.length).toBeGreaterThanOrEqual(WIDE_FROM);
    expect(brotliDecompressSync(answerBytes(large)).equals(Buffer.from(large, 'utf16le'))).toBe(true);
    expect(small.length).toBeLessThan(WIDE_FROM);
    expect(brotliDecompressSync(answerBytes(small)).equals(Buffer.from(small, 'utf8'))).toBe(true);
  });

  it('give back the same text, whether stored now or as UTF-8 before', () => {
    for (const json of [small, large, '{}', '[]', '"—"', '1', '{"a":"\\u0000"}'])
      expect([answerJson(answerBytes(json)) === json, answerJson(storedAsUtf8(json)) === json]).toEqual([true, true]);
    const wide = (json: string) =>
      brotliCompressSync(Buffer.from(json, 'utf16le'), { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } });
    for (const json of ['"—"', '1', '{}', small]) expect(answerJson(wide(json))).toBe(json);
  });
});
