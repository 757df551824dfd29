/**
 * Whether a change the server reports is news to this sheet: a row at another version than the sheet's (or not in
 * it), a row of the sheet deleted, or scores moved with no row changing (a profile revised). A change whose rows
 * the sheet already holds at their versions is this pane's own Sync coming back: nothing to refresh or announce.
 */
import type { WorkbookPort } from '../workbook/port';
import { readPlanTable } from './context';
import type { StoredState } from './state';

export type Reported = {
  rows: ReadonlyArray<{ rowId: string; rowVersion: number }>;
  deletedRowIds: readonly string[];
  /** the live event's moved scores; absent for a sheetRows page (polling) */
  scores?: readonly unknown[];
};

export async function isNews(port: WorkbookPort, state: StoredState, reported: Reported): Promise<boolean> {
  const table = await readPlanTable(port, state.binding);
  const versions = new Map(table.lines.filter((l) => l.rowId).map((l) => [l.rowId!, l.rowVersion]));
  if (reported.rows.some((r) => versions.get(r.rowId) !== r.rowVersion)) return true;
  if (reported.deletedRowIds.some((id) => versions.has(id))) return true;
  return reported.rows.length === 0 && (reported.scores?.length ?? 0) > 0;
}
