import type ExcelJS from 'exceljs';

/**
 * What XML 1.0 cannot hold: C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. One such
 * character in a stored title made the exported sharedStrings.xml not well-formed, and the whole workbook unreadable
 * (issue 13, finding 4). Data from before the input checks, or from a direct database edit, may still hold one.
 */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** the text with every character XML cannot hold shown as U+FFFD, the replacement character, so it can be found */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/** every text a workbook will write as XML (cell values, rich text, sheet names, title) made XML-safe, in place */
export function makeXmlSafe(workbook: ExcelJS.Workbook): void {
  if (workbook.title) workbook.title = xmlSafe(workbook.title);
  workbook.eachSheet((sheet) => {
    sheet.name = xmlSafe(sheet.name);
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        const value = cell.value;
        if (typeof value === 'string') {
          const safe = xmlSafe(value);
          if (safe !== value) cell.value = safe;
        } else if (value && typeof value === 'object' && 'richText' in value) {
          cell.value = { richText: value.richText.map((part) => ({ ...part, text: xmlSafe(part.text) })) };
        }
      });
    });
  });
}
