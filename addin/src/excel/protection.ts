/**
 * Sheet protection (issue 12, item 4). Excel refuses typing into a locked cell of a protected sheet, and refuses the
 * API's writes to it just the same (https://learn.microsoft.com/javascript/api/excel/excel.errorcodes, AccessDenied),
 * so the add-in lifts the protection for the length of its own write and puts it back, with the options the sheet
 * had, before the batch ends. No password: a person may lift it (Revisione → Rimuovi protezione foglio) when a row
 * has to be added or a column moved. WorksheetProtection and Range.format.protection are ExcelApi 1.2, below the
 * manifest's 1.7.
 */
import type { Geometry } from './geometry';
import { columnIndex } from './geometry';

/** what the user may still do on the protected sheet: filter and sort (sorting moves locked cells, so Excel refuses it
 * anyway while any is locked), nothing that changes the table's shape or its formats */
const OPTIONS: Excel.WorksheetProtectionOptions = { allowAutoFilter: true, allowSort: true };

/**
 * Locks every cell of the table, unlocks the body of the `editable` columns and protects the sheet; `null` lifts
 * the protection. Two requests: the sheet's state, then the locks and the protection.
 */
export async function protectTable(
  context: Excel.RequestContext,
  geometry: Geometry,
  editable: readonly string[] | null,
): Promise<void> {
  const protection = geometry.sheet.protection.load('protected');
  await context.sync();
  // locks can change only while the sheet is unprotected, and protect() fails on a protected sheet
  if (protection.protected) geometry.sheet.protection.unprotect();
  if (editable !== null) {
    const { sheet, top, left, rowCount, headers } = geometry;
    sheet.getRangeByIndexes(top - 1, left, rowCount + 1, headers.length).format.protection.locked = true;
    if (rowCount > 0) {
      for (const header of editable)
        sheet.getRangeByIndexes(top, left + columnIndex(geometry, header), rowCount, 1).format.protection.locked =
          false;
    }
    geometry.sheet.protection.protect(OPTIONS);
  }
  await context.sync();
}

/**
 * Runs the add-in's own writes to a sheet that may be protected: the sheet's protection is read and lifted in the
 * first request of `work` (queued, no request of its own), and put back after it with the options it had. One more
 * request only when the sheet was protected. If a request of `work` fails before the state came back, the sheet is
 * left unprotected; the pane protects it again after the next Load or Sync.
 */
export async function whileUnprotected<T>(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  work: () => Promise<T>,
): Promise<T> {
  const protection = sheet.protection.load('protected,options');
  // unprotecting a sheet that is not protected changes nothing
  sheet.protection.unprotect();
  try {
    return await work();
  } finally {
    let was: { protected: boolean; options: Excel.WorksheetProtectionOptions } | null = null;
    try {
      was = { protected: protection.protected, options: protection.options };
    } catch {
      // the state never came back (the first request failed): nothing is known to put back
    }
    if (was?.protected) {
      sheet.protection.protect(was.options);
      await context.sync();
    }
  }
}
