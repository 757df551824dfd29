/**
 * A formula cell showing its last known value while the server cannot be reached says so in the grid: its number
 * format gets a literal suffix (0.00%" (provvisorio)"), so the value stays a number that sums and charts still
 * read, and the mark goes away with the next value from the server. The cell's own format is kept around it.
 */
import type { ExcelHost } from './runner';

/** "'Report 2022'!B4" or "Report!B4" → the sheet and the cell */
export function splitAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf('!');
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1) };
}

/** the format with the mark added or taken away; a text format marks text, any other marks numbers */
export function markedFormat(format: string, suffix: string, provisional: boolean): string {
  const literal = `"${suffix.replace(/"/g, '')}"`;
  const bare = format.endsWith(literal) ? format.slice(0, -literal.length) : format;
  if (!provisional) return bare || 'General';
  return `${bare || 'General'}${literal}`;
}

export async function markProvisional(
  address: string,
  suffix: string,
  provisional: boolean,
  excel: ExcelHost = Excel,
): Promise<void> {
  const { sheet, cell } = splitAddress(address);
  await excel.run(async (context: Excel.RequestContext) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(cell);
    range.load('numberFormat');
    await context.sync();
    const format = String(range.numberFormat?.[0]?.[0] ?? 'General');
    const next = markedFormat(format, suffix, provisional);
    if (next !== format) range.numberFormat = [[next]];
    await context.sync();
  });
}
