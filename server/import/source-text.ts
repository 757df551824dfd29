/**
 * A source document as numbered lines, with the two repairs every text extraction needs: TAB-separated cells and
 * letter-spaced OCR words ("p o n d e r a z i o n e" → "ponderazione", docs/domain.md §8.22).
 */
import type { SourceLineNo } from './draft';

export interface SourceLine {
  /** 1-based */
  no: SourceLineNo;
  /** as in the file, without the line break */
  text: string;
}

export class SourceText {
  readonly lines: SourceLine[];

  constructor(
    readonly text: string,
    readonly fileName: string = 'plan.txt',
  ) {
    // CRLF files (Windows exports) and a final newline must not change line numbers.
    const raw = text.replace(/\r\n?/g, '\n').split('\n');
    if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
    this.lines = raw.map((t, i) => ({ no: i + 1, text: t }));
  }

  /** The text of a 1-based line, '' outside the document. */
  line(no: SourceLineNo): string {
    return this.lines[no - 1]?.text ?? '';
  }

  /** TAB-separated cells of a line, trimmed, empty cells kept (their position is evidence). */
  cells(no: SourceLineNo): string[] {
    return splitCells(this.line(no));
  }

  /** The first line at or after `from` whose text matches, or null. */
  find(pattern: RegExp, from: SourceLineNo = 1): SourceLine | null {
    for (let i = Math.max(0, from - 1); i < this.lines.length; i++)
      if (pattern.test(this.lines[i].text)) return this.lines[i];
    return null;
  }
}

export function splitCells(line: string): string[] {
  return line.split('\t').map((c) => c.replace(/\s+/g, ' ').trim());
}

// A run of at least three single characters separated by single spaces: "p o n d", not "a e i" inside prose ("e a").
const LETTER_SPACED = /(?<!\S)\S(?: \S){2,}(?!\S)/gu;

/** True when the text holds a letter-spaced run. */
export function isLetterSpaced(text: string): boolean {
  LETTER_SPACED.lastIndex = 0;
  return LETTER_SPACED.test(text);
}

/**
 * Collapses letter-spaced runs into words: "p o n d e r a z i o n e" → "ponderazione". The word breaks inside a run
 * are lost in the extraction; `segment` may restore them from a vocabulary, otherwise the run becomes one word.
 */
export function collapseLetterSpacing(text: string, segment?: (run: string) => string): string {
  return text.replace(LETTER_SPACED, (m) => {
    const run = m.replace(/ /g, '');
    return segment ? segment(run) : run;
  });
}

/**
 * Restores word breaks in a collapsed run ("Laqualitàdeiprocessi" → "La qualità dei processi") using a vocabulary of
 * lower-case words: a full segmentation into known words if one exists (fewest words), else known words from the
 * left and the unrecognised rest kept as seen ("comunicazionetraministruzione" → "comunicazione tra ministruzione").
 * Never invents letters: joining the result's words gives back the run.
 */
export function segmentWords(run: string, vocabulary: ReadonlySet<string>): string {
  const lower = run.toLowerCase();
  const n = lower.length;
  // best[i] = fewest words covering lower[i..]; next[i] = end of the first word of that covering.
  const best = new Array<number>(n + 1).fill(Infinity);
  const next = new Array<number>(n + 1).fill(-1);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = n; j > i; j--) {
      if (best[j] + 1 < best[i] && vocabulary.has(lower.slice(i, j))) {
        best[i] = best[j] + 1;
        next[i] = j;
      }
    }
  }
  const words: string[] = [];
  if (best[0] !== Infinity) {
    for (let i = 0; i < n; i = next[i]) words.push(run.slice(i, next[i]));
    return words.join(' ');
  }
  let i = 0;
  while (i < n) {
    let end = -1;
    for (let j = n; j > i; j--) {
      if (vocabulary.has(lower.slice(i, j))) {
        end = j;
        break;
      }
    }
    if (end < 0) break;
    words.push(run.slice(i, end));
    i = end;
  }
  if (i < n) words.push(run.slice(i));
  return words.join(' ');
}

/** Lower-case words of at least three letters in the text, outside letter-spaced runs: a document's own vocabulary. */
export function wordsOf(text: string): Set<string> {
  const plain = text.replace(LETTER_SPACED, ' ');
  const words = new Set<string>();
  for (const w of plain.toLowerCase().split(/[^\p{L}]+/u)) if (w.length >= 3) words.add(w);
  return words;
}
