/**
 * The words of the cruscotto cells (issue 14, item 5) in both languages: the kinds of a cruscotto and the levels of an
 * entry, as the add-in's table and the workbook export write them and header recognition reads them back. The
 * columns themselves are core/sheet/layout.ts's CRUSCOTTO_LAYOUT, one list for both. Pure: no ORM, GraphQL or Office.
 */

export const DASHBOARD_KIND_WORDS = {
  it: ['strategico', 'servizio', 'segretario generale', 'dirigente', 'individuale'],
  en: ['strategic', 'service', 'secretary general', 'manager', 'individual'],
} as const;

export const ENTRY_LEVEL_WORDS = { it: ['strategico', 'operativo'], en: ['strategic', 'operational'] } as const;

/** A dashboard kind as stored (DashboardKind) → the word the sheet shows. */
export function dashboardKindWord(kind: string, language: 'it' | 'en'): string {
  const stored = ['strategic', 'service', 'sg', 'dirigente', 'individual'];
  const i = stored.indexOf(kind);
  return i < 0 ? kind : DASHBOARD_KIND_WORDS[language][i];
}

/** An entry level as stored (EntryLevel) → the word the sheet shows. */
export function entryLevelWord(level: string, language: 'it' | 'en'): string {
  const i = ['strategic', 'operational'].indexOf(level);
  return i < 0 ? level : ENTRY_LEVEL_WORDS[language][i];
}
