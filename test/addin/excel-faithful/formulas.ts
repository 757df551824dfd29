/**
 * Formula results, computed by HyperFormula over every sheet of the workbook (formulas reach across sheets). The
 * model keeps each formula in Range.formulas syntax (en-US: "," between arguments, "." for decimals, English function
 * names — https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulas-member), which is
 * HyperFormula's default syntax, and stores the computed value beside it, as an .xlsx caches it.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { beginFunctions, endFunctions, isBusy } from './custom-functions';
import type { CellModel, WorkbookModel } from './model';

/**
 * Excel's date system: serial 1 is 1900-01-01 and 1900 is (wrongly) a leap year, so DATE(1900,3,1) = 61. This is
 * HyperFormula's documented Excel-compatible setting (https://hyperformula.handsontable.com/guide/compatibility-with-microsoft-excel.html).
 */
const EXCEL_COMPATIBLE = {
  licenseKey: 'gpl-v3',
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 31 },
} as const;

export function hasFormulas(model: WorkbookModel): boolean {
  return model.sheets.some((sheet) => [...sheet.cells.values()].some((cell) => cell.formula !== null));
}

/** HyperFormula reads a raw string as input; an apostrophe keeps our strings text, as they are in the cell. */
function content(cell: CellModel | undefined): unknown {
  if (!cell) return null;
  if (cell.formula !== null) return cell.formula;
  if (typeof cell.value === 'string') return cell.value === '' ? null : `'${cell.value}`;
  return cell.value;
}

/** Recomputes every formula cell of the workbook (Excel's automatic calculation mode). */
export function recalculate(model: WorkbookModel): void {
  // without formulas nothing is computed, but a custom function's calls end with the formulas that made them
  if (!hasFormulas(model)) return endFunctions(beginFunctions(model, []));
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of model.sheets) {
    const grid: unknown[][] = [];
    for (const [row, column, cell] of sheet.entries()) {
      while (grid.length <= row) grid.push([]);
      grid[row][column] = content(cell);
    }
    sheets[sheet.name] = grid.map((line) => Array.from(line, (v) => v ?? null));
  }
  // HyperFormula numbers the sheets in the order given, which is how a custom function learns its cell's sheet
  const functions = beginFunctions(model, Object.keys(sheets));
  try {
    evaluate(model, sheets);
  } finally {
    endFunctions(functions);
  }
}

function evaluate(model: WorkbookModel, sheets: Record<string, unknown[][]>): void {
  const engine = HyperFormula.buildFromSheets(
    sheets as Parameters<typeof HyperFormula.buildFromSheets>[0],
    EXCEL_COMPATIBLE,
  );
  try {
    for (const sheet of model.sheets) {
      const id = engine.getSheetId(sheet.name) as number;
      for (const [row, column, cell] of sheet.entries()) {
        if (cell.formula === null) continue;
        const result = engine.getCellValue({ sheet: id, row, col: column });
        if (result instanceof DetailedCellError) {
          // a custom function still computing shows #BUSY!, as Excel does while it waits
          cell.value = isBusy(result.message) ? '#BUSY!' : result.value;
          cell.isError = true;
        } else {
          // an empty reference computes to 0 in Excel (=A1 of an empty A1 shows 0)
          cell.value = result === null ? 0 : (result as string | number | boolean);
          cell.isError = false;
        }
      }
    }
  } finally {
    engine.destroy();
  }
}
