/**
 * The words of live updates, in Italian and English (same keys in both). Italian first: an English pane shows the
 * Italian line and then its English, so a colleague reading over the shoulder in either language follows it.
 */
import type { Language } from './i18n';

const it = {
  connecting: 'Collegamento agli aggiornamenti in tempo reale…',
  live: 'Aggiornamenti in tempo reale attivi: le modifiche dei colleghi arrivano da sole.',
  polling:
    'Aggiornamenti in tempo reale non disponibili (proxy o firewall): controllo delle modifiche ogni {seconds} s.',
  updatedBy: 'Aggiornato da {who} alle {time}',
  updatedAt: 'Aggiornato alle {time}',
};

const en: typeof it = {
  connecting: 'Connecting to live updates…',
  live: "Live updates on: colleagues' changes arrive by themselves.",
  polling: 'Live updates unavailable (proxy or firewall): checking for changes every {seconds} s.',
  updatedBy: 'Updated by {who} at {time}',
  updatedAt: 'Updated at {time}',
};

export type LiveWord = keyof typeof it;

/** the line in the pane's language: Italian, or Italian then English */
export function liveLine(language: Language, key: LiveWord, values: Record<string, string | number> = {}): string {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k] ?? ''));
  return language === 'it' ? fill(it[key]) : `${fill(it[key])} · ${fill(en[key])}`;
}

/** 10:42, the pane's local time, as a person reads a clock */
export function clockTime(at: Date): string {
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
