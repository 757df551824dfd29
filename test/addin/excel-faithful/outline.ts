/**
 * Excel's row outline, as Range.group / ungroup (ExcelApi 1.10) and the outline buttons change it. A row's outline
 * level belongs to the whole sheet row (0 when ungrouped, at most 8). `group` raises every row of the range by one
 * level (Excel refuses a ninth); `ungroup` "removes the outermost level from the outline" (learn.microsoft.com,
 * "Group ranges for an outline"): every grouped row of the range goes down one level, and a range with no grouped
 * row is refused, as Excel's Ungroup is (this double's reading: Office does not document that case, so the add-in
 * never relies on it). Ungrouping never unhides a row a collapsed group hid. The level buttons ("1", "2", … at the
 * sheet's corner, Worksheet.showOutlineLevels) show rows whose level is below the button and hide the others.
 * A protected sheet refuses all of it, the buttons and + / − included: Excel's sheet protection has no option for
 * outlining (WorksheetProtectionOptions lists none; only VBA's EnableOutlining, never saved, lifts it).
 * Only rows: the add-in outlines no columns, so grouping by columns is refused as unsupported here.
 */
import { accessDenied, invalidArgument, invalidOperation } from './errors';
import type { Rect, SheetModel } from './model';

export const MAX_OUTLINE_LEVELS = 8;

function byRowsOnly(option: string, where: string): void {
  if (option !== 'ByRows') throw invalidArgument(`this double outlines rows only, not "${option}"`, where);
}

/** a protected sheet refuses outlining, whatever its protection options */
function writable(sheet: SheetModel, where: string): void {
  if (sheet.protection.protected) throw accessDenied(where);
}

export function levelOf(sheet: SheetModel, row: number): number {
  return sheet.decorations.rowOutline[row] ?? 0;
}

export function groupRows(sheet: SheetModel, rect: Rect, option: string): void {
  byRowsOnly(option, 'Range.group');
  writable(sheet, 'Range.group');
  for (let r = rect.row; r < rect.row + rect.rows; r++)
    if (levelOf(sheet, r) >= MAX_OUTLINE_LEVELS)
      throw invalidOperation(`row ${r + 1} is already at the outline's ${MAX_OUTLINE_LEVELS} levels`, 'Range.group');
  for (let r = rect.row; r < rect.row + rect.rows; r++) sheet.decorations.rowOutline[r] = levelOf(sheet, r) + 1;
}

export function ungroupRows(sheet: SheetModel, rect: Rect, option: string): void {
  byRowsOnly(option, 'Range.ungroup');
  writable(sheet, 'Range.ungroup');
  let grouped = false;
  for (let r = rect.row; r < rect.row + rect.rows; r++) grouped ||= levelOf(sheet, r) > 0;
  if (!grouped) throw invalidOperation('the range has no grouped rows', 'Range.ungroup');
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    const level = levelOf(sheet, r);
    if (level > 1) sheet.decorations.rowOutline[r] = level - 1;
    else delete sheet.decorations.rowOutline[r];
  }
}

/** the outline button `rowLevels` (0: rows untouched): rows at a level below it shown, deeper ones hidden */
export function showOutlineLevels(sheet: SheetModel, rowLevels: number): void {
  if (!Number.isInteger(rowLevels) || rowLevels < 0 || rowLevels > MAX_OUTLINE_LEVELS)
    throw invalidArgument(`rowLevels ${rowLevels}`, 'Worksheet.showOutlineLevels');
  writable(sheet, 'Worksheet.showOutlineLevels');
  if (rowLevels === 0) return;
  for (const [row, level] of Object.entries(sheet.decorations.rowOutline)) {
    if (level >= rowLevels) sheet.hiddenRows.add(Number(row));
    else sheet.hiddenRows.delete(Number(row));
  }
}
