import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/** From this many characters on, an answer's text is compressed as UTF-16LE (below, as UTF-8): see answerBytes */
export const WIDE_FROM = 1 << 20;

/**
 * A sync's answer as it is stored for a replay (sync_batch.answer): its JSON text, UTF-8 (UTF-16LE from a million
 * characters on), compressed with Brotli at quality 1.
 * The answer carries every affected score's whole explanation (~9 KB of JSON a row: 73–91 KB for B4's 20-row syncs,
 * 8 MB for B1's 5,000), stored under the plan's lock and written twice by SQLite (its WAL, then the checkpoint); a
 * replay is rare (a retry of the same rows) and must return exactly the first answer, so the text is kept, smaller.
 * Measured on real answers (session replay): quality 1 compresses a 73 KB answer to 9.3 KB in 0.23 ms and an 8.3 MB
 * one to 0.74 MB in 23 ms, faster than deflate at any level (0.36–1.05 ms, 9.3–10.8 KB; 36–117 ms, 0.76–0.90 MB)
 * and smaller than deflate's best; higher qualities save a few KB for 3–13× the CPU. Decompression costs the same
 * whichever codec (0.4 ms / 38 ms), and only a replay pays it.
 * Why UTF-16LE for a large one: the explanations' "—", "≥", "→" make the answer's JSON a two-byte string in V8, and
 * encoding it as UTF-8 goes character by character, twice Brotli's own time (B1: ~90 ms of CPU a 5,000-row batch);
 * its code units are copied as they are, and Brotli's cost grows by less than that (session b1 of 2026-12-08: a
 * 7.8 MB answer 68 → 17 ms of CPU, 0.79 → 1.12 MB stored). A small answer (B4's, tens of KB) stays UTF-8: a
 * third smaller stored, for a fraction of a millisecond.
 */
export function answerBytes(json: string): Buffer {
  const text = Buffer.from(json, json.length < WIDE_FROM ? 'utf8' : 'utf16le');
  return brotliCompressSync(text, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 1,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: text.length,
    },
  });
}

/**
 * The answer's JSON text as it was stored (answerBytes's inverse), and as it was stored before as UTF-8 (answers
 * kept from then still replay): JSON in UTF-8 never holds a zero byte, and in UTF-16LE its first character, ASCII
 * (`{`), is followed by one.
 */
export function answerJson(bytes: Buffer): string {
  const text = brotliDecompressSync(bytes);
  return text.length > 1 && text[1] === 0 ? text.toString('utf16le') : text.toString('utf8');
}
