/**
 * The cruscotto columns of the canonical table (issue 14, item 5): where a row appears, after the plan's own input
 * columns. The workbook export adds them when the plan has cruscotti or "Azione" labels (a Bergamo plan), so that
 * export → import of such a plan is identity; a Sondrio or Brescia plan keeps the table it always had. Headers are
 * the contract's words (docs/sheet-contract.md, "Cruscotti"), which header recognition reads back exactly.
 * Pure: no ORM, no GraphQL, no Office imports.
 */
import type { CruscottoColumnKey } from './row';

export type CruscottoLayoutColumn = {
  key: CruscottoColumnKey;
  it: string;
  en: string;
  /** allowed values offered as a data-validation list (the server accepts more synonyms) */
  list?: { it: readonly string[]; en: readonly string[] };
  width: number;
};

export const DASHBOARD_KIND_WORDS = {
  it: ['strategico', 'servizio', 'segretario generale', 'dirigente', 'individuale'],
  en: ['strategic', 'service', 'secretary general', 'manager', 'individual'],
} as const;

export const ENTRY_LEVEL_WORDS = { it: ['strategico', 'operativo'], en: ['strategic', 'operational'] } as const;

export const CRUSCOTTO_LAYOUT: readonly CruscottoLayoutColumn[] = [
  { key: 'actionLabel', it: 'Etichetta azione', en: 'Action label', width: 36 },
  { key: 'dashboard', it: 'Cruscotto', en: 'Dashboard', width: 30 },
  { key: 'dashboardKind', it: 'Tipo cruscotto', en: 'Dashboard kind', list: DASHBOARD_KIND_WORDS, width: 16 },
  { key: 'dashboardOwner', it: 'Responsabile cruscotto', en: 'Dashboard owner', width: 24 },
  { key: 'position', it: 'Ordine', en: 'Order', width: 8 },
  { key: 'entryLevel', it: 'Livello nel cruscotto', en: 'Entry level', list: ENTRY_LEVEL_WORDS, width: 12 },
  { key: 'entryWeight', it: 'Peso nel cruscotto', en: 'Entry weight', width: 10 },
  { key: 'entryDataSource', it: 'Fonte nel cruscotto', en: 'Entry data source', width: 20 },
];

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
