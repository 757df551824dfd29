/**
 * What ExcelJS 4.4 has at runtime but its typings miss or mistype, declared once here instead of cast at each use.
 * Its typings declare their own `Buffer` (an ArrayBuffer), which Node's Buffer no longer satisfies.
 */
import type { DataValidation, Table, Workbook, XlsxReadOptions } from 'exceljs';

declare module 'exceljs' {
  interface Xlsx {
    load(buffer: globalThis.Buffer, options?: Partial<XlsxReadOptions>): Promise<Workbook>;
  }

  interface Worksheet {
    /** range validations (lib/doc/data-validations.js): one rule for a whole column instead of one per cell */
    readonly dataValidations: { add(range: string, validation: DataValidation): void };
    /** the sheet's tables by name (lib/doc/worksheet.js) */
    readonly tables: Record<string, Table>;
  }
}
