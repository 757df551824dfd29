import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/**
 * A sync's answer as it is stored for a replay (sync_batch.answer): its JSON text, compressed with Brotli at quality 1.
 * The answer carries every affected score's whole explanation (~9 KB of JSON a row: 73–91 KB for B4's 20-row syncs,
 * 8 MB for B1's 5,000), stored under the plan's lock and written twice by SQLite (its WAL, then the checkpoint); a
 * replay is rare (a retry of the same rows) and must return exactly the first answer, so the text is kept, smaller.
 * Measured on real answers (session replay): quality 1 compresses a 73 KB answer to 9.3 KB in 0.23 ms and an 8.3 MB
 * one to 0.74 MB in 23 ms, faster than deflate at any level (0.36–1.05 ms, 9.3–10.8 KB; 36–117 ms, 0.76–0.90 MB)
 * and smaller than deflate's best; higher qualities save a few KB for 3–13× the CPU. Decompression costs the same
 * whichever codec (0.4 ms / 38 ms), and only a replay pays it.
 */
export function answerBytes(json: string): Buffer {
  const text = Buffer.from(json, 'utf8');
  return brotliCompressSync(text, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 1,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: text.length,
    },
  });
}

/** The answer's JSON text as it was stored (answerBytes's inverse) */
export function answerJson(bytes: Buffer): string {
  return brotliDecompressSync(bytes).toString('utf8');
}
