import { VALUE_WARNINGS } from './codes';

/**
 * Rule 1 of docs/scoring.md §3. Cells come from PDFs, OCR and Word-autocorrected sheets, so the same value arrives
 * with non-breaking spaces, typographic minus signs and slanted comparators; they are unified here once, so that
 * every later rule can be written against plain ASCII forms.
 */
export type NormalisedCell = { text: string; warnings: string[] };

// Line breaks and tabs are layout, not content: they become spaces without a warning.
const LAYOUT_CONTROLS = /[\t\n\v\f\r\u0085]/g;
// Anything else invisible (NUL, DEL, BOM, zero-width space, soft hyphen, bidi marks) is removed but reported,
// because the user cannot see why two identical-looking cells differ.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// Word and PDF extraction turn "-" into any of these; a lone one is still the "-" placeholder, and one glued to
// digits is still a minus.
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const LESS_OR_EQUAL = /[\u2264\u2266\u2A7D]/g;
const GREATER_OR_EQUAL = /[\u2265\u2267\u2A7E]/g;

export function normaliseCell(raw: string): NormalisedCell {
  const warnings: string[] = [];
  // NFC so that "sì" typed as "s" + combining grave accent matches the boolean rule.
  let text = raw.normalize('NFC').replace(LAYOUT_CONTROLS, ' ');
  const visible = text.replace(INVISIBLE, '');
  if (visible !== text) warnings.push(VALUE_WARNINGS.CONTROL_CHARACTERS);
  text = visible
    .replace(DASHES, '-')
    .replace(LESS_OR_EQUAL, '<=')
    .replace(GREATER_OR_EQUAL, '>=')
    // JavaScript's \s covers the no-break spaces (U+00A0, U+202F) and the other Unicode spaces.
    .replace(/\s+/g, ' ')
    .trim();
  return { text, warnings };
}
