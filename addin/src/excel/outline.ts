/**
 * The plan's shape in the grid: Excel's row outline by depth (perspective rows at level 0, their strategic objectives
 * at 1, … indicators at 3, so the outline buttons 1–4 show the plan down to a level and each group collapses),
 * the title cell indented by depth, objective rows in bold. Consecutive rows alike become one range action, and the
 * actions travel in requests packed by the byte budget: one context.sync() per chunk.
 *
 * Office.js cannot read a row's outline level, and Range.ungroup takes away one level at a time; so the depth and the
 * rows the last call grouped are kept in a workbook setting, and that many levels are ungrouped before grouping
 * again. Ungrouping leaves hidden rows hidden (as Excel does), so groups a user collapsed stay collapsed. The same
 * outline again (the setting names it) is left alone by ExcelWorkbook.shapeRows, without lifting the protection.
 * Range.group / ungroup need ExcelApi 1.10 and RangeFormat.indentLevel 1.9; without them the rows are only bolded.
 */
import { ACTION_OVERHEAD_BYTES, packBySize } from '../workbook/chunks';
import { MAX_OUTLINE_LEVELS, type OutlineMemory, outlineRuns, outlineSetting, outlineShape } from '../workbook/outline';
import type { PlanOutline } from '../workbook/port';
import type { Geometry } from './geometry';
import { type ApiSupport, suspendScreen } from './runner';

export async function applyOutline(
  context: Excel.RequestContext,
  geometry: Geometry,
  outline: PlanOutline,
  previous: OutlineMemory | null,
  budget: number,
  supports: ApiSupport,
): Promise<void> {
  const { sheet, top, left, rowCount, headers } = geometry;
  const runs = outlineRuns(outline, rowCount);
  const rowsAt = (first: number, count: number) => sheet.getRangeByIndexes(top + first, left, count, headers.length);
  const grouping = supports('1.10');
  const titleAt = outline.titleColumn === null ? -1 : headers.indexOf(outline.titleColumn);
  const actions: Array<() => void> = [];
  if (grouping && previous && previous.depth > 0) {
    const span = Math.max(previous.rows, rowCount);
    for (let level = 0; level < Math.min(previous.depth, MAX_OUTLINE_LEVELS); level++)
      actions.push(() => rowsAt(0, span).ungroup('ByRows'));
  }
  if (grouping) for (const [first, count] of runs.groups) actions.push(() => rowsAt(first, count).group('ByRows'));
  for (const [first, count, bold] of runs.bold)
    actions.push(() => {
      rowsAt(first, count).format.font.bold = bold;
    });
  if (supports('1.9') && titleAt >= 0)
    for (const [first, count, depth] of runs.indents)
      actions.push(() => {
        sheet.getRangeByIndexes(top + first, left + titleAt, count, 1).format.indentLevel = depth;
      });
  if (grouping) {
    const memory: OutlineMemory = { depth: runs.depth, rows: rowCount, shape: outlineShape(outline, rowCount) };
    actions.push(() => context.workbook.settings.add(outlineSetting(geometry.name), JSON.stringify(memory)));
  }
  // at least one request: the sheet's protection, lifted in the first one, is read there (protection.ts)
  if (actions.length === 0) actions.push(() => undefined);
  for (const [start, end] of packBySize(
    actions.map(() => ACTION_OVERHEAD_BYTES),
    budget,
  )) {
    for (const action of actions.slice(start, end)) action();
    suspendScreen(context, supports);
    await context.sync();
  }
}
