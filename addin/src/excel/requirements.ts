/**
 * The manifest asks for ExcelApi 1.7 (tables' onChanged, getRangeByIndexes). A few calls need more; each is guarded
 * here so the pane still works, with less polish, on an older Excel:
 * - 1.8: data validation lists, `context.runtime.enableEvents` (without it our own writes raise change hints, which
 *   only cost a re-read at the next Sync);
 * - 1.9: `suspendScreenUpdatingUntilNextSync`.
 */
export function apiSupported(version: '1.7' | '1.8' | '1.9'): boolean {
  const requirements = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  return requirements ? requirements.isSetSupported('ExcelApi', version) : false;
}
