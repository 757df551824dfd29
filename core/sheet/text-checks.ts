/**
 * What free text and codes may hold, checked the same way for every way data comes in (sheet sync, workbook import,
 * the GraphQL mutations): docs/sheet-contract.md, "Text and codes". Pure: the add-in may run it before sending.
 */

/** C0 controls other than tab and newlines, and DEL: never typed, often pasted from other systems */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * What XML 1.0, and so an .xlsx file, cannot hold: U+FFFE, U+FFFF and a surrogate without its pair (one such
 * character once made an exported workbook unreadable: issue 13, finding 4)
 */
const NOT_XML_SOURCE =
  '[\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const NOT_XML = new RegExp(NOT_XML_SOURCE);
/** the same, with the C0 controls XML 1.0 cannot hold either (tab, LF and CR it can) */
const NOT_XML_AT_ALL = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]|${NOT_XML_SOURCE}`, 'g');

/**
 * Text with every character XML 1.0 cannot hold shown as U+FFFD, so it can be found: for what is written into an
 * .xlsx from data stored before these checks, or edited in the database directly.
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_AT_ALL, '\uFFFD');
}

/**
 * Text a spreadsheet would run as a formula when it opens an export (OWASP, "CSV injection"): a leading = + or @,
 * or a - followed by anything but a space ("-2+3", "-cmd|…"). "- voce di elenco" and a lone "-" stay text.
 */
const FORMULA = /^(?:[=+@]|-(?=\S))/;

/** Characters that show nothing: zero-width spaces and joiners, bidirectional marks, the BOM, the soft hyphen */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** A code: Latin letters, digits, spaces and . - _ / ( ) after NFKC (which turns fullwidth digits into 0-9) */
const CODE = /^[\p{Script=Latin}0-9 ._\-/()]*$/u;

export type TextProblem =
  | { code: 'CONTROL_CHARACTERS' }
  | { code: 'INVALID_CHARACTERS' }
  | { code: 'FORMULA_NOT_ALLOWED' }
  | { code: 'INVISIBLE_CHARACTERS' }
  | { code: 'CODE_CHARACTERS' }
  | { code: 'TOO_LONG'; max: number };

/**
 * Free text as stored: trimmed, in Unicode NFC (so "è" typed two ways is one text) and with line breaks as "\n" (an
 * .xlsx cannot keep "\r\n" apart from "\n", so a note stored with it changed on re-import: issue 13, finding 10),
 * or why it is refused.
 */
export function checkText(raw: string, max: number): { text: string } | { problem: TextProblem } {
  if (CONTROL.test(raw)) return { problem: { code: 'CONTROL_CHARACTERS' } };
  if (NOT_XML.test(raw)) return { problem: { code: 'INVALID_CHARACTERS' } };
  const text = raw.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (FORMULA.test(text)) return { problem: { code: 'FORMULA_NOT_ALLOWED' } };
  if (text.length > max) return { problem: { code: 'TOO_LONG', max } };
  return { text };
}

/**
 * A code as stored and compared: NFKC, so "１.１.１" is "1.1.1" and a duplicate is seen as one; invisible characters
 * and letters of other scripts (a Cyrillic "а" looks like a Latin "a") are refused rather than guessed.
 */
export function checkCode(raw: string, max: number): { text: string } | { problem: TextProblem } {
  if (INVISIBLE.test(raw)) return { problem: { code: 'INVISIBLE_CHARACTERS' } };
  const checked = checkText(raw.normalize('NFKC'), max);
  if ('problem' in checked) return checked;
  if (!CODE.test(checked.text)) return { problem: { code: 'CODE_CHARACTERS' } };
  return checked;
}
