/**
 * What must never appear in Italian output (issue 14, item 6): English words the engine and the services used to
 * leak, and raw codes (WEIGHT_SUM, POLARITY_UNCONFIRMED) where words belong. Used on documents, scorecards and
 * GraphQL error messages alike.
 */
/** English the engine or the services used to leak into Italian documents (whole words, any case). */
export const ENGLISH = [
  'empty',
  'invalid',
  'approved',
  'draft',
  'missing',
  'revision',
  'import',
  'threshold',
  'weight',
  'weights',
  'scored',
  'monitoring',
  'neutralised',
  'leaves',
  'warning',
  'error',
  'lint',
  'the',
  'and',
  'not',
  'some',
  'children',
  'is',
  'are',
  'higher',
  'lower',
  'better',
];
export const RAW_CODE = /\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/g;
/** A file the text cites ("docs/scoring.md §4"): user text says the rule in words, never where it is written. */
export const FILE_REFERENCE = /\bdocs\/\S*|\b[\w.-]+\.md\b/g;

/** The file references in a text a user reads, in any language (empty when it cites none). */
export function fileReferences(text: string): string[] {
  return [...new Set(text.match(FILE_REFERENCE) ?? [])];
}

/** The English words, raw codes and file references found in an Italian text (empty when it is clean). */
export function notItalian(text: string): string[] {
  const english = ENGLISH.filter((w) => new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'iu').test(text));
  return [...english, ...new Set(text.match(RAW_CODE) ?? []), ...fileReferences(text)];
}

/** Quoted text ("…", «…», “…”) is the user's own words (titles, values, headers): left out of a scan. */
export function withoutQuotes(text: string): string {
  return text.replace(/"[^"]*"|«[^»]*»|“[^”]*”/g, '""');
}
