/**
 * What a cell holds and how Excel shows it. A cell keeps a typed value (number, string, boolean, or "" when empty)
 * and a number format; what the grid shows — Range.text — is the value rendered through the format in the
 * workbook's locale. Rendering and reading typed input both go through numfmt, which implements Excel's format
 * language and its input recognition (dates as 1900-system serials, including the fictitious 29/02/1900 = 60).
 */
import * as numfmt from 'numfmt';

export type Scalar = string | number | boolean;

/** Office.js valueTypes: https://learn.microsoft.com/javascript/api/excel/excel.rangevaluetype */
export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export type Locale = 'it-IT' | 'en-US';

export const GENERAL = 'General';
export const TEXT_FORMAT = '@';

/** Excel's error values, as Range.values returns them for a cell whose formula fails */
const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#SPILL!',
  '#CALC!',
  '#ERROR!',
  '#CYCLE!',
  '#BUSY!',
]);

export function isErrorValue(value: Scalar): boolean {
  return typeof value === 'string' && ERROR_VALUES.has(value);
}

export function valueTypeOf(value: Scalar, isError = false): ValueType {
  if (isError) return 'Error';
  if (value === '') return 'Empty';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return 'String';
}

/** The grid's text for a value: numfmt renders Excel's format codes (General included) with the locale's symbols. */
export function displayed(value: Scalar, numberFormat: string, locale: Locale): string {
  if (value === '') return '';
  if (typeof value === 'string')
    return isErrorValue(value) ? value : String(numfmt.format(numberFormat, value, { locale }));
  return String(numfmt.format(numberFormat, value, { locale }));
}

/**
 * Excel reads a typed or pasted string as a number, percent, date, time or boolean when it recognises one in the
 * workbook's locale, and then also gives the cell the format the input implied ("3,4%" → 0.034 shown as 0.00%,
 * "15/08/2022" → 44788 shown as a date). Numbers keep the cell's format when it has one. A Text-formatted cell ("@")
 * keeps the string as typed. numfmt.parseValue is the recogniser; two guards make it stricter where it accepts more
 * than Excel does (see `groupsAreExcelLike`).
 */
export function entered(input: Scalar, currentFormat: string, locale: Locale): { value: Scalar; numberFormat: string } {
  if (typeof input !== 'string') return { value: input, numberFormat: currentFormat };
  if (input === '' || currentFormat === TEXT_FORMAT) return { value: input, numberFormat: currentFormat };
  // a leading apostrophe is Excel's "store as text" prefix; it is not part of the value
  if (input.startsWith("'")) return { value: input.slice(1), numberFormat: currentFormat };
  const parsed = numfmt.parseValue(input, { locale });
  if (!parsed || !groupsAreExcelLike(input, locale)) return { value: input, numberFormat: currentFormat };
  const value = parsed.v as Scalar;
  if (typeof value === 'boolean') return { value, numberFormat: currentFormat };
  // a recognised shape (percent, date, grouping, currency) sets the format only over General, as Excel's auto-format
  const numberFormat = parsed.z && currentFormat === GENERAL ? parsed.z : currentFormat;
  return { value, numberFormat };
}

/**
 * numfmt reads "1.1.1" in it-IT as 111 and "3.25%" as 3.25 with a 0% format, treating every "." as a grouping mark.
 * Excel accepts a grouping mark only between groups of exactly three digits; anything else stays text. This is the
 * behaviour of the Windows number parser Excel uses (digit grouping must match the locale's "3;0" grouping); Office
 * does not document it for add-ins, so it is the one place this double is stricter than its parsing library.
 */
function groupsAreExcelLike(input: string, locale: Locale): boolean {
  const symbols = numfmt.getLocale(locale);
  if (!symbols) return true;
  const group = symbols.group;
  const text = input.trim();
  // dates and times have their own separators ("15/08/2022", "12:30"); the guard is about plain numbers only
  if (/[/:]/.test(text) || /[a-z]/i.test(text.replace(/e[+-]?\d+$/i, ''))) return true;
  if (!text.includes(group)) return true;
  const integerPart = text.split(symbols.decimal)[0].replace(/[^\d.,\u00a0 ]/g, '');
  const groups = integerPart.split(group);
  return groups.slice(1).every((g) => /^\d{3}$/.test(g)) && /^\d{1,3}$/.test(groups[0]);
}

/** numfmt's serial for a calendar date, 1900 system (so the 1900 leap-year bug of Lotus/Excel is kept). */
export function serialOf(year: number, month: number, day: number): number {
  return numfmt.dateToSerial([year, month, day]) as number;
}
