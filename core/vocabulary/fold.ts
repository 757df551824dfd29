/**
 * Folding for comparing words people type: accents off, case and runs of spaces ignored ("Attività" = "attivita").
 * One definition, so that a word the sheet parser accepts is one the add-in and the importers accept too.
 */
export const foldWords = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

/** Folding for names (units, people): also typographic quotes as plain ones, as documents print them both ways. */
export const foldName = (s: string): string => foldWords(s.replace(/[“”«»]/g, '"'));
