/** How headers are compared: the folded form that accent, case, punctuation and OCR letter spacing do not change. */

/** Separator of the parts of a header combined from several header rows (combineHeaderRows). */
export const HEADER_PART_SEPARATOR = ' › ';

/** Folds a header for matching: accents, case, punctuation, line breaks and OCR letter spacing do not matter. */
export function foldHeader(header: string): string {
  const plain = header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ');
  const spaced = collapseSpacedLetters(plain);
  return spaced
    .replace(/[^a-z0-9%]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "p o n d e r a z i o n e" → "ponderazione": runs of three or more single letters are one OCR-spaced word. */
export function collapseSpacedLetters(text: string): string {
  return text.replace(/(?:^|(?<=\s))(?:[a-z]\s){2,}[a-z](?=\s|$)/g, (run) => run.replace(/\s/g, ''));
}
