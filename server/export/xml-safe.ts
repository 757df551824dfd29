import type ExcelJS from 'exceljs';
import { xmlSafe } from '@core/sheet/text-checks';

/**
 * One character XML 1.0 cannot hold in a stored title made the exported sharedStrings.xml not well-formed, and the
 * whole workbook unreadable (issue 13, finding 4): every text written is passed through the sheet rules' xmlSafe.
 */
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
