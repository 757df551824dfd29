import type { ApiVersion } from './runner';

/**
 * The manifest asks for ExcelApi 1.7 (tables' onChanged, getRangeByIndexes). A few calls need more; each is guarded
 * here so the pane still works, with less polish, on an older Excel:
 * - 1.8: data validation lists, `context.runtime.enableEvents` (without it our own writes raise change hints, which
 *   only cost a re-read at the next Sync);
 * - 1.9: `suspendScreenUpdatingUntilNextSync`, `RangeFormat.indentLevel` (the indented titles, outline.ts);
 * - 1.10: `Range.group` / `ungroup` (the plan's row outline, outline.ts).
 * Conditional formats (the traffic-light icons, 1.6), the chart's series type and point fills (1.7) need no guard.
 */
export function apiSupported(version: ApiVersion): boolean {
  const requirements = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  return requirements ? requirements.isSetSupported('ExcelApi', version) : false;
}
