/**
 * Damage every document family can carry, said out loud in the review instead of imported silently (issue 17, item
 * 4): a wrong encoding (a Latin-1 file read as UTF-8 leaves "�" for every accented letter; a UTF-8 file read as
 * Latin-1 leaves "Ã¨", "â€™") and a document repeated within the file (16 concatenated copies of one plan once
 * imported as a single plan with 208 dashboards).
 */
import type { Importer, TextCut } from './importer';
import type { ReviewReport } from './review';
import type { SourceText } from './source-text';

/**
 * The warnings that say the file is not the document as published: `--strict` (and `strict` in importPlan) refuses
 * the import when one is in the review, instead of writing a plan read from a damaged text.
 */
export const DAMAGE_CODES: ReadonlySet<string> = new Set([
  'ENCODING_DAMAGE',
  'DOCUMENT_REPEATED',
  'TEXT_TRUNCATED',
  'CARDS_MISSING',
]);

const MOJIBAKE = /\uFFFD|Ã[\u0080-\u00BF]|â€[\u0080-\u00BF\u2018-\u201E\u2122]/;
const SHOWN = 5;

export function reportDamage(
  source: SourceText,
  review: ReviewReport,
  importer?: Importer,
  cut?: TextCut | null,
): void {
  reportTruncation(source, review, importer, cut);
  const broken = source.lines.filter((l) => MOJIBAKE.test(l.text));
  if (broken.length > 0) {
    const first = broken[0];
    const lines = broken.slice(0, SHOWN).map((l) => l.no);
    review.warning(
      first.no,
      'document',
      'ENCODING_DAMAGE',
      `${broken.length} line(s) carry characters of a wrong encoding ("�" or "Ã¨"-like sequences), first at lines ${lines.join(', ')}: the file was probably saved in another encoding than UTF-8; titles and labels are imported damaged. Save it as UTF-8 and import again.`,
      `${broken.length} righe contengono caratteri di una codifica errata ("�" o sequenze come "Ã¨"), le prime alle righe ${lines.join(', ')}: il file è probabilmente salvato in una codifica diversa da UTF-8; titoli ed etichette sono importati danneggiati. Salvarlo in UTF-8 e importarlo di nuovo.`,
      first.text.trim().slice(0, 200),
    );
  }
  const repeats = repetitions(source);
  if (repeats.length > 0) {
    review.warning(
      repeats[0],
      'document',
      'DOCUMENT_REPEATED',
      `The document's opening lines appear again at line(s) ${repeats.slice(0, SHOWN).join(', ')}${repeats.length > SHOWN ? ` and ${repeats.length - SHOWN} more` : ''}: the file holds ${repeats.length + 1} copies of the document, read as one plan. Import one copy.`,
      `Le righe iniziali del documento ricompaiono alla riga ${repeats.slice(0, SHOWN).join(', ')}${repeats.length > SHOWN ? ` e in altre ${repeats.length - SHOWN}` : ''}: il file contiene ${repeats.length + 1} copie del documento, lette come un solo piano. Importarne una copia.`,
      source.line(repeats[0]).trim().slice(0, 200),
    );
  }
}

/**
 * A file that is nothing but k identical copies of one document (concatenated downloads): the copy, and k. Only an
 * exact repetition qualifies; copies that differ are read as they are and warned of (DOCUMENT_REPEATED).
 */
export function identicalCopies(text: string): { copy: string; copies: number; secondLine: number } | null {
  const head = text.slice(0, 200);
  if (head.trim().length < 40) return null;
  for (let at = text.indexOf(head, 1); at > 0; at = text.indexOf(head, at + 1)) {
    if (text.length % at !== 0) continue;
    const copy = text.slice(0, at);
    const copies = text.length / at;
    if (copy.repeat(copies) !== text) continue;
    const lines = copy.replace(/\r\n?/g, '\n').split('\n').length - (copy.endsWith('\n') ? 1 : 0);
    const firstText = copy.split(/\r\n?|\n/).findIndex((l) => l.trim() !== '');
    return { copy, copies, secondLine: lines + 1 + firstText };
  }
  return null;
}

/** Tells the review that only the first of k identical copies was read. */
export function reportCopiesRead(review: ReviewReport, copies: number, secondLine: number, evidence: string): void {
  review.warning(
    secondLine,
    'document',
    'DOCUMENT_REPEATED',
    `The file holds ${copies} copies of the same document, identical to the byte, the second from line ${secondLine}: one copy was read (not ${copies} plans in one). Import one copy.`,
    `Il file contiene ${copies} copie identiche dello stesso documento, la seconda dalla riga ${secondLine}: è stata letta una copia sola (non ${copies} piani in uno). Importarne una copia.`,
    evidence.trim().slice(0, 200),
  );
}

/** Lines where the first three non-empty lines of the document start again, in the same order. */
function repetitions(source: SourceText): number[] {
  const text = source.lines.filter((l) => l.text.trim() !== '');
  if (text.length < 6) return [];
  const head = text.slice(0, 3).map((l) => l.text.trim());
  // Three short lines (a page number, a blank title) repeat by chance; the signature must say something.
  if (head.join(' ').length < 40) return [];
  const out: number[] = [];
  for (let i = 3; i + 2 < text.length; i++)
    if (head.every((h, k) => text[i + k].text.trim() === h)) out.push(text[i].no);
  return out;
}

// A table row: at least three non-empty TAB-separated cells.
const isTableRow = (text: string) => text.split('\t').filter((c) => c.trim() !== '').length >= 3;

/**
 * A text cut short: the family's closing mark is missing, or the last line is a table row (a complete document
 * closes its tables with a signature, a note or prose). Half a Sondrio table once imported as the plan (24 of 48
 * indicators) without a word.
 */
function reportTruncation(source: SourceText, review: ReviewReport, importer?: Importer, cut?: TextCut | null): void {
  const last = [...source.lines].reverse().find((l) => l.text.trim() !== '');
  if (!last) return;
  const ending = importer?.ending;
  const evidence = last.text.replace(/\s+/g, ' ').trim().slice(0, 200);
  const endless = ending && !source.find(ending.pattern);
  if (cut) {
    // The reader saw the text end inside a table: said with the line, and what else is missing.
    review.warning(
      last.no,
      'document',
      'TEXT_TRUNCATED',
      `The text ends at line ${last.no} ${cut.en}${endless ? `, and without ${ending.en}` : ''}: it was probably cut, and the rows after it are missing. Import the whole document.`,
      `Il testo finisce alla riga ${last.no} ${cut.it}${endless ? `, e senza ${ending.it}` : ''}: è probabilmente troncato e mancano le righe successive. Importare il documento intero.`,
      evidence,
    );
  } else if (endless) {
    review.warning(
      last.no,
      'document',
      'TEXT_TRUNCATED',
      `The text ends at line ${last.no} without ${ending.en}: it was probably cut, and the plan is imported incomplete. Import the whole document.`,
      `Il testo finisce alla riga ${last.no} senza ${ending.it}: è probabilmente troncato e il piano è importato incompleto. Importare il documento intero.`,
      evidence,
    );
  } else if (isTableRow(last.text)) {
    review.warning(
      last.no,
      'document',
      'TEXT_TRUNCATED',
      `The text ends inside a table (line ${last.no} is a table row): it was probably cut, and the rows after it are missing. Import the whole document.`,
      `Il testo finisce dentro una tabella (la riga ${last.no} è una riga di tabella): è probabilmente troncato e mancano le righe successive. Importare il documento intero.`,
      evidence,
    );
  }
}
