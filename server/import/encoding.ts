/**
 * Reading a plan file's bytes as text, and repairing a wrong decoding when only one reading makes sense (issue 17,
 * item 4). A file that is not valid UTF-8 but whose bytes are all Windows-1252 letters, digits and punctuation is
 * a Latin-1 / Windows-1252 export (the two agree on every Italian letter): it is decoded so, and the review says so.
 * A text that is UTF-8 read once as Windows-1252 ("perchÃ©", "lâ€™") is undone when every such sequence decodes
 * back. Anything else is left as it is, and damage.ts warns of it with the lines.
 */

export type Decoding = 'utf-8' | 'windows-1252' | 'utf-8 read as windows-1252';

export interface DecodedText {
  text: string;
  /** how the text was obtained; anything but 'utf-8' was a repair the review reports */
  decoding: Decoding;
}

// Windows-1252's bytes 0x80-0x9F (Latin-1 has control characters there); the five unassigned bytes are absent.
const CP1252_HIGH: Record<number, number> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178,
};
const CP1252_BYTE = new Map(Object.entries(CP1252_HIGH).map(([b, c]) => [c, Number(b)]));

// What a plan document prints beyond ASCII: letters with accents, NBSP, § « » ° ² ³ ´ · ª º, typographic quotes,
// dashes and ellipsis, €, ™. Not "¤", "¦", "¬", "±" and the like, which a wrong guess of encoding would produce.
const PLAUSIBLE =
  /^[\p{L}\u00A0\u00A7\u00A9\u00AB\u00AE\u00B0\u00B2-\u00B4\u00B7\u00BA\u00BB\u2013-\u2026\u20AC\u2122]$/u;

/** The file's text: UTF-8 when valid, else Windows-1252 when every byte reads as a plausible character. */
export function decodePlanBytes(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), decoding: 'utf-8' };
  } catch {
    const chars: string[] = [];
    for (const b of bytes) {
      if (b < 0x80) chars.push(String.fromCharCode(b));
      else {
        const code = b < 0xa0 ? CP1252_HIGH[b] : b;
        const c = code === undefined ? '' : String.fromCharCode(code);
        // An unassigned byte or a symbol no plan prints: not a Windows-1252 text; keep the lossy UTF-8 reading.
        if (!PLAUSIBLE.test(c)) return { text: new TextDecoder('utf-8').decode(bytes), decoding: 'utf-8' };
        chars.push(c);
      }
    }
    return { text: chars.join(''), decoding: 'windows-1252' };
  }
}

// The lead bytes of Italian text's non-ASCII letters and marks (à-ù are C3 xx, ’ “ ” – € E2 80 xx, ° and NBSP
// C2 xx) read as Windows-1252, followed by continuation bytes read the same way. Other lead bytes are letters a
// plan may print next to a quote ("É»"); they are never taken for damage.
const DOUBLE_ENCODED =
  /[\u00C2\u00C3\u00E2][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u203A\u20AC\u2122]+/g;

/**
 * Undoes a UTF-8 text read once as Windows-1252, when every suspicious sequence decodes back to one character and
 * the text holds no sign of being right as it is (a "�" means bytes were already lost). Returns null otherwise.
 */
export function repairDoubleEncoding(text: string): string | null {
  if (text.includes('\uFFFD')) return null;
  let repaired = 0;
  let failed = false;
  const out = text.replace(DOUBLE_ENCODED, (run) => {
    const bytes: number[] = [];
    for (const ch of run) {
      const code = ch.codePointAt(0) as number;
      const byte = code <= 0xff ? code : CP1252_BYTE.get(code);
      if (byte === undefined) {
        failed = true;
        return run;
      }
      bytes.push(byte);
    }
    try {
      const decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
      repaired++;
      return decoded;
    } catch {
      failed = true;
      return run;
    }
  });
  return repaired > 0 && !failed ? out : null;
}
